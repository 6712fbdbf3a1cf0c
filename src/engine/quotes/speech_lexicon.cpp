// Verbs of saying, role nouns and function words for quotation attribution. Layer: engine/quotes.
#include "engine/quotes/speech_lexicon.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <vector>

namespace glosa {

namespace {

bool uses_polish(std::string_view lang) { return lang != "en"; }
bool uses_english(std::string_view lang) { return lang != "pl"; }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

template <size_t N>
bool contains(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// A word list sorted once for binary search (the long lists are looked up for every word
// of every attribution clause).
class WordSet {
 public:
  template <size_t N>
  explicit WordSet(const std::string_view (&list)[N]) : words_(std::begin(list), std::end(list)) {
    std::sort(words_.begin(), words_.end());
  }
  bool has(std::string_view w) const { return std::binary_search(words_.begin(), words_.end(), w); }

 private:
  std::vector<std::string_view> words_;
};

// --- Polish verbs of saying ---

// Masculine singular past forms; every other gender and number is derived (pl_past_base).
constexpr std::string_view kPlPast[] = {
    "alarmował", "apelował", "argumentował", "ciągnął", "cytował", "deklarował", "dodał",
    "dodawał", "dopowiedział", "doprecyzował", "dopytywał", "dziwił", "informował", "kontynuował",
    "komentował", "krzyknął", "mówił", "napisał", "napomknął", "nawoływał", "nazwał", "obiecał",
    "obiecywał", "ocenił", "oceniał", "odparł", "odpowiadał", "odpowiedział", "ogłosił",
    "opowiadał", "opowiedział", "określił", "ostrzegał", "ostrzegł", "oznajmił", "oświadczył",
    "oświadczał", "pisał", "podał", "podkreślał", "podkreślił", "podsumował", "podsumowywał",
    "poinformował", "potwierdził", "potwierdzał", "powiedział", "powtarzał", "powtórzył",
    "prognozował", "protestował", "przekazał", "przekazywał", "przekonywał", "przestrzegał",
    "przestrzegł", "przewidywał", "przyznał", "przyznawał", "przypominał", "przypomniał",
    "pytał", "relacjonował", "rzekł", "skomentował", "spytał", "sprecyzował", "stwierdzał",
    "stwierdził", "sugerował", "tłumaczył", "twierdził", "tweetował", "ubolewał", "uzupełnił",
    "uznał", "uściślił", "uważał", "westchnął", "wezwał", "wskazał", "wskazywał", "wtrącił",
    "wyjaśniał", "wyjaśnił", "wykrzyknął", "wyliczał", "wytłumaczył", "wyznał", "wzywał",
    "zaalarmował", "zaapelował", "zacytował", "zadeklarował", "zakomunikował", "zakończył",
    "zapewniał", "zapewnił", "zapowiadał", "zapowiedział", "zaprotestował", "zaprzeczał",
    "zaprzeczył", "zapytał", "zarzucał", "zarzucił", "zasugerował", "zastrzegał", "zastrzegł",
    "zauważał", "zauważył", "zaznaczał", "zaznaczył", "zażartował", "zdradził", "zeznał",
    "zeznawał", "żartował", "grzmiał", "zagrzmiał", "ripostował", "zripostował", "dowodził",
    "przekonał", "wspominał", "wspomniał", "opisywał", "opisał", "zwrócił", "wyraził"};

// Present tense, third person (singular and plural): gender unknown.
constexpr std::string_view kPlPresent[] = {
    "alarmuje", "alarmują", "apeluje", "apelują", "argumentuje", "argumentują", "cytuje",
    "czytamy", "deklaruje", "deklarują", "dodaje", "dodają", "dopowiada", "informuje",
    "informują", "komentuje", "komentują", "kontynuuje", "kontynuują", "mówi", "mówią",
    "nazywa", "ocenia", "oceniają", "odpowiada", "odpowiadają", "odpiera", "opowiada",
    "opowiadają", "określa", "ostrzega", "ostrzegają", "oświadcza", "oświadczają", "pisze",
    "piszą", "podkreśla", "podkreślają", "podsumowuje", "podsumowują", "potwierdza",
    "potwierdzają", "powtarza", "powtarzają", "prognozuje", "przekazuje", "przekazują",
    "przekonuje", "przekonują", "przestrzega", "przewiduje", "przewidują", "przyznaje",
    "przyznają", "przypomina", "przypominają", "pyta", "pytają", "relacjonuje", "relacjonują",
    "stwierdza", "stwierdzają", "sugeruje", "sugerują", "tłumaczy", "tłumaczą", "twierdzi",
    "twierdzą", "uważa", "uważają", "wskazuje", "wskazują", "wspomina", "wyjaśnia",
    "wyjaśniają", "wylicza", "zapewnia", "zapewniają", "zapowiada", "zapowiadają", "zaprzecza",
    "zarzuca", "zastrzega", "zastrzegają", "zauważa", "zauważają", "zaznacza", "zaznaczają",
    "dowodzi", "opisuje", "ripostuje", "grzmi", "ubolewa", "zwraca"};

// Adverbial participles: "…, twierdząc, że jego celem jest „ugaszenie pożaru”".
constexpr std::string_view kPlParticiples[] = {
    "apelując", "argumentując", "cytując", "deklarując", "dodając", "informując", "komentując",
    "mówiąc", "nazywając", "oceniając", "odpowiadając", "określając", "ostrzegając", "podkreślając",
    "przekonując", "przypominając", "pytając", "stwierdzając", "tłumacząc", "twierdząc",
    "wskazując", "wyjaśniając", "zapewniając", "zapowiadając", "zaznaczając"};

// Impersonal forms: something was said, by nobody named.
constexpr std::string_view kPlImpersonal[] = {
    "czytamy", "dodano", "napisano", "oceniono", "ogłoszono", "oświadczono", "podano",
    "podkreślono", "poinformowano", "powiedziano", "przekazano", "przypomniano", "stwierdzono",
    "uznano", "wskazano", "wyjaśniono", "zadeklarowano", "zapewniono", "zapowiedziano",
    "zaznaczono", "zauważono"};

// Verbs that usually continue the previous speaker ("– dodał.").
constexpr std::string_view kPlContinuation[] = {
    "dodał", "dodawał", "dodaje", "dodają", "dopowiedział", "dopowiada", "kontynuował",
    "kontynuuje", "kontynuują", "uzupełnił", "ciągnął"};

// Verbs whose cue needs a second word: "zwrócił uwagę" (pointed out), "wyraził opinię".
bool needs_object(std::string_view entry) { return entry == "zwrócił" || entry == "zwraca" || entry == "wyraził"; }
bool is_cue_object(std::string_view entry, std::string_view next) {
  if (entry == "wyraził") {
    return next == "opinię" || next == "nadzieję" || next == "przekonanie" || next == "obawę" ||
           next == "zdanie" || next == "wątpliwość";
  }
  return next == "uwagę";
}

// Maps a Polish past form to its masculine singular entry and the gender its ending shows:
// "powiedziała" -> "powiedział" (F), "powiedzieli" -> "powiedział" (Pl), "ciągnęła" ->
// "ciągnął" (F). Tries each reading; returns "" when none is in kPlPast.
std::string pl_past_base(std::string_view w, Gender* gender, bool* first_person) {
  struct Rule {
    std::string_view suffix;
    std::string_view replacement;
    Gender gender;
    bool first_person;
  };
  static const std::array<Rule, 20> kRules = {{
      {"ęłam", "ął", Gender::Feminine, true},
      {"ąłem", "ął", Gender::Masculine, true},
      {"ęliśmy", "ął", Gender::Plural, true},
      {"ęłyśmy", "ął", Gender::Plural, true},
      {"ieliśmy", "iał", Gender::Plural, true},
      {"liśmy", "ł", Gender::Plural, true},
      {"łyśmy", "ł", Gender::Plural, true},
      {"łam", "ł", Gender::Feminine, true},
      {"łem", "ł", Gender::Masculine, true},
      {"ęła", "ął", Gender::Feminine, false},
      {"ęło", "ął", Gender::Neuter, false},
      {"ęły", "ął", Gender::Plural, false},
      {"ęli", "ął", Gender::Plural, false},
      {"ieli", "iał", Gender::Plural, false},
      {"ła", "ł", Gender::Feminine, false},
      {"ło", "ł", Gender::Neuter, false},
      {"ły", "ł", Gender::Plural, false},
      {"li", "ł", Gender::Plural, false},
      {"ął", "ął", Gender::Masculine, false},
      {"ł", "ł", Gender::Masculine, false},
  }};
  for (const Rule& r : kRules) {
    if (!ends_with(w, r.suffix) || w.size() == r.suffix.size()) continue;
    std::string base(w.substr(0, w.size() - r.suffix.size()));
    base += r.replacement;
    static const WordSet past(kPlPast);
    if (past.has(base)) {
      *gender = r.gender;
      *first_person = r.first_person;
      return base;
    }
  }
  return "";
}

SpeechCue polish_cue(std::string_view w, std::string_view next) {
  SpeechCue cue;
  if (w == "według" || w == "wg" || w == "zdaniem") {
    cue.is_cue = true;
    cue.word_count = 1;
    cue.is_source = true;
    return cue;
  }
  if (w == "w" && (next == "ocenie" || next == "opinii")) {  // "w ocenie Morawieckiego"
    cue.is_cue = true;
    cue.word_count = 2;
    cue.is_source = true;
    return cue;
  }
  Gender gender = Gender::Unknown;
  bool first_person = false;
  std::string base = pl_past_base(w, &gender, &first_person);
  static const WordSet present(kPlPresent);
  static const WordSet participles(kPlParticiples);
  static const WordSet impersonal(kPlImpersonal);
  if (impersonal.has(w)) {
    cue.is_cue = true;
    cue.word_count = 1;
    cue.is_impersonal = true;
    return cue;
  }
  std::string_view entry = base;
  if (base.empty() && (present.has(w) || participles.has(w))) entry = w;
  if (entry.empty()) return cue;
  if (needs_object(entry)) {
    if (!is_cue_object(entry, next)) return cue;
    cue.word_count = 2;
  } else {
    cue.word_count = 1;
  }
  cue.is_cue = true;
  // Present plurals end in -ą ("mówią", "uważają"): plural, gender unknown.
  if (base.empty() && ends_with(entry, "ą")) gender = Gender::Plural;
  cue.gender = gender;
  cue.is_first_person = first_person;
  cue.is_continuation = contains(kPlContinuation, entry);
  return cue;
}

// --- English verbs of saying ---

constexpr std::string_view kEnCues[] = {
    "acknowledge", "acknowledged", "acknowledges", "add", "added", "adds", "admit", "admits",
    "admitted", "announce", "announced", "announces", "answer", "answered", "answers", "argue",
    "argued", "argues", "ask", "asked", "asks", "assure", "assured", "assures", "claim",
    "claimed", "claims", "comment", "commented", "comments", "concede", "conceded", "concedes",
    "conclude", "concluded", "concludes", "confirm", "confirmed", "confirms", "continue",
    "continued", "continues", "cried", "declare", "declared", "declares", "denied", "denies",
    "deny", "emphasise", "emphasised", "emphasises", "emphasize", "emphasized", "emphasizes",
    "explain", "explained", "explains", "insist", "insisted", "insists", "joked", "jokes",
    "maintain", "maintained", "maintains", "note", "noted", "notes", "observe", "observed",
    "observes", "pledged", "predict", "predicted", "predicts", "promise", "promised",
    "promises", "quipped", "recall", "recalled", "recalls", "remark", "remarked", "remarks",
    "replied", "replies", "reply", "respond", "responded", "responds", "said", "say", "says",
    "shouted", "state", "stated", "states", "stress", "stressed", "stresses", "suggest",
    "suggested", "suggests", "tell", "tells", "testified", "told", "tweeted", "urge", "urged",
    "urges", "vow", "vowed", "vows", "warn", "warned", "warns", "whispered", "wrote", "write",
    "writes", "called", "calls", "described", "describes", "exclaimed", "countered", "counters",
    "reiterated", "reiterates", "cautioned", "cautions", "mused", "wondered", "saying",
    "adding", "noting", "arguing", "insisting", "warning", "explaining", "asking", "claiming",
    "stressing", "telling"};

constexpr std::string_view kEnContinuation[] = {"added", "adds", "continued",
                                                            "continues", "concluded", "concludes"};

SpeechCue english_cue(std::string_view w, std::string_view next) {
  SpeechCue cue;
  if (w == "according" && next == "to") {
    cue.is_cue = true;
    cue.word_count = 2;
    cue.is_source = true;
    return cue;
  }
  if ((w == "pointed" || w == "points") && next == "out") {
    cue.is_cue = true;
    cue.word_count = 2;
    return cue;
  }
  if ((w == "went" || w == "goes") && next == "on") {
    cue.is_cue = true;
    cue.word_count = 2;
    cue.is_continuation = true;
    return cue;
  }
  static const WordSet cues(kEnCues);
  if (!cues.has(w)) return cue;
  cue.is_cue = true;
  cue.word_count = 1;
  cue.is_continuation = contains(kEnContinuation, w);
  return cue;
}

// --- Role nouns ---

struct RoleEntry {
  std::string_view key;
  std::string_view forms;      // space-separated forms of any gender
  std::string_view fem_forms;  // space-separated feminine-only forms
};

// Polish: the inflected forms that occur in news (all cases of the singular).
constexpr RoleEntry kPlRoles[] = {
    {"prezydent", "prezydent prezydenta prezydentowi prezydentem prezydencie",
     "prezydentka prezydentki prezydentce prezydentkę prezydentką"},
    {"wiceprezydent", "wiceprezydent wiceprezydenta wiceprezydentowi wiceprezydentem wiceprezydencie", ""},
    {"premier", "premier premiera premierowi premierem premierze",
     "premierka premierki premierce premierkę premierką"},
    {"wicepremier", "wicepremier wicepremiera wicepremierowi wicepremierem wicepremierze", ""},
    {"minister", "minister ministra ministrowi ministrem ministrze", "ministerka ministerki"},
    {"wiceminister", "wiceminister wiceministra wiceministrowi wiceministrem wiceministrze", ""},
    {"rzecznik", "rzecznik rzecznika rzecznikowi rzecznikiem rzeczniku",
     "rzeczniczka rzeczniczki rzeczniczce rzeczniczkę rzeczniczką"},
    {"przywódca", "przywódca przywódcy przywódcą przywódcę przywódco",
     "przywódczyni przywódczynię"},
    {"szef", "szef szefa szefowi szefem szefie", "szefowa szefowej szefową"},
    {"prezes", "prezes prezesa prezesowi prezesem prezesie", "prezeska prezeski prezeską"},
    {"przewodniczący", "przewodniczący przewodniczącego przewodniczącemu przewodniczącym",
     "przewodnicząca przewodniczącej przewodniczącą"},
    {"kanclerz", "kanclerz kanclerza kanclerzowi kanclerzem", "kanclerzyni"},
    {"sekretarz", "sekretarz sekretarza sekretarzowi sekretarzem", ""},
    {"ambasador", "ambasador ambasadora ambasadorowi ambasadorem ambasadorze",
     "ambasadorka ambasadorki ambasadorką"},
    {"dyrektor", "dyrektor dyrektora dyrektorowi dyrektorem dyrektorze",
     "dyrektorka dyrektorki dyrektorką"},
    {"burmistrz", "burmistrz burmistrza burmistrzowi burmistrzem", ""},
    {"wojewoda", "wojewoda wojewody wojewodzie wojewodą wojewodę", ""},
    {"marszałek", "marszałek marszałka marszałkowi marszałkiem", "marszałkini"},
    {"poseł", "poseł posła posłowi posłem pośle", "posłanka posłanki posłance posłankę posłanką"},
    {"senator", "senator senatora senatorowi senatorem senatorze", "senatorka senatorki senatorką"},
    {"prokurator", "prokurator prokuratora prokuratorem prokuratorze", "prokuratorka"},
    {"sędzia", "sędzia sędziego sędziemu sędzią", "sędzina"},
    {"dowódca", "dowódca dowódcy dowódcą dowódcę", ""},
    {"generał", "generał generała generałowi generałem", ""},
    {"lider", "lider lidera liderowi liderem liderze", "liderka liderki liderką"},
    {"król", "król króla królowi królem", "królowa królowej królową"},
    {"papież", "papież papieża papieżowi papieżem", ""},
    {"gubernator", "gubernator gubernatora gubernatorem", ""},
    {"doradca", "doradca doradcy doradcą doradcę", "doradczyni"},
    {"ekspert", "ekspert eksperta ekspertem", "ekspertka ekspertki ekspertką"},
    {"analityk", "analityk analityka analitykiem", "analityczka analityczki"},
    {"dyplomata", "dyplomata dyplomaty dyplomatą dyplomatę", ""},
    {"polityk", "polityk polityka politykiem", "polityczka"},
    {"przedstawiciel", "przedstawiciel przedstawiciela przedstawicielem", "przedstawicielka"},
    {"wiceszef", "wiceszef wiceszefa wiceszefem", "wiceszefowa"},
    {"prymas", "prymas prymasa prymasem", ""},
    {"komisarz", "komisarz komisarza komisarzem", ""},
    {"szejk", "szejk szejka szejkiem", ""},
    {"monarcha", "monarcha monarchy monarchą", ""},
    {"dyktator", "dyktator dyktatora dyktatorem", ""},
    {"adwokat", "adwokat adwokata adwokatem", "adwokatka"},
    {"prawnik", "prawnik prawnika prawnikiem", "prawniczka"},
    {"mecenas", "mecenas mecenasa mecenasem", ""},
    {"negocjator", "negocjator negocjatora negocjatorem", "negocjatorka"},
    {"biskup", "biskup biskupa biskupem", ""},
    {"arcybiskup", "arcybiskup arcybiskupa arcybiskupem", ""},
    {"kardynał", "kardynał kardynała kardynałem", ""},
    {"europoseł", "europoseł europosła europosłem", "europosłanka"},
    {"eurodeputowany", "eurodeputowany eurodeputowanego eurodeputowanym", "eurodeputowana"},
    {"wiceprzewodniczący", "wiceprzewodniczący wiceprzewodniczącego", "wiceprzewodnicząca"},
    {"wicedyrektor", "wicedyrektor wicedyrektora wicedyrektorem", "wicedyrektorka"},
    {"wiceprezes", "wiceprezes wiceprezesa wiceprezesem", "wiceprezeska"},
    {"działacz", "działacz działacza działaczem", "działaczka"},
    {"komentator", "komentator komentatora komentatorem", "komentatorka"},
    {"dziennikarz", "dziennikarz dziennikarza dziennikarzem", "dziennikarka"},
    {"publicysta", "publicysta publicysty publicystą", "publicystka"},
};

constexpr RoleEntry kEnRoles[] = {
    {"president", "president", ""},
    {"vice president", "vice-president", ""},
    {"prime minister", "premier", ""},
    {"minister", "minister", ""},
    {"secretary", "secretary secretary-general", ""},
    {"spokesperson", "spokesperson spokesman", "spokeswoman"},
    {"leader", "leader", ""},
    {"chancellor", "chancellor", ""},
    {"king", "king", "queen"},
    {"ambassador", "ambassador envoy", ""},
    {"director", "director", ""},
    {"chief", "chief ceo", ""},
    {"chairman", "chairman chairperson", "chairwoman"},
    {"governor", "governor", ""},
    {"mayor", "mayor", ""},
    {"senator", "senator", ""},
    {"congressman", "congressman representative", "congresswoman"},
    {"general", "general", ""},
    {"commander", "commander", ""},
    {"official", "official", ""},
    {"head", "head", ""},
    {"pope", "pope", ""},
    {"judge", "judge", ""},
    {"prosecutor", "prosecutor", ""},
    {"lawmaker", "lawmaker legislator", ""},
    {"adviser", "adviser advisor", ""},
    {"analyst", "analyst strategist", ""},
    {"economist", "economist", ""},
    {"executive", "executive", ""},
    {"investor", "investor trader", ""},
    {"researcher", "researcher scientist", ""},
    {"expert", "expert", ""},
    {"diplomat", "diplomat", ""},
    {"emir", "emir", ""},
    {"prince", "prince", "princess"},
    {"commissioner", "commissioner", ""},
    {"politician", "politician", ""},
    {"lawyer", "lawyer attorney", ""},
    {"negotiator", "negotiator", ""},
    {"bishop", "bishop archbishop", ""},
    {"cardinal", "cardinal", ""},
    {"activist", "activist campaigner", ""},
    {"journalist", "journalist", ""},
};

// Every form of a role table, sorted, with its entry and whether it is feminine-only.
class RoleIndex {
 public:
  template <size_t N>
  explicit RoleIndex(const RoleEntry (&table)[N]) {
    for (const RoleEntry& e : table) {
      add(e.forms, e.key, false);
      add(e.fem_forms, e.key, true);
    }
    std::stable_sort(forms_.begin(), forms_.end(), [](const Form& a, const Form& b) { return a.form < b.form; });
  }

  RoleNoun find(std::string_view w) const {
    RoleNoun out;
    auto it = std::lower_bound(forms_.begin(), forms_.end(), w,
                               [](const Form& f, std::string_view x) { return f.form < x; });
    if (it == forms_.end() || it->form != w) return out;
    out.key = std::string(it->key);
    out.word_count = 1;
    out.gender = it->is_feminine ? Gender::Feminine : Gender::Unknown;
    return out;
  }

 private:
  struct Form {
    std::string_view form;
    std::string_view key;
    bool is_feminine;
  };
  void add(std::string_view forms, std::string_view key, bool feminine) {
    size_t pos = 0;
    while (pos < forms.size()) {
      size_t end = forms.find(' ', pos);
      if (end == std::string_view::npos) end = forms.size();
      if (end > pos) forms_.push_back(Form{forms.substr(pos, end - pos), key, feminine});
      pos = end + 1;
    }
  }
  std::vector<Form> forms_;
};

RoleNoun english_role(std::string_view w, std::string_view next) {
  RoleNoun out;
  // Two-word roles first: "prime minister", "vice president", "foreign minister"...
  if ((w == "prime" && next == "minister") || (w == "vice" && next == "president") ||
      (w == "deputy" && (next == "minister" || next == "president"))) {
    out.key = std::string(w == "prime" ? "prime minister" : std::string(w) + " " + std::string(next));
    if (w == "vice") out.key = "vice president";
    out.word_count = 2;
    return out;
  }
  static const RoleIndex roles(kEnRoles);
  out = roles.find(w);
  if (w == "spokesman" || w == "chairman" || w == "congressman" || w == "king" || w == "prince") {
    if (!out.key.empty()) out.gender = Gender::Masculine;
  }
  return out;
}

constexpr std::string_view kPlPrepositions[] = {
    "z", "ze", "do", "od", "ode", "dla", "o", "na", "w", "we", "po", "przy", "przez", "za",
    "przed", "pod", "nad", "u", "między", "wobec", "podczas", "wśród", "bez", "obok", "ku",
    "koło", "spod", "sprzed", "dzięki"};
constexpr std::string_view kEnPrepositions[] = {
    "with", "to", "from", "for", "about", "of", "by", "at", "in", "on", "after", "before",
    "during", "against", "without", "among", "between", "toward", "towards", "like", "than",
    "into", "over", "under", "alongside"};

constexpr std::string_view kPlSubclause[] = {
    "że", "iż", "który", "która", "które", "którego", "której", "którzy", "których", "którym",
    "którą", "gdy", "kiedy", "bo", "ponieważ", "aby", "żeby", "choć", "chociaż", "jeśli",
    "jeżeli", "gdyż", "dodając", "podkreślając", "zaznaczając", "mówiąc", "a", "ale", "lecz"};
constexpr std::string_view kEnSubclause[] = {
    "that", "who", "which", "whom", "whose", "when", "while", "because", "as", "but",
    "adding", "although", "if", "where", "saying", "noting"};

constexpr std::string_view kPlSubordinators[] = {
    "że", "iż", "który", "która", "które", "którego", "której", "którzy", "których", "którym",
    "którą", "gdy", "kiedy", "bo", "ponieważ", "aby", "żeby", "choć", "chociaż", "jeśli",
    "jeżeli", "gdyż"};
constexpr std::string_view kEnSubordinators[] = {"that", "who", "which", "whom", "whose", "when",
                                                 "while", "because", "although", "if", "where"};

}  // namespace

SpeechCue find_speech_cue(std::string_view word, std::string_view next, std::string_view lang) {
  if (word.empty()) return SpeechCue{};
  if (uses_polish(lang)) {
    SpeechCue cue = polish_cue(word, next);
    if (cue.is_cue) return cue;
  }
  if (uses_english(lang)) return english_cue(word, next);
  return SpeechCue{};
}

RoleNoun find_role_noun(std::string_view word, std::string_view next, std::string_view lang) {
  if (word.empty()) return RoleNoun{};
  if (uses_polish(lang)) {
    static const RoleIndex roles(kPlRoles);
    RoleNoun r = roles.find(word);
    if (!r.key.empty()) return r;
  }
  if (uses_english(lang)) return english_role(word, next);
  return RoleNoun{};
}

bool is_generic_leader_role(std::string_view key) {
  return key == "przywódca" || key == "leader" || key == "szef" || key == "head";
}

bool is_leading_office(std::string_view key) {
  return key == "prezydent" || key == "premier" || key == "kanclerz" || key == "król" ||
         key == "przywódca" || key == "szef" || key == "president" || key == "prime minister" ||
         key == "chancellor" || key == "king" || key == "leader" || key == "head";
}

bool is_subject_pronoun(std::string_view w, std::string_view lang, Gender* gender) {
  Gender g = Gender::Unknown;
  bool found = false;
  if (uses_polish(lang)) {
    found = true;
    if (w == "on") g = Gender::Masculine;
    else if (w == "ona") g = Gender::Feminine;
    else if (w == "ono") g = Gender::Neuter;
    else if (w == "oni" || w == "one") g = Gender::Plural;
    else found = false;
  }
  if (!found && uses_english(lang)) {
    found = true;
    if (w == "he") g = Gender::Masculine;
    else if (w == "she") g = Gender::Feminine;
    else if (w == "it") g = Gender::Neuter;
    else if (w == "they") g = Gender::Plural;
    else found = false;
  }
  if (found) *gender = g;
  return found;
}

bool is_object_pronoun(std::string_view w, std::string_view lang, Gender* gender) {
  Gender g = Gender::Unknown;
  if (uses_polish(lang) && (w == "niego" || w == "jego")) g = Gender::Masculine;
  else if (uses_polish(lang) && (w == "niej" || w == "jej")) g = Gender::Feminine;
  else if (uses_polish(lang) && (w == "nich" || w == "ich")) g = Gender::Plural;
  else if (uses_english(lang) && w == "him") g = Gender::Masculine;
  else if (uses_english(lang) && w == "her") g = Gender::Feminine;
  else if (uses_english(lang) && w == "them") g = Gender::Plural;
  else return false;
  *gender = g;
  return true;
}

bool is_preposition(std::string_view w, std::string_view lang) {
  return (uses_polish(lang) && contains(kPlPrepositions, w)) ||
         (uses_english(lang) && contains(kEnPrepositions, w));
}

bool is_subordinator(std::string_view w, std::string_view lang) {
  return (uses_polish(lang) && contains(kPlSubordinators, w)) ||
         (uses_english(lang) && contains(kEnSubordinators, w));
}

bool starts_subclause(std::string_view w, std::string_view lang) {
  return (uses_polish(lang) && contains(kPlSubclause, w)) ||
         (uses_english(lang) && contains(kEnSubclause, w));
}

}  // namespace glosa
