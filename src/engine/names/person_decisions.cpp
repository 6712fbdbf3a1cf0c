// Person-made groups and chosen speakers kept through a refresh; one label per group.
// Layer: engine/names.
#include "engine/names/person_decisions.h"

#include <algorithm>
#include <map>

#include "engine/text/utf8.h"

namespace glosa::names {

namespace {

using Span = std::pair<size_t, size_t>;

int group_index(const Document& doc, const std::string& id) {
  if (id.empty()) return -1;
  for (size_t g = 0; g < doc.groups.size(); ++g) {
    if (doc.groups[g].id == id) return static_cast<int>(g);
  }
  return -1;
}

bool stands(const Entity& e) { return e.status != ReviewStatus::Rejected; }

// A group id no other group has ("p1", "p2"...); renumber_groups gives it its final name.
std::string fresh_id(const Document& doc, size_t* counter) {
  while (true) {
    std::string id = "p" + std::to_string(++*counter);
    if (group_index(doc, id) < 0) return id;
  }
}

// Drops groups no entity belongs to, unless they were kept on purpose (a NORP's place link
// target, or a group that had no mentions to begin with).
void drop_emptied(Document& doc, const std::vector<std::string>& emptied) {
  std::vector<EntityGroup> kept;
  for (EntityGroup& g : doc.groups) {
    if (std::find(emptied.begin(), emptied.end(), g.id) != emptied.end()) {
      const bool used = std::any_of(doc.entities.begin(), doc.entities.end(),
                                    [&](const Entity& e) { return e.group == g.id; });
      if (!used) continue;
    }
    kept.push_back(std::move(g));
  }
  doc.groups = std::move(kept);
  for (EntityGroup& g : doc.groups) {
    if (!g.link.empty() && group_index(doc, g.link) < 0) g.link.clear();
  }
}

}  // namespace

bool PersonDecisions::operator==(const PersonDecisions& o) const {
  if (groups.size() != o.groups.size() || speakers.size() != o.speakers.size()) return false;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].members != o.groups[i].members || groups[i].name != o.groups[i].name) return false;
  }
  for (size_t i = 0; i < speakers.size(); ++i) {
    const Speaker& a = speakers[i];
    const Speaker& b = o.speakers[i];
    if (a.begin_byte != b.begin_byte || a.end_byte != b.end_byte || a.has_speaker != b.has_speaker ||
        a.mention_begin != b.mention_begin || a.mention_end != b.mention_end) {
      return false;
    }
  }
  return true;
}

PersonDecisions collect_person_decisions(const Document& doc) {
  PersonDecisions d;
  std::map<std::string, size_t> person_group;  // id -> index in d.groups
  for (const EntityGroup& g : doc.groups) {
    if (!g.by_person) continue;
    person_group[g.id] = d.groups.size();
    d.groups.push_back({{}, g.name});
  }
  std::map<std::string, Span> first_mention;
  for (const Entity& e : doc.entities) {
    if (!stands(e) || e.group.empty()) continue;
    first_mention.emplace(e.group, Span(e.begin_byte, e.end_byte));
    auto it = person_group.find(e.group);
    if (it != person_group.end()) d.groups[it->second].members.emplace_back(e.begin_byte, e.end_byte);
  }
  // A person group whose mentions are all gone decides nothing any more.
  d.groups.erase(std::remove_if(d.groups.begin(), d.groups.end(), [](const PersonDecisions::Group& g) { return g.members.empty(); }),
                 d.groups.end());
  for (const Quotation& q : doc.quotes) {
    if (q.attribution != "person") continue;
    PersonDecisions::Speaker s;
    s.begin_byte = q.begin_byte;
    s.end_byte = q.end_byte;
    auto it = first_mention.find(q.speaker);
    if (!q.speaker.empty() && it != first_mention.end()) {
      s.has_speaker = true;
      s.mention_begin = it->second.first;
      s.mention_end = it->second.second;
    }
    d.speakers.push_back(s);
  }
  return d;
}

void renumber_groups(Document& doc) {
  std::vector<size_t> first(doc.groups.size(), SIZE_MAX);
  std::map<std::string, size_t> index;
  for (size_t g = 0; g < doc.groups.size(); ++g) index[doc.groups[g].id] = g;
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    auto it = index.find(doc.entities[e].group);
    if (it != index.end()) first[it->second] = std::min(first[it->second], e);
  }
  std::vector<size_t> order(doc.groups.size());
  for (size_t g = 0; g < order.size(); ++g) order[g] = g;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return first[a] < first[b]; });
  std::map<std::string, std::string> rename;
  std::vector<EntityGroup> out;
  out.reserve(doc.groups.size());
  for (size_t k = 0; k < order.size(); ++k) {
    EntityGroup g = std::move(doc.groups[order[k]]);
    const std::string id = "g" + std::to_string(k + 1);
    rename[g.id] = id;
    g.id = id;
    out.push_back(std::move(g));
  }
  const auto renamed = [&](std::string& ref) {
    if (ref.empty()) return;
    auto it = rename.find(ref);
    ref = it == rename.end() ? std::string() : it->second;
  };
  for (EntityGroup& g : out) renamed(g.link);
  for (Entity& e : doc.entities) renamed(e.group);
  for (Quotation& q : doc.quotes) renamed(q.speaker);
  doc.groups = std::move(out);
}

void apply_person_groups(Document& doc, const PersonDecisions& decisions) {
  if (decisions.groups.empty()) return;
  std::map<Span, size_t> entity_at;
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    if (stands(doc.entities[e])) entity_at.emplace(Span(doc.entities[e].begin_byte, doc.entities[e].end_byte), e);
  }
  std::vector<std::string> emptied;
  size_t counter = 0;
  for (const PersonDecisions::Group& pg : decisions.groups) {
    std::vector<size_t> members;
    for (const Span& s : pg.members) {
      auto it = entity_at.find(s);
      if (it != entity_at.end()) members.push_back(it->second);
    }
    if (members.empty()) continue;
    EntityGroup g;
    g.id = fresh_id(doc, &counter);
    g.name = pg.name;
    g.by_person = true;
    std::map<std::string, size_t> label_count;
    for (size_t e : members) ++label_count[doc.entities[e].label];
    g.label = doc.entities[members[0]].label;
    for (const auto& [label, n] : label_count) {
      if (n > label_count[g.label]) g.label = label;
    }
    for (size_t e : members) {
      if (!doc.entities[e].group.empty()) emptied.push_back(doc.entities[e].group);
      doc.entities[e].group = g.id;
    }
    doc.groups.push_back(std::move(g));
  }
  drop_emptied(doc, emptied);
  renumber_groups(doc);
}

void split_groups_by_label(Document& doc) {
  std::map<std::string, size_t> index;
  for (size_t g = 0; g < doc.groups.size(); ++g) index[doc.groups[g].id] = g;
  // Per group: its mentions by label.
  std::vector<std::map<std::string, std::vector<size_t>>> by_label(doc.groups.size());
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const Entity& x = doc.entities[e];
    auto it = index.find(x.group);
    if (it != index.end() && stands(x)) by_label[it->second][x.label].push_back(e);
  }
  size_t counter = 0;
  bool changed = false;
  const size_t n = doc.groups.size();
  for (size_t g = 0; g < n; ++g) {
    if (by_label[g].size() < 2 && (by_label[g].empty() || by_label[g].begin()->first == doc.groups[g].label)) continue;
    // The group keeps its commonest label (ties: its own label, then the first mention's).
    std::string keep = doc.groups[g].label;
    size_t best = by_label[g].count(keep) ? by_label[g][keep].size() : 0;
    for (const auto& [label, members] : by_label[g]) {
      if (members.size() > best) {
        best = members.size();
        keep = label;
      }
    }
    doc.groups[g].label = keep;
    const auto form_of = [&doc](size_t e) {
      const Entity& x = doc.entities[e];
      return x.lemma.empty() ? std::string(entity_text(doc, x)) : x.lemma;
    };
    // The fullest base form among some mentions: a group's name.
    const auto fullest = [&](const std::vector<size_t>& members) {
      std::string name;
      for (size_t e : members) {
        const std::string form = form_of(e);
        if (count_codepoints(form) > count_codepoints(name)) name = form;
      }
      return name;
    };
    // A name that came from a mention leaving the group goes with it: "Łódź" (the city) was
    // left named "Łódź Fabryczny i Łódź Kaliska" after that ORG mention was split off.
    const std::vector<size_t>& staying = by_label[g][keep];
    const auto named_by = [&](const std::vector<size_t>& members) {
      return std::any_of(members.begin(), members.end(), [&](size_t e) { return form_of(e) == doc.groups[g].name; });
    };
    bool name_leaves = false;
    for (const auto& [label, members] : by_label[g]) name_leaves = name_leaves || (label != keep && named_by(members));
    if (name_leaves && !named_by(staying) && !staying.empty()) doc.groups[g].name = fullest(staying);
    for (const auto& [label, members] : by_label[g]) {
      if (label == keep) continue;
      EntityGroup split;
      split.id = fresh_id(doc, &counter);
      split.label = label;
      split.by_person = doc.groups[g].by_person;
      split.name = fullest(members);
      for (size_t e : members) doc.entities[e].group = split.id;
      doc.groups.push_back(std::move(split));
      changed = true;
    }
  }
  if (changed) renumber_groups(doc);
}

void apply_person_speakers(Document& doc, const PersonDecisions& decisions) {
  if (decisions.speakers.empty()) return;
  for (const PersonDecisions::Speaker& s : decisions.speakers) {
    auto q = std::find_if(doc.quotes.begin(), doc.quotes.end(), [&](const Quotation& x) {
      return x.begin_byte == s.begin_byte && x.end_byte == s.end_byte;
    });
    if (q == doc.quotes.end()) continue;
    std::string group;
    if (s.has_speaker) {
      for (const Entity& e : doc.entities) {
        if (stands(e) && e.begin_byte == s.mention_begin && e.end_byte == s.mention_end) group = e.group;
      }
      if (group.empty()) continue;  // the chosen mention is gone: the engine's guess stands
    }
    if (q->speaker != group) {
      q->speaker_begin_byte = q->speaker_end_byte = 0;  // the words named someone else
    }
    q->speaker = group;
    q->attribution = "person";
    q->confidence = 1.0f;
    q->is_uncertain = false;
  }
}

}  // namespace glosa::names
