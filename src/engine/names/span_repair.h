// Repairs of the model's names after tagging, from evidence in the document: spans that hold
// two mentions or stop short, labels the text contradicts ("the firm X", "X said it"), and
// mentions the model missed that the document names elsewhere. Layer: engine/names. Pure and
// deterministic; Engine::annotate runs them in order, before base forms and groups
// (resolve_names). Each is measured on the dev sets (assets/models/README.md, step table).
#pragma once

#include "engine/core/document.h"
#include "engine/names/lexicon.h"

namespace glosa::names {

// The span text[*begin, *end) of a name without the quotation marks around it: a pair
// („Time”, "Wprost", and " Wprost " as space-joined corpora write it), a lone opening mark with
// no other mark in the span ("\"New York Times" -> New York Times), or a lone closing one (not
// an apostrophe). Marks inside a name stay ('Stowarzyszenie "Klon Jawor"' is left whole), and
// a span of marks only is left as it is.
void trim_name_quotes(std::string_view text, size_t* begin, size_t* end);

// Glosa's names never hold the quotation marks around them (the Polish model learnt NKJP's
// spans, which do: " Wprost "): trims them off every model name (is_name_label), so that
// „Time” and Time are one name written one way. Returns whether any span changed (their order
// stays; the numbering is the caller's).
bool trim_quotes_off_names(Document& doc);

// English: a kind of firm before a firm's name is not part of it, though a headline or a
// sentence's start capitalises it ("Drugmaker Halvard Therapeutics agrees to buy ...",
// "Retailer Kesko said"): a model name of two or more words that starts a line or a sentence
// (or follows a dateline's dash), whose first word is such a kind written capital-then-lower
// (a maker of goods as one word, "Retailer", "Manufacturer", "Conglomerate", "Insurer") and
// whose second word is capitalised, starts at its second word and is an ORG. Not "Bank",
// "Group", "Club", "Daily", "Company", "Firm", "Lender" or "Airline": names begin with them
// ("Bank Austria", "Daily Mail", "Airline Pilots Association"). CoNLL-2003 (train and dev)
// has no name that begins with one of these kinds. Returns whether any span changed (their
// order stays).
bool drop_leading_kind_words(Document& doc);

// Splits model spans of names (is_name_label) that read as two mentions:
//  - at a free-standing en or em dash: "Rosji – Sbierbanku" -> "Rosji", "Sbierbanku", both
//    keeping the label (a name never spans " – "). A spaced hyphen stays: space-joined
//    corpora write "Bielsko - Biała";
//  - at a conjunction ("and", "i", "oraz") when the words before it or after it (capitalised)
//    are, as written, another name mention of the document: "Morgan Stanley and Qatalyst
//    Partners" -> "Morgan Stanley", "Qatalyst Partners"; "Prawo i Sprawiedliwość" stays whole
//    unless "Prawo" or "Sprawiedliwość" is a mention of its own;
//  - Polish, with a lexicon: a LOC or ORG span whose last words are, as written, a person
//    mentioned elsewhere in the document, in the nominative, after words in another case:
//    a fronted place and then the subject, "nad Kazachstanem Tokajew", "w Petersburgu
//    Tokajew" -> "Kazachstanem" (its label) + "Tokajew" (PER). Words of one name agree in
//    case, so "Władimir Putin" or "Federacji Rosyjskiej" never split.
// Rule entities and other labels are left alone. Returns whether anything changed; the
// entities are then no longer sorted or numbered (call sort_and_number_entities).
bool split_joined_names(Document& doc, const Lexicon* lexicon);

// Joins a firm name written as a list of surnames before "&" ("Wachtell, Lipton, Rosen &
// Katz", "Skadden, Arps, Slate, Meagher & Flom"): a model ORG span that holds "&" takes in
// up to four single capitalised words before it, each followed by a comma, that are untagged
// or a model name of exactly that word. A word after another capitalised word ("Jeff Bezos,
// Johnson & Johnson") ends the list; "X, Y and Z" is a list of names and stays one, and so
// does a list whose words the model tagged all as places ("Germany, Marks & Spencer"). Returns
// whether anything changed (the entities stay sorted; numbering is the caller's).
bool join_firm_names(Document& doc);

// Joins a person's name cut at its particles: two model PER spans with only lower-case name
// particles between them ("von", "van", "der", "den", "de", "di", "du", "del", "della",
// "des", "la", "le", "ten", "ter", "zu", "bin", "ibn", "al", "el"), or the first span ending
// in one: "Ursula von" + "der" + "Leyen" -> "Ursula von der Leyen" (the Polish model, which
// knows "van Beethovenie" but not "von der"). Two persons are never written with only a
// particle between them. Returns whether anything changed (the entities stay sorted;
// numbering is the caller's).
bool join_particle_names(Document& doc);

// The same name written the same way twice in one document is one thing: a model mention
// below `kUnsureBelow` confidence whose written form the model labelled otherwise elsewhere,
// with more summed confidence, takes that label ("Alphabet's Google" PER 0.36 beside
// "Google" ORG 0.46: ORG). Confident readings are kept ("Jordan" the country
// and the player). Only PER, ORG, LOC and MISC. Returns whether any label changed.
constexpr float kUnsureBelow = 0.6f;  // the app marks these unsure too (app/review.h)
bool unify_unsure_labels(Document& doc);

// English: a name right after "<work> at" is where the person works, a firm ("analysts at
// Bernstein", "a lawyer at Hausfeld"; the model had a person and a place). Only model PER,
// LOC and MISC mentions, only nouns of work at a firm (not "officials", whom a city has
// too). In CoNLL-2003 such names are ORG 12 times of 14 (the other two: "analyst at Raymond
// James" PER, a hospital LOC). Returns whether any label changed.
bool org_after_role(Document& doc);

// English: a name that speaks of itself as "it" is not a person ("Google said it was
// disappointed"): a model PER right before "said it", "says its", "announced it" and the like
// becomes ORG. In CoNLL-2003 train a name before such words is ORG 35 times, LOC 4, PER 6
// (where "it" is what the person speaks of: "Montgomerie said it could set ..."); on
// conll-dev it gains with every model tried, and more without a confidence limit than with
// one (model card). So does one before ", which" (people are "who": CoNLL train has a PER
// before ", which" once in 49). Returns whether any label changed.
bool org_says_it(Document& doc);

// English: a name the text calls an organisation is one, in every mention: a model PER, LOC
// or MISC right after a noun for a kind of organisation ("the tug operator Kattegat Towage",
// "route-planning firm Brightwater Analytics"; the nouns are those CoNLL-2003 train has before
// ORG names only), or followed by ", a/an/the ... <that noun>" ("Northwind Robotics, a
// Boston-based maker of robots"), becomes ORG, and so does every other model PER, LOC or MISC
// mention written the same way in the document.
// Polish, with a lexicon: a one-word model PER or LOC right after a noun for a kind of
// organisation ("spółka Agora", "kwartetem Hilliard", "partii Batasuna") that is written as its
// own base form (a name in apposition stays in the nominative; "zespół Trumpa", his team, is a
// genitive) becomes ORG, with its other mentions written the same way. Returns whether any
// label changed.
// English also: a name a company lists on is an exchange ("listed on the Nasdaq"; not "listed
// on the Warsaw bourse", where the name is the town's).
bool org_by_description(Document& doc, const Lexicon* lexicon);

// English: firms of one document share their last word with each other and with nothing else
// ("Amazon Robotics" beside "Northwind Robotics" ORG): a model PER, LOC or MISC of two or more
// words becomes ORG where every other name of two or more words ending in its last word is an
// ORG (one at least), unless one name ends in the whole other ("Television New Zealand" is
// named after the country), the word before the last is "of" ("Community of Madrid"), or the
// last word is not a capitalised word of lower-case letters ("Colo.", "LONDON"). In CoNLL-2003
// train + dev such gold names are ORG 334 times in 343; the others are places behind "of" or
// inside the firm's name, which the exceptions keep. Returns whether any label changed.
bool org_by_shared_words(Document& doc);

// English: capitalised words that no entity holds, right after a lower-case noun for a kind of
// organisation (the nouns of org_by_description: "the Chinese company Geek+", "the software
// group Nexora Labs"), are that organisation's name: up to four words each starting with a
// capital, which a punctuation mark after one of them ends; not a lone letter ("group C").
// They become an ORG below `kUnsureBelow`. In CoNLL-2003 train + dev a capitalised word after
// these nouns starts an ORG 125 times, a LOC once, and no name 3 times ("group C", "company N
// / A", "agency Saturday", a date). Entities are appended unsorted. Returns whether any was
// added.
bool tag_firms_after_kind(Document& doc);

// The names listed as a firm's customers, clients, suppliers or rivals, or as a consortium's
// members, are firms: "Its customers include Walmart, Target and Ahold Delhaize", "Siemens'
// rivals such as ABB", "a consortium led by Siam Commercial Bank", "konsorcjum, którym kieruje
// Skanska", "w skład konsorcjum wchodzą Budimex i Mota-Engil".
//  - Where, in English: after "customers" or "suppliers" that no "his", "her", "my" or "your"
//    owns, or "clients", "rivals" or "competitors" that "its" or a possessive owns (a person's
//    clients and rivals are people), the noun in lower case or capitalised, the owner right
//    before it or before one adjective ("its biggest rivals"); then "include(s/d)", "including",
//    "such as" or "like". Or after "consortium led by", "consortium of", "consortium including".
//    In Polish, after a "konsorcjum" (or "Konsorcjum") a firm leads or enters: "konsorcjum,
//    którym kieruje (przewodzi) X", "kierowane przez X", "konsorcjum firm (spółek) X",
//    "liderem konsorcjum jest X", "lider konsorcjum X", "w skład konsorcjum wchodzą X".
//  - The list: runs of capitalised words joined by commas, "and", "or", "i", "oraz"
//    (list_of_names in the .cpp says where it ends).
//  - A model ORG (or a name as unsure as below) over several of its names is cut into them
//    ("Corran Capital and Holloway Partners"), unless they are one word each joined by "and"
//    only ("Procter and Gamble") or the last is a firm's "Co", "Company" or "Sons".
//  - A name that a model PER below 0.9 confidence, or a LOC or MISC below `kUnsureBelow`, spans
//    exactly becomes ORG (what the model is sure of stays: "its customers include Poland"),
//    and so do its other mentions written the same way that are as unsure; a name no entity
//    touches becomes an ORG below `kUnsureBelow`. Where the list may be the start of a longer
//    phrase ("Polish and German banks"), only a model PER or ORG counts, and nothing is added.
// CoNLL-2003 and NKJP hold only a few such lists (model card). Needs the entities sorted by
// start; appends the new ones unsorted. Returns whether anything changed.
bool tag_firm_lists(Document& doc);

// Polish: a firm's name goes on over the capitalised words right after it that no entity
// holds ("PKP" + "Intercity": the model stopped at the acronym): each word separated by one
// space, starting with a capital and not all in capitals, of letters, digits and inner
// hyphens, before the next entity. Only model ORG mentions; not English, whose headlines
// capitalise every word. A model LOC that is a street or a square ("ul.", "al.", "placu" …)
// goes on the same way and over a king's numeral too ("ul. Władysława IV", "ul. Czerwona
// Droga"). Returns whether any span grew (the entities stay sorted).
bool extend_org_names(Document& doc);

// Polish: an unsure one-word model PER that is a place the lexicon knows becomes LOC, unless it
// is the surname of a person named in full in the document: written as the place is
// ("Odessa", "Saloniki"), or listed with a place and a form of a known place ("z Zgierza i
// Kutna": "Kutna" PER 0.52 is Kutno). (Any form of a place, without the list, moved unsure
// surnames too: "Małysz", "Saddama"; nkjp-dev fell.) Entities must be sorted. Returns
// whether any label changed.
bool places_not_persons(Document& doc, const Lexicon* lexicon);

// Polish, with a lexicon: the people of a place are NORP, as the labels define it ("Polacy",
// "Rosjanami", "Brytyjczyków"), not the place (the model learnt NKJP, which labels them as the
// country, so "Rosjanie" was grouped with Rosja) nor persons: a one-word model LOC, or a PER
// in a plural form, shaped as an inhabitant noun (polish_people_word) of a known place
// (polish_people_place; not a place's own name, "Niemcy"). Returns whether any label changed.
bool people_not_places(Document& doc, const Lexicon* lexicon);

// Polish: a model PER that is only "św." or "bł." (saint, blessed) is no person ("msza św.",
// "Pismo św."); right before a person's name it joins it ("św. Paweł", as NKJP writes it).
// Returns whether any entity went (the entities stay sorted).
bool drop_bare_titles(Document& doc);

// Polish: a place or a body named after a person is one name with it: a model LOC or ORG
// ending in "św.", "bł.", "im." or "pw." ("Szpitalu im." + "Jana Pawła II"), or followed by a
// person whose name begins so ("Bazyliki" + "św. Piotra"), takes the model PER right after it
// (only whitespace between). Returns whether any joined (the entities stay sorted).
bool join_dedications(Document& doc);

// A person's surname alone, where the model tagged the full name elsewhere in the document
// but missed the short mention ("Mel Stride" ... "Stride said"): each whole-word occurrence
// of the last word of a model PER of two or more words, outside every entity (rejected ones
// too), with no capitalised word next to it (but a sentence's end before it), becomes a PER
// below `kUnsureBelow`, so the app shows it as unsure. Entities are appended unsorted.
// Returns whether any was added.
bool tag_repeated_surnames(Document& doc);

// Polish: an organisation's first word alone at a sentence's start is that organisation, where
// the model tagged the full name elsewhere in the document but not the short mention
// ("Komisja Europejska" ... ". Komisja wzywa ..."; the capital of a sentence's first word tells
// the model nothing): each such whole word, written as the first word (capitalised, then lower
// case, four letters or more) of a model ORG of two or more words, outside every entity, after
// a sentence's end or at the text's start, with no capitalised word after it ("Państwo
// Kościelne" is another name), becomes an ORG below `kUnsureBelow`. Entities are appended
// unsorted. Returns whether any was added.
bool tag_organisation_heads(Document& doc);

// Polish, with a lexicon: the adjective of a town, country or region the document names, where
// the model left it ("Żarach" ... "w żarskim klubie", "Ostrzeszów" ... "ostrzeszowskiego
// tenisa"): each lower-case word the lexicon reads as an adjective, in -ski/-cki (any form but
// the feminine "-ska", which nouns share: "wojska"), whose stem is the base form of a one-word
// LOC of the document with a subtype other than geographic ("górski" is no mountain's), less at
// most its last two letters, becomes a NORP (0.7) wherever no entity is. Entities are appended
// unsorted. Returns whether any was added.
bool tag_place_adjectives(Document& doc, const Lexicon* lexicon);

}  // namespace glosa::names
