// A hand-built annotation file of format version 2 (docs/FORMAT.md): entity groups with
// base forms, an acronym and a NORP word linked to its place, quotations (a nested one, an
// unknown and a guessed speaker) and article info. The engine's quotation and article stages
// are not merged yet, so the browser tests open this file to exercise those panels.
import crypto from 'node:crypto';

const LABELS = [
  { name: 'PER', color: '#f4a261', description: 'person' },
  { name: 'ORG', color: '#8ecae6', description: 'organisation' },
  { name: 'LOC', color: '#90be6d', description: 'place: country, city, region, geographic feature' },
  { name: 'NORP', color: '#c5e1a5', description: 'nationality or relational word derived from a place or people' },
  { name: 'DATE', color: '#ffd166', description: 'date or period' },
  { name: 'PERCENT', color: '#76e4c3', description: 'percentage' },
];

// Filler paragraphs push the group's second mention far below the first screen.
const FILLER = [
  'Wizyta odbyła się w chłodnej atmosferze, choć obie strony podkreślały wagę wzajemnych relacji. ' +
    'Delegacje rozmawiały o handlu, transporcie i energetyce; omawiano też przyszłość wspólnych przedsięwzięć.',
  'Komentatorzy zwracali uwagę na symbolikę pierwszej zagranicznej podróży po wyborach. ' +
    'Zdaniem części ekspertów gest ten miał uspokoić partnerów, którzy z niepokojem śledzili ostatnie wydarzenia.',
  'W rozmowach poruszono kwestie gazu ziemnego, tranzytu ropy naftowej oraz handlu zbożem. ' +
    'Żadna ze stron nie ujawniła szczegółów porozumień, a konferencja prasowa trwała zaledwie kwadrans.',
  'Gospodarze przygotowali bogaty program kulturalny: koncert, wystawę i zwiedzanie zabytków. ' +
    'Goście mieli też okazję spotkać się z przedstawicielami środowisk biznesowych i naukowych.',
];

function codepoints(s) { return Array.from(s).length; }

// Code-point span of the n-th occurrence (0-based) of `needle` in `text`.
function spanOf(text, needle, n = 0) {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${n} is not in the text`);
  }
  const start = codepoints(text.slice(0, at));
  return { start, end: start + codepoints(needle) };
}

export function buildV2File() {
  const paragraphs = [
    'Prezydent Kazachstanu w Moskwie',
    'Kasym-Żomart Tokajew przybył do Moskwy w poniedziałek. Rozmowy dotyczyły współpracy ' +
      'z Organizacją Układu o Bezpieczeństwie Zbiorowym (ODKB) i handlu, który wzrósł o 5 proc.',
    ...FILLER, ...FILLER,
    'Tokajewa przyjął na Kremlu Władimir Putin. „Wysoko to cenimy” – powiedział rosyjski przywódca. ' +
      '„Współpraca z ODKB pozostaje ważna” – dodał Putin.',
    '„Nie wiem, co powiedział «on» podczas kolacji” – mówiono w kuluarach. Tokajew wrócił do Astany.',
    'fergana.news',
  ];
  const text = paragraphs.join('\n\n');
  const entities = [];
  const add = (needle, n, label, group, lemma, extra = {}) => {
    entities.push({ ...spanOf(text, needle, n), label, text: needle, ...(lemma ? { lemma } : {}),
                    ...(group ? { group } : {}), origin: 'model', confidence: 0.91, status: 'unreviewed', ...extra });
  };
  add('Kazachstanu', 0, 'LOC', 'g5', 'Kazachstan');
  add('Moskwie', 0, 'LOC', 'g2', 'Moskwa');
  add('Kasym-Żomart Tokajew', 0, 'PER', 'g1', 'Kasym-Żomart Tokajew');
  add('Moskwy', 0, 'LOC', 'g2', 'Moskwa');
  add('poniedziałek', 0, 'DATE', '', '', { value: 'XXXX-WXX-1', origin: 'rule', confidence: 1 });
  add('Organizacją Układu o Bezpieczeństwie Zbiorowym', 0, 'ORG', 'g3', 'Organizacja Układu o Bezpieczeństwie Zbiorowym');
  add('ODKB', 0, 'ORG', 'g3', 'ODKB');
  add('5 proc.', 0, 'PERCENT', '', '', { value: '5', origin: 'rule', confidence: 1 });
  add('Tokajewa', 0, 'PER', 'g1', 'Tokajew');
  add('Kremlu', 0, 'LOC', 'g6', 'Kreml');
  add('Władimir Putin', 0, 'PER', 'g4', 'Władimir Putin');
  add('rosyjski', 0, 'NORP', 'g7', 'rosyjski');
  add('ODKB', 1, 'ORG', 'g3', 'ODKB');
  add('Putin', 1, 'PER', 'g4', 'Putin');
  add('Tokajew', 2, 'PER', 'g1', 'Tokajew');
  add('Astany', 0, 'LOC', 'g8', 'Astana');
  entities.sort((a, b) => a.start - b.start || a.end - b.end);
  entities.forEach((e, i) => { e.id = 'e' + (i + 1); });

  const groups = [
    { id: 'g1', label: 'PER', name: 'Kasym-Żomart Tokajew' },
    { id: 'g2', label: 'LOC', name: 'Moskwa' },
    { id: 'g3', label: 'ORG', name: 'Organizacja Układu o Bezpieczeństwie Zbiorowym', acronym: 'ODKB' },
    { id: 'g4', label: 'PER', name: 'Władimir Putin' },
    { id: 'g5', label: 'LOC', name: 'Kazachstan' },
    { id: 'g6', label: 'LOC', name: 'Kreml' },
    { id: 'g7', label: 'NORP', name: 'rosyjski', link: 'g9', place: 'Rosja' },
    { id: 'g8', label: 'LOC', name: 'Astana' },
    { id: 'g9', label: 'LOC', name: 'Rosja' },  // mentioned nowhere: a group without mentions
  ].map((g) => {
    const mentions = entities.filter((e) => e.group === g.id).map((e) => e.id);
    return { ...g, count: mentions.length, mentions };
  });

  const quote = (id, needle, extra) => ({ id, ...spanOf(text, needle), text: needle, ...extra });
  const sub = (key, needle, n = 0) => {
    const s = spanOf(text, needle, n);
    return { [key + '_start']: s.start, [key + '_end']: s.end };
  };
  const quotes = [
    quote('q1', '„Wysoko to cenimy”', { speaker: 'g4', ...sub('speaker', 'rosyjski przywódca'), speaker_text: 'rosyjski przywódca',
                                        ...sub('cue', 'powiedział'), cue: 'powiedział', attribution: 'role', confidence: 0.55, uncertain: true }),
    quote('q2', '„Współpraca z ODKB pozostaje ważna”', { speaker: 'g4', ...sub('speaker', 'Putin', 1), speaker_text: 'Putin',
                                                        ...sub('cue', 'dodał'), cue: 'dodał', attribution: 'name', confidence: 0.95, uncertain: false }),
    quote('q3', '„Nie wiem, co powiedział «on» podczas kolacji”', { ...sub('cue', 'mówiono'), cue: 'mówiono', confidence: 0.2, uncertain: true }),
    quote('q4', '«on»', { confidence: 0, uncertain: true, parent: 'q3' }),
  ];
  const words = text.split(/\s+/).filter(Boolean).length;
  return {
    format: 'glosa', version: 2, text,
    sha256: crypto.createHash('sha256').update(text, 'utf8').digest('hex'),
    lang: 'pl', labels: LABELS, entities, groups, quotes,
    article: { title: paragraphs[0], date: '2022-11', source: 'fergana.news', urls: [], words,
               reading_minutes: Math.ceil(words / 200) },
    meta: { tool: 'glosa e2e', model: '', created: '2026-11-25T10:00:00Z' },
  };
}
