// The annotate() pipeline and the entity merge policy. Layer: engine (facade).
#include "engine/engine.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <random>

#include "engine/article/article_info.h"
#include "engine/article/date_resolution.h"
#include "engine/names/entity_groups.h"
#include "engine/names/span_repair.h"
#include "engine/names/lexicon.h"
#include "engine/names/person_decisions.h"
#include "engine/quotes/quotations.h"
#include "engine/rules/pattern_recognizer.h"
#include "engine/tagger/adaptation.h"
#include "engine/tagger/ner_model.h"
#include "engine/text/language.h"
#include "engine/text/unicode.h"

namespace glosa {

Engine::Engine() = default;
Engine::~Engine() = default;

Status Engine::load_model(const uint8_t* data, size_t size) {
  auto loaded = NerModel::load(data, size);
  if (!loaded.is_ok()) return loaded.status();
  std::shared_ptr<const NerModel> model = loaded.value();
  // An adaptation learnt for another tag set cannot apply to the new model: it is dropped;
  // one learnt with another window network keeps all but the network's deltas.
  adaptations_.erase(std::remove_if(adaptations_.begin(), adaptations_.end(),
                                    [&](const ner::Adaptation& a) { return a.lang() == model->lang() && !model->fits(a); }),
                     adaptations_.end());
  for (ner::Adaptation& a : adaptations_) {
    if (a.lang() == model->lang() && !model->network_fits(a)) a.net_deltas() = ner::NetDeltas{};
  }
  for (auto& m : models_) {
    if (m->lang() == model->lang()) {
      m = model;
      return Status::ok();
    }
  }
  models_.push_back(model);
  return Status::ok();
}

const NerModel* Engine::model_for(std::string_view lang) const {
  for (const auto& m : models_) if (m->lang() == lang) return m.get();
  return nullptr;
}

const ner::Adaptation* Engine::adaptation_for(std::string_view lang) const {
  for (const auto& a : adaptations_) if (a.lang() == lang) return &a;
  return nullptr;
}

ner::Adaptation* Engine::adaptation_for(std::string_view lang) {
  for (auto& a : adaptations_) if (a.lang() == lang) return &a;
  return nullptr;
}

namespace {

// An id for the corrections learnt here (Adaptation::own_origin): random, so that two
// browsers never share one. The clock is mixed in should the random device be a poor one.
uint64_t new_origin_id() {
  std::random_device device;
  uint64_t id = (uint64_t{device()} << 32) ^ device();
  id ^= static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) * 0x9E3779B97F4A7C15ull;
  return id == 0 ? 1 : id;
}

}  // namespace

Result<LearnSummary> Engine::learn(const Document& corrected, const LearnOptions& options) {
  const NerModel* model = model_for(corrected.lang);
  if (!model) {
    return Status(ErrorCode::BadArgument, "learn: no name model is loaded for language \"" + corrected.lang + "\"");
  }
  const std::vector<Token> tokens = tokenize(corrected.text);
  if (tokens.empty()) return Status(ErrorCode::EmptyText, "learn: the document has no text");
  std::vector<NameEvidence> evidence;
  for (const Entity& e : corrected.entities) {
    if (e.begin_byte >= e.end_byte || e.end_byte > corrected.text.size()) continue;
    const bool rejected = e.status == ReviewStatus::Rejected;
    const bool positive = !rejected && (e.status == ReviewStatus::Accepted || e.origin == Origin::Person);
    if (!rejected && !positive) continue;
    evidence.push_back({e.begin_byte, e.end_byte, e.label, positive});
  }
  ner::Adaptation* adaptation = adaptation_for(corrected.lang);
  if (!adaptation) {
    adaptations_.push_back(model->new_adaptation());
    adaptation = &adaptations_.back();
  }
  if (adaptation->own_origin() == 0) adaptation->set_own_origin(new_origin_id());
  const std::vector<Sentence> sentences = split_sentences(corrected.text, tokens);
  return model->learn(corrected.text, tokens, sentences, evidence, adaptation, options);
}

std::vector<uint8_t> Engine::save_adaptation(std::string_view lang) const {
  const NerModel* model = model_for(lang);
  if (!model) return {};
  if (const ner::Adaptation* a = adaptation_for(lang)) return a->serialize();
  return model->new_adaptation().serialize();
}

namespace {

// An adaptation file read and checked against the loaded models (Engine::load_adaptation).
Result<ner::Adaptation> read_adaptation(const uint8_t* data, size_t size,
                                        const std::function<const NerModel*(std::string_view)>& model_for) {
  auto parsed = ner::Adaptation::parse(data, size);
  if (!parsed.is_ok()) return parsed.status();
  ner::Adaptation& a = parsed.value();
  const NerModel* model = model_for(a.lang());
  if (!model) {
    return Status(ErrorCode::BadArgument, "adaptation file for language \"" + a.lang() +
                                              "\": load its name model first");
  }
  if (!model->fits(a)) {
    return Status(ErrorCode::BadArgument, "adaptation file learnt with model \"" + a.model_name() +
                                              "\", whose tags differ from those of \"" + model->name() + "\"");
  }
  // What the network learnt is for that network only; the rest still applies.
  if (!model->network_fits(a)) a.net_deltas() = ner::NetDeltas{};
  return std::move(a);
}

}  // namespace

Status Engine::load_adaptation(const uint8_t* data, size_t size) {
  auto read = read_adaptation(data, size, [this](std::string_view lang) { return model_for(lang); });
  if (!read.is_ok()) return read.status();
  reset_adaptation(read.value().lang());
  adaptations_.push_back(std::move(read.value()));
  return Status::ok();
}

Status Engine::add_adaptation(const uint8_t* data, size_t size, bool* replaced) {
  if (replaced) *replaced = false;
  auto read = read_adaptation(data, size, [this](std::string_view lang) { return model_for(lang); });
  if (!read.is_ok()) return read.status();
  const ner::Adaptation& file = read.value();
  ner::Adaptation* current = adaptation_for(file.lang());
  // Joined in a copy, so that a refusal changes nothing. With nothing learnt yet, the file
  // joins an empty one: its corrections keep their origin, and what is learnt here from
  // now on gets one of its own.
  ner::Adaptation joined = current ? *current : model_for(file.lang())->new_adaptation();
  // A newer copy of a file added before (more steps learnt under the same origin) takes
  // the older one's place; the same copy, an older one, or a file holding corrections in
  // use here otherwise (one's own, saved and opened again) would count them twice.
  const ner::Adaptation* older = joined.part(file.own_origin());
  if (older && file.steps() <= older->steps()) {
    return Status(ErrorCode::BadArgument, file.steps() == older->steps()
                                              ? "this file is already in use here (opened before); nothing was added"
                                              : "a newer copy of this file is already in use here; nothing was added");
  }
  if (joined.shares_origin(file, older)) {
    return Status(ErrorCode::BadArgument, "its corrections are already in use here (the same file opened again, or "
                                          "one saved from this browser) and would count twice; nothing was added");
  }
  // Within what a file may hold (more would make the file unreadable, not just large).
  if (joined.added_origins().size() + file.added_origins().size() + 1 > ner::kMaxAdaptationOrigins ||
      (!older && joined.parts().size() >= ner::kMaxAdaptationParts)) {
    return Status(ErrorCode::BadArgument, "too many files were added to what this browser was taught (" +
                                              std::to_string(joined.parts().size()) + "); Forget first");
  }
  const bool all = older ? joined.replace_part(file) : joined.add_from(file);
  if (!all) {
    return Status(ErrorCode::BadArgument, "what was taught would grow past the size kept in the browser; "
                                          "Forget first, or load the file instead of adding it");
  }
  if (replaced) *replaced = older != nullptr;
  if (current) *current = std::move(joined);
  else adaptations_.push_back(std::move(joined));
  return Status::ok();
}

void Engine::reset_adaptation(std::string_view lang) {
  adaptations_.erase(std::remove_if(adaptations_.begin(), adaptations_.end(),
                                    [&](const ner::Adaptation& a) { return a.lang() == lang; }),
                     adaptations_.end());
}

size_t Engine::adaptation_rows(std::string_view lang) const {
  const ner::Adaptation* a = adaptation_for(lang);
  return a ? a->rows() + a->net_deltas().rows.size() : 0;
}

Status Engine::load_lexicon(const uint8_t* data, size_t size) {
  auto loaded = names::Lexicon::load(data, size);
  if (!loaded.is_ok()) return loaded.status();
  lexicon_ = loaded.value();
  return Status::ok();
}

bool Engine::has_model(std::string_view lang) const {
  return std::any_of(models_.begin(), models_.end(),
                     [&](const auto& m) { return m->lang() == lang; });
}

static bool is_rule_owned(std::string_view label) {
  return label == "DATE" || label == "TIME" || label == "MONEY" || label == "PERCENT" ||
         label == "QUANTITY" || label == "URL" || label == "EMAIL";
}

static bool overlaps(const Entity& a, const Entity& b) {
  return a.begin_byte < b.end_byte && b.begin_byte < a.end_byte;
}

// Where the model tags a date or time that contains exactly one rule entity of the same label
// ("dnia 15 września roku" around the rule's "15 września"), the rule entity takes the model's
// wider span and keeps its normalised value: the model learned the corpus' span conventions,
// the rules know the value.
void widen_rule_spans(std::vector<Entity>& rules, const std::vector<Entity>& model) {
  std::vector<size_t> order(rules.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rules[a].begin_byte < rules[b].begin_byte; });
  std::vector<size_t> max_end(order.size());  // max end over order[0..k]
  for (size_t k = 0; k < order.size(); ++k) {
    max_end[k] = std::max(k ? max_end[k - 1] : 0, rules[order[k]].end_byte);
  }
  std::vector<std::pair<size_t, const Entity*>> widened;
  for (const Entity& m : model) {
    if (m.label != "DATE" && m.label != "TIME") continue;
    // Rule entities that begin inside m (sorted by begin).
    auto it = std::lower_bound(order.begin(), order.end(), m.begin_byte,
                               [&](size_t r, size_t b) { return rules[r].begin_byte < b; });
    size_t inside = 0, overlapping = 0, found = 0;
    for (auto k = it; k != order.end() && rules[*k].begin_byte < m.end_byte; ++k) {
      ++overlapping;
      if (rules[*k].end_byte <= m.end_byte && rules[*k].label == m.label) { ++inside; found = *k; }
    }
    // A rule entity that begins before m and reaches into it blocks the widening.
    if (it != order.begin() && max_end[static_cast<size_t>(it - order.begin()) - 1] > m.begin_byte) ++overlapping;
    if (inside != 1 || overlapping != 1) continue;
    widened.push_back({found, &m});
  }
  // Applied after all decisions, against the original spans; the first model span wins.
  std::vector<uint8_t> done(rules.size(), 0);
  for (const auto& [r, m] : widened) {
    if (done[r]) continue;
    done[r] = 1;
    rules[r].begin_byte = m->begin_byte;
    rules[r].end_byte = m->end_byte;
  }
}

std::vector<Entity> merge_entities(std::vector<Entity> rules, std::vector<Entity> model) {
  widen_rule_spans(rules, model);
  // Entities are large: the policy works on pointers and moves each kept entity once.
  std::vector<Entity*> strong;  // rule entities of rule-owned classes: placed first
  std::vector<Entity*> rest;
  for (auto& e : rules) (is_rule_owned(e.label) ? strong : rest).push_back(&e);
  for (auto& e : model) rest.push_back(&e);
  const auto order = [](const Entity* a, const Entity* b) {
    if (a->begin_byte != b->begin_byte) return a->begin_byte < b->begin_byte;
    return a->end_byte > b->end_byte;  // longer first
  };
  // Stable sorts: entities with equal spans keep their input order, the same in every C++
  // library (std::sort orders such ties differently in libstdc++ and Emscripten's libc++).
  std::stable_sort(strong.begin(), strong.end(), order);
  std::stable_sort(rest.begin(), rest.end(), order);
  std::vector<Entity*> kept;
  kept.reserve(strong.size() + rest.size());
  for (Entity* e : strong) {
    if (kept.empty() || !overlaps(*kept.back(), *e)) kept.push_back(e);
  }
  const size_t strong_count = kept.size();
  // `rest` is visited by begin, so every kept entity k has k.begin <= e.begin and overlaps e
  // exactly when it ends after e begins (for an empty e, only a k that also begins before
  // it). Two running maxima of kept ends answer that in O(1), with the same result as testing
  // every kept entity: `max_end` over all kept ones, `max_end_before` over those that begin
  // before the current begin offset.
  size_t max_end = 0;
  size_t max_end_before = 0;
  size_t current_begin = 0;
  for (Entity* e : rest) {
    // Binary search the first strong entity that ends after e begins.
    auto it = std::lower_bound(kept.begin(), kept.begin() + strong_count, e->begin_byte,
                               [](const Entity* s, size_t b) { return s->end_byte <= b; });
    if (it != kept.begin() + strong_count && overlaps(**it, *e)) continue;
    if (e->begin_byte != current_begin) {
      max_end_before = max_end;
      current_begin = e->begin_byte;
    }
    bool clash = e->begin_byte < e->end_byte ? max_end > e->begin_byte
                                             : max_end_before > e->begin_byte;
    if (e->begin_byte > e->end_byte) {  // never produced; kept exact by the old linear test
      clash = std::any_of(kept.begin() + strong_count, kept.end(),
                          [&](const Entity* k) { return overlaps(*k, *e); });
    }
    if (clash) continue;
    max_end = std::max(max_end, e->end_byte);
    kept.push_back(e);
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Entity* a, const Entity* b) {
    return a->begin_byte != b->begin_byte ? a->begin_byte < b->begin_byte : a->end_byte < b->end_byte;
  });
  std::vector<Entity> out;
  out.reserve(kept.size());
  for (Entity* e : kept) out.push_back(std::move(*e));
  return out;
}

namespace {

// The stages after the names: quotations, article info, resolved dates.
void derive_from_entities(Document& doc, const std::vector<Token>& tokens,
                          const std::vector<Sentence>& sentences) {
  // Quotations and their speakers (docs/QUOTES.md): reads entities and groups only; a
  // speaker is an entity group.
  doc.quotes = find_quotations(doc.text, tokens, sentences, doc.lang, doc.entities, doc.groups);

  // Article metadata (title, date line, source line, urls, size) from the text and the
  // numbered entities; then DATE values resolved against the article date found there (no
  // clock: without a date line nothing is resolved).
  doc.article = compute_article_info(doc.text, tokens, doc.entities);
  const Result<size_t> resolved = resolve_dates(doc, doc.article.date);
  GLOSA_ASSERT(resolved.is_ok(), "compute_article_info gives \"\" or a valid ISO date");
}

}  // namespace

void Engine::refresh_document(Document& doc) const {
  const std::vector<Token> tokens = tokenize(doc.text);
  const std::vector<Sentence> sentences = split_sentences(doc.text, tokens);
  refresh_document(doc, tokens, sentences);
}

void Engine::refresh_document(Document& doc, const std::vector<Token>& tokens,
                              const std::vector<Sentence>& sentences) const {
  // Rejected entities wait aside: the stages see only what stands.
  std::vector<Entity> rejected;
  const auto is_rejected = [](const Entity& e) { return e.status == ReviewStatus::Rejected; };
  if (std::any_of(doc.entities.begin(), doc.entities.end(), is_rejected)) {
    std::vector<Entity> kept;
    kept.reserve(doc.entities.size());
    for (Entity& e : doc.entities) {
      if (is_rejected(e)) {
        e.lemma.clear();
        e.group.clear();
        rejected.push_back(std::move(e));
      } else {
        kept.push_back(std::move(e));
      }
    }
    doc.entities = std::move(kept);
  }
  sort_and_number_entities(doc);
  // What a person decided about groups and speakers is read before the stages run again.
  const names::PersonDecisions decisions = names::collect_person_decisions(doc);
  const names::Lexicon* lexicon = doc.lang == "pl" ? lexicon_.get() : nullptr;
  names::resolve_names(doc, lexicon, names::AcronymMentions::KeepEntities);
  names::apply_person_groups(doc, decisions);
  names::split_groups_by_label(doc);
  derive_from_entities(doc, tokens, sentences);
  names::apply_person_speakers(doc, decisions);
  if (!rejected.empty()) {
    for (Entity& e : rejected) doc.entities.push_back(std::move(e));
    sort_and_number_entities(doc);
  }
}

Result<Analysis> Engine::annotate(std::string_view raw_text, const AnnotateOptions& options) const {
  if (raw_text.size() > kMaxTextBytes) {
    // Exact byte counts: at the limit plus one byte, rounded KiB would read as equal.
    return Status(ErrorCode::TextTooLarge, "the text is " + std::to_string(raw_text.size()) +
                                               " bytes; the limit is " + std::to_string(kMaxTextBytes) +
                                               " bytes (" + std::to_string(kMaxTextBytes >> 20) + " MiB)");
  }
  const auto progress = [&](double f) {
    if (options.progress) options.progress(f);
  };
  NormalizedText norm = normalize_text(raw_text);
  Analysis a;
  a.invalid_utf8_count = norm.invalid_utf8_count;
  a.doc.text = std::move(norm.text);
  a.tokens = tokenize(a.doc.text);
  if (a.tokens.empty()) {
    return Status(ErrorCode::EmptyText, "the text is empty: there is nothing to annotate");
  }
  a.sentences = split_sentences(a.doc.text, a.tokens);
  progress(0.1);
  a.doc.lang = (options.lang == "auto" || options.lang.empty())
                   ? detect_language(a.doc.text, a.tokens)
                   : (options.lang == "pl" || options.lang == "en" ? options.lang : "other");
  a.doc.labels = default_labels();
  // A text mostly in a script the engine cannot read gets no entities at all: numbers in it
  // would be read wrongly (right-to-left text, other digits and separators).
  a.unsupported_script = unsupported_script(a.doc.text);
  if (!a.unsupported_script.empty()) {
    a.doc.lang = "other";
    a.doc.article = compute_article_info(a.doc.text, a.tokens, a.doc.entities);
    a.doc.meta.tool = std::string("glosa ") + kGlosaVersion;
    progress(1.0);
    return a;
  }

  std::vector<Entity> rules = recognize_patterns(a.doc.text, a.tokens, a.doc.lang);
  progress(0.2);
  std::vector<Entity> model_entities;
  std::string model_names;
  if (options.use_model) {
    for (const auto& m : models_) {
      if (m->lang() != a.doc.lang) continue;
      m->tag(a.doc.text, a.tokens, a.sentences, &model_entities, adaptation_for(m->lang()));
      model_names = m->name();
    }
  }
  progress(0.75);
  a.doc.entities = merge_entities(std::move(rules), std::move(model_entities));
  const names::Lexicon* lexicon = a.doc.lang == "pl" ? lexicon_.get() : nullptr;
  // Model spans that hold two names ("w Petersburgu Tokajew") are split first.
  names::split_joined_names(a.doc, lexicon);
  // „Time” -> Time: a name without the quotation marks around it.
  names::trim_quotes_off_names(a.doc);
  // "Drugmaker Halvard Therapeutics" in a headline: the kind is no part of the name.
  names::drop_leading_kind_words(a.doc);
  sort_and_number_entities(a.doc);
  // "msza św.": no person; "św." + "Paweł": one.
  names::drop_bare_titles(a.doc);
  // "Bazyliki" + "św. Piotra": one place.
  names::join_dedications(a.doc);
  // "PKP" + "Intercity": one firm.
  names::extend_org_names(a.doc);
  // "Wachtell, Lipton, Rosen & Katz": one firm, not three names.
  if (names::join_firm_names(a.doc)) sort_and_number_entities(a.doc);
  // "Ursula von" + "Leyen": one person, cut at "der".
  if (names::join_particle_names(a.doc)) sort_and_number_entities(a.doc);
  // "Mel Stride" ... "Stride said": the surname alone is the person too.
  if (names::tag_repeated_surnames(a.doc)) sort_and_number_entities(a.doc);
  // "Komisja Europejska" ... ". Komisja wzywa": the short name at a sentence's start too.
  if (names::tag_organisation_heads(a.doc)) sort_and_number_entities(a.doc);
  // "the Chinese company Geek+": a firm the model missed.
  if (names::tag_firms_after_kind(a.doc)) sort_and_number_entities(a.doc);
  // "Its customers include Walmart, Target and ...", "konsorcjum, którym kieruje Skanska": firms.
  if (names::tag_firm_lists(a.doc)) sort_and_number_entities(a.doc);
  // "w Żarach" ... "w żarskim klubie": the town's adjective too.
  if (names::tag_place_adjectives(a.doc, lexicon)) sort_and_number_entities(a.doc);
  // "z Zgierza i Kutna": Kutno, not a person.
  names::places_not_persons(a.doc, lexicon);
  // "Rosjanie", "Polaków": the people of a place, not the place.
  names::people_not_places(a.doc, lexicon);
  // "Google said it was disappointed": not a person.
  names::org_says_it(a.doc);
  // "the tug operator Kattegat Towage", "X, a Boston-based maker of robots": a firm, everywhere.
  names::org_by_description(a.doc, lexicon);
  // "Amazon Robotics" beside "Northwind Robotics" (ORG), "Corvane" beside "Corvane
  // Therapeutics" (ORG): firms too.
  names::org_by_shared_words(a.doc);
  // "Google" PER (unsure) and "Google" ORG in one article: one label.
  names::unify_unsure_labels(a.doc);
  // "analysts at Bernstein": a firm.
  names::org_after_role(a.doc);
  // Base forms and groups of the names (may add acronym entities, keeps them sorted).
  names::resolve_names(a.doc, lexicon);
  names::split_groups_by_label(a.doc);
  progress(0.85);

  derive_from_entities(a.doc, a.tokens, a.sentences);
  progress(1.0);

  a.doc.meta.tool = std::string("glosa ") + kGlosaVersion;
  a.doc.meta.model = model_names;
  if (lexicon && !model_names.empty()) a.doc.meta.model += ", " + lexicon->name();
  return a;
}

}  // namespace glosa
