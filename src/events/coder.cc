#include "events/coder.h"

#include <algorithm>
#include <charconv>
#include <deque>
#include <functional>
#include <optional>
#include <span>
#include <sstream>
#include <string_view>

#include "events/event_date.h"

namespace dyad {
namespace {

constexpr int kMaxPhraseWords = 12;

// Prepositions, articles, particles and conjunctions: never the head word a
// pattern names ("- * FROM +" wants a noun FROM, not the preposition).
bool is_function_word(const Token& t) {
  const std::string& u = t.upos;
  return u == "ADP" || u == "DET" || u == "PART" || u == "CCONJ" || u == "CONJ" || u == "SCONJ" ||
         u == "PUNCT" || u == "AUX";
}

bool is_past_participle(const Token& t) {
  return t.xpos == "VBN" || (t.feature("VerbForm") == "Part" && t.feature("Tense") == "Past");
}

// The singular of an upper-case English plural noun, by its ending
// (ALLIES -> ALLY, TALKS -> TALK, CRISES stays); the word itself otherwise.
std::string singular(const std::string& w) {
  auto ends = [&](std::string_view e) { return w.size() > e.size() + 1 && w.ends_with(e); };
  if (ends("IES")) return w.substr(0, w.size() - 3) + "Y";
  if (ends("SSES") || ends("XES") || ends("CHES") || ends("SHES")) return w.substr(0, w.size() - 2);
  if (ends("S") && !ends("SS") && !ends("US") && !ends("IS")) return w.substr(0, w.size() - 1);
  return w;
}

// Nouns that, with "the", refer back to an international organisation.
bool is_organisation_noun(std::string_view upper) {
  return upper == "ORGANIZATION" || upper == "ORGANISATION" || upper == "ALLIANCE" ||
         upper == "BLOC" || upper == "GROUPING";
}

bool is_saying_form(std::string_view form) {
  static const std::vector<std::string> kForms = {
      "said",     "says",       "say",        "told",      "tells",     "claimed",   "claims",
      "answered", "answers",    "noted",      "notes",     "added",     "adds",      "stressed",
      "stresses", "emphasized", "emphasised", "declared",  "declares",  "stated",    "states",
      "wrote",    "writes",     "asked",      "asks",      "replied",   "replies",   "insisted",
      "insists",  "warned",     "warns",      "explained", "explains",  "commented", "remarked",
      "argued",   "argues",     "continued",  "concluded", "announced", "tweeted",   "posted"};
  return std::find(kForms.begin(), kForms.end(), to_lower_ascii(form)) != kForms.end();
}

bool is_personal_pronoun(std::string_view upper) {
  static constexpr std::string_view kPronouns[] = {"IT",  "ITS",  "HE",    "HIS",  "SHE",
                                                   "HER", "THEY", "THEIR", "THEM", "HIM"};
  return std::find(std::begin(kPronouns), std::end(kPronouns), upper) != std::end(kPronouns);
}

// An actor or agent phrase found in the sentence.
struct Mention {
  int first = 0;
  int last = 0;
  int head = 0;  // the word of the span whose head lies outside it
  bool agent = false;
  int entry = 0;  // index into the actor or agent dictionary
};

// The actors a noun phrase names, before agents are composed with them.
struct NounPhrase {
  std::vector<std::pair<std::string, std::string>> actors;  // code, text
  std::vector<int> agents;                                  // agent entries, in order
  // Actors of a post-modifier before the head's agents were applied, for
  // conjuncts that share the modifier ("Lawmakers and officials in Arnor").
  std::vector<std::pair<std::string, std::string>> shared_actors;
  std::string text;
  bool empty() const { return actors.empty() && agents.empty(); }
};

// An actor as it takes part in an event.
struct Participant {
  std::string code;
  std::string text;
};

// The first three letters of a code name a state or a region, not one of
// CAMEO's transnational primaries (organisations, militant groups, firms).
bool is_country_code(std::string_view three) {
  if (three.size() != 3 ||
      !std::all_of(three.begin(), three.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
    return false;
  }
  for (std::string_view nonstate : {"IGO", "NGO", "NGM", "IMG", "MNC", "UAF", "UIS"}) {
    if (three == nonstate) return false;
  }
  return true;
}

// What a verb codes on its own: the code, the pattern and the tokens the
// pattern tied to its preposition slots.
struct VerbCoding {
  int verb = 0;
  std::string code;
  std::string code2;
  std::string pattern;
  std::string origin;              // "file:line" of the pattern matched, if one was
  int source_token = 0;            // bound by a '$' in the pattern
  int target_token = 0;            // bound by a '+' in the pattern
  bool target_is_subject = false;  // '+' before the verb: the subject is the target
  bool negated = false;
  bool governs_only = false;  // a governing verb: codes only through a clause it governs
  std::string verb_text;
};

// Where a pattern's '$' and '+' markers point.
struct Binding {
  int source_token = 0;
  int target_token = 0;
  bool target_is_subject = false;
  int exact_forms = 0;   // pattern words matched by the word form, not the lemma
  int object_words = 0;  // pattern words found in the direct object
};

// One coded verb with its actors, before nested clauses are weighed.
struct Clause {
  const VerbCoding* vc = nullptr;
  std::vector<Participant> sources;
  std::vector<Participant> targets;
  std::string code;  // after negation; "" when the verb codes nothing itself
  std::string code2;
  std::string speaker;
  std::string speaker_text;
  bool passive = false;
};

// Codes one sentence. Holds per-sentence scratch state; built and dropped
// for every sentence so the shared Coder stays immutable.
class SentenceCoder {
 public:
  SentenceCoder(const Dictionaries& dict, const CoderOptions& options,
                const std::vector<Transformation>& transformations, const Sentence& s,
                StoryContext& story)
      : dict_(dict),
        options_(options),
        transformations_(transformations),
        s_(s),
        story_(story),
        n_(static_cast<int>(s.size())) {
    form_.resize(static_cast<std::size_t>(n_) + 1);
    lemma_.resize(static_cast<std::size_t>(n_) + 1);
    for (int i = 1; i <= n_; ++i) {
      form_[static_cast<std::size_t>(i)] = to_upper_ascii(s.token(i).form);
      lemma_[static_cast<std::size_t>(i)] = to_upper_ascii(s.token(i).lemma);
      // Parses without lemmas (dyad's own parser): a plural noun's singular
      // stands in, so "allies" matches a pattern written with "ally".
      if (lemma_[static_cast<std::size_t>(i)] == "_" && s.token(i).upos == "NOUN") {
        lemma_[static_cast<std::size_t>(i)] = singular(form_[static_cast<std::size_t>(i)]);
      }
    }
    find_mentions();
  }

  std::vector<Event> run();
  // The actors the noun phrase headed by `head` names (pronouns resolved).
  std::vector<Participant> actors_of(int head) const { return participants(head, true); }

 private:
  const std::string& form(int i) const { return form_[static_cast<std::size_t>(i)]; }
  const std::string& lemma(int i) const { return lemma_[static_cast<std::size_t>(i)]; }
  const Token& tok(int i) const { return s_.token(i); }

  void find_mentions();
  NounPhrase noun_phrase(int head, bool allow_pronoun) const;
  // A prepositional phrase of place: "in", "at", "near", "inside" ... .
  bool locative(int node) const;
  // The country of the place a verb happens "in" or "at" ("met in
  // Astana": KAZ), or "".
  std::string meeting_country(int verb) const;
  // A clause whose event did not happen: an infinitive of a negated verb
  // ("would not give permission to Russia to help Israel", but "did not
  // hesitate to condemn" did) or of "fail", a gerund after "against" or
  // "from" ("warned Armenia against joining").
  bool unrealized_clause(int verb) const;
  // A word with a negation among its dependents ("did not attack").
  bool negated(int v) const;
  // The actors inside a phrase are all in its phrases of place ("his
  // remarks in Doha").
  bool names_only_a_place(int node) const;
  bool definite(int head) const;
  std::string phrase_text(int head) const;
  std::vector<Participant> participants(int head, bool allow_pronoun,
                                        const std::vector<int>* leading_agents = nullptr) const;
  std::vector<Participant> compose(const NounPhrase& np,
                                   const std::vector<int>* leading_agents = nullptr) const;
  // Which phrases naming only an agent ("---GOV") a search accepts.
  enum class Agents { kNone, kObjectModifiers, kAnywhere };
  std::vector<Participant> first_actor_in(int root, Agents agents = Agents::kNone) const;
  std::vector<Participant> bound_actor(int token) const;
  std::vector<Participant> issuer_of_document(int noun) const;
  // "There were 10 soldiers killed": the verb below an existential "there
  // be" with the noun as its (active) subject.
  bool existential_participle(int verb) const;
  std::vector<Participant> subject_of(int verb, bool* passive) const;
  std::vector<Participant> target_of(const VerbCoding& vc, bool passive) const;
  std::vector<Participant> passive_source(int verb) const;

  bool find_verb(int v, VerbCoding& out) const;
  bool govern(int v, VerbCoding& out) const;
  bool future(int v) const;
  int match_at(int token, std::string_view word, int depth) const;
  bool word_matches(int token, std::string_view word) const;
  int match_contiguous(int start, std::span<const std::string> words) const;
  bool match_noun_phrase(const std::vector<int>& zone, std::size_t& pos,
                         const std::vector<std::string>& words) const;
  bool match_pattern(const VerbPattern& p, int verb, std::span<const int> verb_words,
                     const std::vector<int>& before, const std::vector<int>& after, int object,
                     int* score, Binding* binding) const;
  bool argument_head(int token, int verb) const;
  bool inside_other_clause(int token, int verb) const;
  int next_actor_token(const std::vector<int>& zone, std::size_t& pos) const;
  bool names_someone(int token) const;
  int preposition_token(int token) const;
  bool is_complement(int token) const;
  bool heads_clause(int token) const;
  std::string preposition_of(int token) const;
  int controller(int clause) const;
  std::string negate(const std::string& code, const std::string& origin) const;
  Clause clause_for(const VerbCoding& vc, const std::vector<VerbCoding>& codings,
                    const std::vector<int>& coding_of) const;
  void emit(const Clause& c, std::vector<Participant> sources, std::vector<Participant> targets,
            const std::string& code, const std::string& code2, const std::string& pattern,
            std::vector<Event>& events) const;
  std::optional<int> value_of(const std::string& code) const;
  std::string combine(const std::string& upper, const std::string& lower) const;
  bool transform(const Clause& upper, const Clause& lower, std::vector<Event>& events) const;
  bool combine_by_rule(const Clause& upper, const Clause& lower, std::vector<Event>& events) const;

  const Dictionaries& dict_;
  const CoderOptions& options_;
  const std::vector<Transformation>& transformations_;
  const Sentence& s_;
  StoryContext& story_;
  int n_;
  std::vector<std::string> form_;
  std::vector<std::string> lemma_;
  std::vector<Mention> mentions_;
  std::vector<int> mention_at_;  // token -> mention index or -1
};

void SentenceCoder::find_mentions() {
  mention_at_.assign(static_cast<std::size_t>(n_) + 1, -1);
  std::vector<std::string_view> words;
  std::vector<std::string_view> alts;
  for (int i = 1; i <= n_;) {
    words.clear();
    alts.clear();
    for (int j = i; j <= n_ && j < i + kMaxPhraseWords; ++j) {
      words.push_back(form(j));
      alts.push_back(lemma(j));
    }
    const Phrase* actor = dict_.actors.phrases().longest_match(words, alts);
    const Phrase* agent = dict_.agents.phrases().longest_match(words, alts);
    // "an Israeli-linked ship", "a UK-flagged tanker", "a Moscow-based bank":
    // a name joined to a word of belonging names what the phrase belongs to
    // (not "Russian-backed separatists": backing is another actor's).
    const std::string& w = form(i);
    if (const auto hyphen = w.find('-'); !actor && !agent && !dict_.petrarch_conventions &&
                                         hyphen != std::string::npos && hyphen > 0) {
      static constexpr std::string_view kBelonging[] = {
          "BASED", "BUILT",    "CONTROLLED", "FLAGGED",    "HELD", "LINKED",
          "MADE",  "OPERATED", "OWNED",      "REGISTERED", "RUN"};
      const std::string_view rest = std::string_view(w).substr(hyphen + 1);
      if (std::find(std::begin(kBelonging), std::end(kBelonging), rest) != std::end(kBelonging)) {
        const std::string_view prefix[] = {std::string_view(w).substr(0, hyphen)};
        const Phrase* p = dict_.actors.phrases().longest_match(prefix, prefix);
        if (p && p->words.size() == 1) actor = p;
      }
    }
    const Phrase* best = actor;
    bool is_agent = false;
    if (agent && (!actor || agent->words.size() > actor->words.size())) {
      best = agent;
      is_agent = true;
    }
    // A one-word name never stands for a pronoun written all in lower case
    // ("told us" is not the United States; "US" still is).
    const std::string& written = tok(i).form;
    const bool lower_pronoun =
        tok(i).upos == "PRON" &&
        std::none_of(written.begin(), written.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!best || tok(i).upos == "PUNCT" || (best->words.size() == 1 && lower_pronoun)) {
      ++i;
      continue;
    }
    Mention m;
    m.first = i;
    m.last = i + static_cast<int>(best->words.size()) - 1;
    m.agent = is_agent;
    m.entry = best->entry;
    if (!is_agent && !best->other_entries.empty()) {
      // Of several people with this name, the one in office on the date;
      // else one whose dated codes cover it (a former office-holder); else
      // the first.
      const auto& entries = dict_.actors.entries();
      auto in_office = [&](int e) {
        const std::string code = entries[static_cast<std::size_t>(e)].code_on(story_.date_value);
        return code.size() > 3 && !code.ends_with("ELI");
      };
      std::vector<int> all{m.entry};
      all.insert(all.end(), best->other_entries.begin(), best->other_entries.end());
      auto pick = std::find_if(all.begin(), all.end(), in_office);
      if (pick == all.end()) {
        pick = std::find_if(all.begin(), all.end(), [&](int e) {
          return entries[static_cast<std::size_t>(e)].dated_on(story_.date_value);
        });
      }
      if (pick != all.end()) m.entry = *pick;
    }
    // A place that names no actor ("the South China Sea"): its words are
    // read, and name no one.
    if (!is_agent) {
      const ActorEntry& e = dict_.actors.entries()[static_cast<std::size_t>(m.entry)];
      if (e.default_code.empty() && e.dated.empty()) {
        i = m.last + 1;
        continue;
      }
    }
    m.head = m.first;
    for (int j = m.first; j <= m.last; ++j) {
      int h = tok(j).head;
      if (h < m.first || h > m.last) {
        m.head = j;
        break;
      }
    }
    for (int j = m.first; j <= m.last; ++j) {
      mention_at_[static_cast<std::size_t>(j)] = static_cast<int>(mentions_.size());
    }
    mentions_.push_back(m);
    i = m.last + 1;
  }
}

// The words of the phrase headed by `head`, without its conjuncts,
// appositions and clauses.
std::string SentenceCoder::phrase_text(int head) const {
  int first = head;
  int last = head;
  for (int c : s_.children(head)) {
    switch (tok(c).relation) {
      case Relation::kConj:
      case Relation::kAppos:
      case Relation::kAcl:
      case Relation::kPunct:
      case Relation::kCc:
      case Relation::kParataxis:
      case Relation::kAdvcl:
      case Relation::kCase:  // "the CSTO", not "in the CSTO"
      case Relation::kMark:
        continue;
      default:
        break;
    }
    auto [f, l] = s_.subtree_span(c);
    // A modifier cut off by a comma ("May 30 , Kazakhstani journalists")
    // is not part of the phrase's text.
    bool cut = c < head && tok(l).upos == "PUNCT";
    for (int k = l + 1; k < head && c < head; ++k) cut = cut || tok(k).upos == "PUNCT";
    if (cut) continue;
    first = std::min(first, f);
    last = std::max(last, l);
  }
  return s_.span_text(first, last);
}

// Collects the actors and agents of the noun phrase headed by `head`. The
// head's own words and its pre-modifiers (compound, flat, amod, possessive)
// name agents and actors, the leftmost actor first; coordinated modifiers
// give alternatives ("Eriadori and Calenardhon leaders"). When they name no
// actor, the first post-modifier that does ("of Gondor", "in Arnor and
// Gondor", "by Osgiliath soldiers") supplies the actors, already composed
// with that phrase's own agents.
NounPhrase SentenceCoder::noun_phrase(int head, bool allow_pronoun) const {
  NounPhrase np;
  std::vector<int> own;       // mentions in the head span and pre-modifiers
  std::vector<int> conj_own;  // mentions in conjuncts of pre-modifiers
  std::vector<int> post;      // post-modifier roots, in order
  std::vector<bool> seen(mentions_.size(), false);
  auto visit = [&](auto&& self, int node, bool in_conj) -> void {
    int m = mention_at_[static_cast<std::size_t>(node)];
    if (m >= 0 && !seen[static_cast<std::size_t>(m)]) {
      seen[static_cast<std::size_t>(m)] = true;
      (in_conj ? conj_own : own).push_back(m);
    }
    for (int c : s_.children(node)) {
      const Token& t = tok(c);
      switch (t.relation) {
        case Relation::kAmod:
          // "Al Qaeda-linked", "Russian-backed": an actor inside a
          // participle describes the entity, it is not the entity.
          if (t.is_verb()) break;
          self(self, c, in_conj);
          break;
        case Relation::kCompound:
        case Relation::kFlat:
        case Relation::kFixed:
        case Relation::kDet:
        case Relation::kNummod:
          self(self, c, in_conj);
          break;
        case Relation::kNmod:
          // A possessor, or a title before a name ("President" in
          // "President Suleiman", nmod:desc in GUM's scheme), is part of the
          // phrase.
          // A name attached with no preposition ("Bree Prime Minister
          // Romendacil" parsed as Bree <-nmod- Romendacil) is part of it too.
          if (t.deprel.find("poss") != std::string::npos || t.deprel == "nmod:desc" ||
              (t.upos == "PROPN" && s_.subtree_span(c).first == node + 1 &&
               s_.child(c, Relation::kCase) == 0)) {
            self(self, c, in_conj);
          } else if (node == head) {
            post.push_back(c);
          }
          break;
        case Relation::kConj:
          if (node != head) self(self, c, true);
          break;
        default:
          break;
      }
    }
  };
  visit(visit, head, false);
  std::sort(own.begin(), own.end());
  // The name the phrase is headed by comes before its possessor or
  // modifiers, with dyad's dictionaries ("Egypt's Muslim Brotherhood" is
  // the Brotherhood, Egypt's already in its code).
  if (!dict_.petrarch_conventions) {
    std::stable_partition(own.begin(), own.end(), [&](int m) {
      const Mention& mm = mentions_[static_cast<std::size_t>(m)];
      return !mm.agent && mm.first <= head && head <= mm.last;
    });
  }
  auto add_actor = [&](int m) {
    const Mention& mm = mentions_[static_cast<std::size_t>(m)];
    const ActorEntry& entry = dict_.actors.entries()[static_cast<std::size_t>(mm.entry)];
    std::string code = entry.code_on(story_.date_value);
    if (code.empty()) return false;
    // "the Beijing Olympics", "Moscow metro": a capital modifying another
    // noun is the place, its country, not the government it stands for; so
    // is a capital where something happens, with dyad's dictionaries ("a
    // protest in Beijing").
    const bool place =
        head < mm.first || head > mm.last || (!dict_.petrarch_conventions && locative(head));
    if (entry.capital && place && code.size() > 3 &&
        is_country_code(std::string_view(code).substr(0, 3))) {
      code.resize(3);
    }
    np.actors.emplace_back(code, s_.span_text(mm.first, mm.last));
    return true;
  };
  auto describes_actor = [&](const Mention& mm) {
    // "military-ruled Myanmar": an agent word as an adjective on a named
    // actor describes it; it is not that actor's military.
    const Token& t = tok(mm.head);
    if (t.relation != Relation::kAmod || t.upos != "ADJ" || t.head <= 0) return false;
    int target = mention_at_[static_cast<std::size_t>(t.head)];
    return target >= 0 && !mentions_[static_cast<std::size_t>(target)].agent;
  };
  for (int m : own) {
    const Mention& mm = mentions_[static_cast<std::size_t>(m)];
    if (mm.agent) {
      if (!describes_actor(mm)) np.agents.push_back(mm.entry);
    } else if (np.actors.empty()) {
      add_actor(m);
    }
  }
  if (!np.actors.empty()) {
    for (int m : conj_own) {
      if (!mentions_[static_cast<std::size_t>(m)].agent) add_actor(m);
    }
  }
  if (np.actors.empty()) {
    // The head's agents come first: "exiled leaders of Egypt's Muslim
    // Brotherhood" -> EGY + OPP (leaders) + MUS (the brotherhood).
    for (int c : post) {
      auto ps = participants(c, false, &np.agents);
      bool real = std::any_of(ps.begin(), ps.end(),
                              [](const Participant& p) { return p.code.rfind("---", 0) != 0; });
      if (!real) continue;
      const std::vector<Participant> bare = participants(c, false);  // without the head's agents
      if (!dict_.petrarch_conventions && !np.agents.empty() && locative(c)) {
        // "reporters in Yerevan": a place says where the agents are from,
        // not that they belong to its government (the capital's GOV).
        ps = bare;
        for (auto& p : ps) {
          if (p.code.size() > 3 && is_country_code(std::string_view(p.code).substr(0, 3))) {
            p.code.resize(3);
          }
        }
        NounPhrase place;
        for (auto& p : ps) place.actors.emplace_back(p.code, p.text);
        place.agents = np.agents;
        place.text = phrase_text(c);
        ps = compose(place, nullptr);
      }
      for (auto& p : ps) np.actors.emplace_back(p.code, p.text);
      for (const auto& p : bare) np.shared_actors.emplace_back(p.code, p.text);
      np.agents.clear();  // applied above
      break;
    }
  }
  // The "it" of "when it comes to X" stands for nothing.
  auto dummy_it = [&] {
    const int verb = tok(head).head;
    if (form(head) != "IT" || verb <= 0 || lemma(verb) != "COME") return false;
    for (int c : s_.children(verb)) {
      const Relation r = tok(c).relation;
      if ((r == Relation::kMark || r == Relation::kAdvmod) &&
          (form(c) == "WHEN" || form(c) == "WHENEVER")) {
        return true;
      }
    }
    return false;
  };
  // "Russia's defence ministry said it destroyed a tank": the subject
  // pronoun of a reported clause is the reporter, whole ("it" is the
  // ministry, not Russia), when the number agrees (dyad's dictionaries).
  if (np.empty() && allow_pronoun && !dict_.petrarch_conventions && tok(head).upos == "PRON" &&
      (form(head) == "IT" || form(head) == "THEY") &&
      (tok(head).relation == Relation::kNsubj || tok(head).relation == Relation::kNsubjPass)) {
    const int clause = tok(head).head;
    const int saying = clause > 0 ? tok(clause).head : 0;
    const int reporter = saying > 0 ? s_.child(saying, Relation::kNsubj) : 0;
    if (reporter && reporter < head && tok(clause).relation == Relation::kCcomp &&
        is_saying_form(tok(saying).form) && tok(reporter).upos != "PRON") {
      const bool plural =
          tok(reporter).feature("Number") == "Plur" || s_.child(reporter, Relation::kConj) != 0;
      if (plural == (form(head) == "THEY")) {
        NounPhrase r = noun_phrase(reporter, false);
        if (!r.actors.empty()) {
          r.text = phrase_text(head);
          return r;
        }
      }
    }
  }
  if (np.empty() && allow_pronoun && tok(head).upos == "PRON" && is_personal_pronoun(form(head)) &&
      !dummy_it()) {
    // Nearest earlier actor in this sentence, else in the story. "He" and
    // "she" prefer a person when the dictionaries mark people.
    const std::string_view p = form(head);
    const bool personal = p == "HE" || p == "HIS" || p == "HIM" || p == "SHE" || p == "HER";
    auto is_person = [&](const Mention& mm) {
      return dict_.actors.entries()[static_cast<std::size_t>(mm.entry)].person;
    };
    // With dyad's dictionaries a subject is the likelier antecedent ("Armenia
    // has not left the CSTO, but it does not take part").
    auto is_subject = [&](const Mention& mm) {
      const Relation r = tok(mm.head).relation;
      return r == Relation::kNsubj || r == Relation::kNsubjPass;
    };
    for (int pass = personal ? 0 : 1; pass < 2 && np.actors.empty(); ++pass) {
      for (bool subjects : {!dict_.petrarch_conventions, false}) {
        for (int m = static_cast<int>(mentions_.size()) - 1; m >= 0; --m) {
          const Mention& mm = mentions_[static_cast<std::size_t>(m)];
          if (mm.last >= head || mm.agent || (pass == 0 && !is_person(mm))) continue;
          if (subjects && !is_subject(mm)) continue;
          if (add_actor(m)) break;
        }
        if (!np.actors.empty()) break;
      }
      if (pass == 0 && np.actors.empty() && !story_.last_person_code.empty()) {
        np.actors.emplace_back(story_.last_person_code, story_.last_person_text);
      }
    }
    if (np.actors.empty() && !story_.last_actor_code.empty()) {
      np.actors.emplace_back(story_.last_actor_code, story_.last_actor_text);
    }
  }
  // "the organization", "the alliance", "the bloc": the organisation named
  // last, in this sentence or before (with dyad's dictionaries).
  if (np.empty() && !dict_.petrarch_conventions && tok(head).upos == "NOUN" &&
      is_organisation_noun(lemma(head)) && definite(head)) {
    for (int m = static_cast<int>(mentions_.size()) - 1; m >= 0 && np.actors.empty(); --m) {
      const Mention& mm = mentions_[static_cast<std::size_t>(m)];
      if (mm.last >= head || mm.agent) continue;
      std::string code =
          dict_.actors.entries()[static_cast<std::size_t>(mm.entry)].code_on(story_.date_value);
      if (code.starts_with("IGO")) np.actors.emplace_back(code, s_.span_text(mm.first, mm.last));
    }
    if (np.actors.empty() && !story_.last_organisation_code.empty()) {
      np.actors.emplace_back(story_.last_organisation_code, story_.last_organisation_text);
    }
  }
  np.text = phrase_text(head);
  return np;
}

bool SentenceCoder::locative(int node) const {
  for (int c : s_.children(node)) {
    if (tok(c).relation != Relation::kCase) continue;
    const std::string_view p = form(c);
    return p == "IN" || p == "AT" || p == "NEAR" || p == "INSIDE" || p == "OUTSIDE" ||
           p == "ACROSS" || p == "THROUGHOUT" || p == "AROUND";
  }
  return false;
}

// "the" or "this" before the noun, and no other modifier that could name
// something else ("the Russian-led alliance" is fine, "the alliance of
// NGOs" is not).
bool SentenceCoder::definite(int head) const {
  bool the = false;
  for (int c : s_.children(head)) {
    const Relation r = tok(c).relation;
    if (r == Relation::kDet) {
      the = the || form(c) == "THE" || form(c) == "THIS" || form(c) == "THAT";
    } else if (r == Relation::kNmod || r == Relation::kAppos || r == Relation::kAcl) {
      return false;
    }
  }
  return the;
}

std::vector<Participant> SentenceCoder::compose(const NounPhrase& np,
                                                const std::vector<int>* leading_agents) const {
  std::vector<Participant> out;
  std::vector<std::pair<std::string, std::string>> bases = np.actors;
  if (bases.empty()) bases.emplace_back("---", np.text);
  for (auto& [code, actor_text] : bases) {
    std::string c = code;
    std::vector<int> agents;
    if (leading_agents) agents = *leading_agents;
    agents.insert(agents.end(), np.agents.begin(), np.agents.end());
    for (int a : agents) {
      const AgentEntry& e = dict_.agents.entries()[static_cast<std::size_t>(a)];
      if (e.code.empty()) continue;
      if (e.prefix) {
        if (c.rfind(e.code, 0) != 0) c = e.code + c;
        continue;
      }
      bool present = false;
      for (std::size_t i = 0; i + e.code.size() <= c.size(); i += 3) {
        if (c.compare(i, e.code.size(), e.code) == 0) present = true;
      }
      if (!present) c += e.code;
    }
    out.push_back({c, np.actors.size() > 1 ? actor_text : np.text});
  }
  return out;
}

// Participants named by the phrase headed by `head` and its conjuncts. A
// conjunct with agents but no actor of its own shares the first conjunct's
// actors ("Danish media and government" -> DNKMED, DNKGOV).
std::vector<Participant> SentenceCoder::participants(int head, bool allow_pronoun,
                                                     const std::vector<int>* leading_agents) const {
  std::vector<Participant> out;
  NounPhrase first = noun_phrase(head, allow_pronoun);
  // Conjuncts, and appositions that name an actor of their own (a list
  // parsed as apposition: "Mordor, the Shire, Arnor and Bree").
  std::vector<std::pair<int, bool>> others;  // token, is apposition
  auto collect = [&](auto&& self, int node) -> void {
    for (int c : s_.children(node)) {
      Relation r = tok(c).relation;
      if (r == Relation::kConj || r == Relation::kAppos) {
        others.emplace_back(c, r == Relation::kAppos);
        self(self, c);
      }
    }
  };
  collect(collect, head);
  if (!first.empty()) {
    for (auto& p : compose(first, leading_agents)) out.push_back(std::move(p));
  }
  // An apposition re-describes its head ("the US commander, General David
  // Petraeus"); it adds an actor only inside a list, where a parser often
  // reads commas as apposition.
  bool list = false;
  for (auto [c, appos] : others) {
    if (!appos) list = true;
    if (appos && s_.child(c, Relation::kConj)) list = true;
  }
  for (auto [c, appos] : others) {
    if (appos && !list && !first.actors.empty()) continue;
    NounPhrase np = noun_phrase(c, allow_pronoun);
    if (np.empty() || (appos && np.actors.empty())) continue;
    if (np.actors.empty()) {
      np.actors = first.shared_actors.empty() ? first.actors : first.shared_actors;
    }
    for (auto& p : compose(np, leading_agents)) {
      bool dup = std::any_of(out.begin(), out.end(),
                             [&](const Participant& o) { return o.code == p.code; });
      if (!dup) out.push_back(std::move(p));
    }
  }
  return out;
}

// Breadth-first search for the first phrase that names an actor under
// `root`, not descending into `skip_subtree`.
std::vector<Participant> SentenceCoder::first_actor_in(int root, Agents agents) const {
  auto is_clause = [&](int c) {
    switch (tok(c).relation) {
      case Relation::kAcl:
      case Relation::kAdvcl:
      case Relation::kCcomp:
      case Relation::kXcomp:
      case Relation::kParataxis:
      case Relation::kCsubj:
        return true;
      default:
        return false;
    }
  };
  // First the phrase itself and its non-clausal modifiers, where (for a
  // direct object) a prepositional phrase naming only an agent counts
  // ("faces pressure from Congress to help Iran" -> Congress); then
  // everything, actors only.
  for (bool whole : {false, true}) {
    std::deque<int> queue{root};
    while (!queue.empty()) {
      int node = queue.front();
      queue.pop_front();
      if (tok(node).is_nominal() || mention_at_[static_cast<std::size_t>(node)] >= 0) {
        auto ps = participants(node, false);
        bool has_actor = std::any_of(
            ps.begin(), ps.end(), [](const Participant& p) { return p.code.rfind("---", 0) != 0; });
        bool agent_ok = !ps.empty() && node != root &&
                        ((agents == Agents::kObjectModifiers && !whole && tok(node).head == root &&
                          preposition_token(node)) ||
                         (agents == Agents::kAnywhere && whole));
        if (has_actor || agent_ok) return ps;
      }
      for (int c : s_.children(node)) {
        Relation r = tok(c).relation;
        if (r == Relation::kPunct || r == Relation::kConj || (!whole && is_clause(c))) continue;
        queue.push_back(c);
      }
    }
  }
  return {};
}

// The actor of a phrase a pattern's '$' or '+' bound. The pattern names
// the role, so with dyad's dictionaries an agent alone will do, as in a
// passive's by-phrase ("faces pressure from lawmakers").
std::vector<Participant> SentenceCoder::bound_actor(int token) const {
  auto ps = first_actor_in(token);
  if (ps.empty() && !dict_.petrarch_conventions) ps = participants(token, true);
  return ps;
}

// "A report released in the Rwandan capital alleged ...": a document
// speaks for who issued it ("a statement issued by the Kremlin"), or else
// for the country it was issued in (the place gives the country only).
std::vector<Participant> SentenceCoder::issuer_of_document(int noun) const {
  static constexpr std::string_view kDocuments[] = {
      "REPORT",   "STATEMENT", "COMMUNIQUE", "DECLARATION", "DOCUMENT", "STUDY",
      "LETTER",   "DOSSIER",   "BULLETIN",   "MEMORANDUM",  "MEMO",     "ASSESSMENT",
      "ANALYSIS", "SURVEY",    "PAPER",      "DECREE",      "NOTE",     "ANNOUNCEMENT"};
  const std::string_view head = lemma(noun);
  if (std::find(std::begin(kDocuments), std::end(kDocuments), head) == std::end(kDocuments)) {
    return {};
  }
  for (int a : s_.children(noun, Relation::kAcl)) {
    if (!is_past_participle(tok(a)) && tok(a).xpos != "VBD") continue;  // "released", either tag
    for (int c : s_.children(a)) {
      const Relation r = tok(c).relation;
      if (r != Relation::kObl && r != Relation::kNmod) continue;
      if (preposition_of(c) == "BY") {
        auto ps = participants(c, true);
        if (!ps.empty()) return ps;
      } else if (locative(c)) {
        auto ps = first_actor_in(c);
        for (auto& p : ps) {
          if (p.code.size() > 3 && is_country_code(std::string_view(p.code).substr(0, 3))) {
            p.code.resize(3);
          }
        }
        if (!ps.empty()) return ps;
      }
    }
  }
  return {};
}

bool SentenceCoder::existential_participle(int verb) const {
  const Token& t = tok(verb);
  if (t.head <= 0 || s_.child(verb, Relation::kNsubj) == 0) return false;
  if (t.xpos != "VBN" && !(t.xpos == "VBD" && form(verb).ends_with("ED"))) return false;
  const int be = t.head;
  if (lemma(be) != "BE") return false;
  for (int c : s_.children(be)) {
    if (form(c) == "THERE" && tok(c).deprel == "expl") return true;
  }
  return false;
}

std::vector<Participant> SentenceCoder::subject_of(int verb, bool* passive) const {
  *passive = false;
  // A relative pronoun ("the chairman who undertook to comment") stands for
  // the noun its clause modifies (not with PETRARCH's conventions).
  auto relative = [&](int c, int v) {
    if (dict_.petrarch_conventions) return c;
    const Token& p = tok(c);
    const bool rel = p.feature("PronType") == "Rel" || p.xpos == "WP" || p.xpos == "WDT";
    return rel && tok(v).relation == Relation::kAcl && tok(v).head > 0 ? tok(v).head : c;
  };
  // "There were 10 Russian soldiers killed in Ukraine", parsed with the
  // soldiers as the subject of an active "killed": the existential's noun
  // is the patient of a participle; its agent or place acts.
  if (existential_participle(verb)) {
    *passive = true;
    return passive_source(verb);
  }
  // A passive verb with no subject of its own ("The civilians imprisoned
  // ... were released by Putin", parsed as a conjunct): the subject it
  // shares is its patient; the agent acts.
  if (s_.child(verb, Relation::kNsubj) == 0 && s_.child(verb, Relation::kNsubjPass) == 0 &&
      s_.child(verb, Relation::kAuxPass) != 0 && tok(verb).relation == Relation::kConj) {
    *passive = true;
    return passive_source(verb);
  }
  for (int v = verb, steps = 0; v > 0 && steps < n_; ++steps) {
    if (int c = s_.child(v, Relation::kNsubj)) {
      // Two subjects of one verb are a misparsed coordination ("Lions,
      // tigers, and Gondor welcomed"): both are the subject.
      std::vector<Participant> all = participants(relative(c, v), true);
      for (int other : s_.children(v, Relation::kNsubj)) {
        if (other == c) continue;
        bool coordinated = false;  // "and" / "or" between the two
        for (int k = std::min(c, other) + 1; k < std::max(c, other); ++k) {
          coordinated = coordinated || tok(k).upos == "CCONJ";
        }
        if (!coordinated) continue;
        for (auto& p : participants(other, true)) all.push_back(std::move(p));
      }
      if (all.empty() && !dict_.petrarch_conventions) all = issuer_of_document(relative(c, v));
      return all;
    }
    if (int c = s_.child(v, Relation::kNsubjPass)) {
      if (v == verb) {
        *passive = true;
        return passive_source(verb);
      }
      return participants(c, true);
    }
    const Token& t = tok(v);
    // A past participle modifying a noun is passive: "soldiers killed in
    // Ukraine" -- the noun is the target, the agent or place the source.
    if (v == verb && t.relation == Relation::kAcl && is_past_participle(t)) {
      auto agents = passive_source(verb);
      // Without an agent the noun is still the patient, never the actor
      // ("a Hamas member jailed a year ago"), with dyad's dictionaries.
      if (!agents.empty() || !dict_.petrarch_conventions) {
        *passive = true;
        return agents;
      }
    }
    // Control and coordination: the subject is inherited from the governor,
    // also by a participle clause ("MPs hold back, insulting Kazakhstan").
    const bool participle_clause = !dict_.petrarch_conventions && t.relation == Relation::kAdvcl &&
                                   (t.xpos == "VBG" || t.feature("VerbForm") == "Ger");
    if (participle_clause) {  // the governor's subject, never its object
      // ... except after "for": "jailed a student for helping militants",
      // "praised Georgia for joining": the one jailed or praised did it.
      // An object naming no one ("used the money for building schools")
      // leaves it to the subject.
      if (preposition_of(v) == "FOR") {
        if (int o = s_.child(t.head, Relation::kObj); o && o < v) {
          if (auto ps = participants(o, true); !ps.empty()) return ps;
        }
      }
      v = t.head;
      continue;
    }
    if (t.relation == Relation::kXcomp || (t.relation == Relation::kAdvcl && is_complement(v))) {
      if (int o = controller(v)) return participants(o, true);
      v = t.head;
      continue;
    }
    if (t.relation == Relation::kConj || t.relation == Relation::kCcomp) {
      v = t.head;
      continue;
    }
    if (t.relation == Relation::kAcl) return participants(t.head, true);
    break;
  }
  return {};
}

// Passive voice: the agent ("by X") is the source; without one, the first
// actor of another oblique phrase stands in (PETRARCH's convention).
std::vector<Participant> SentenceCoder::passive_source(int verb) const {
  std::vector<int> obliques;
  for (int c : s_.children(verb)) {
    if (tok(c).relation == Relation::kObl || tok(c).relation == Relation::kNmod)
      obliques.push_back(c);
  }
  // "victims killed by the MH17 crash", "killed in an earthquake in
  // Turkey": an accident or a natural disaster is no one's act, and the
  // place it happened stands in for no one (dyad's dictionaries).
  if (!dict_.petrarch_conventions) {
    static constexpr std::string_view kMishaps[] = {
        "ACCIDENT", "AVALANCHE",  "COLLISION", "CRASH",     "CYCLONE",   "DERAILMENT",
        "DISASTER", "EARTHQUAKE", "FLOOD",     "HURRICANE", "LANDSLIDE", "MUDSLIDE",
        "STORM",    "TSUNAMI",    "TYPHOON",   "WILDFIRE"};
    for (int c : obliques) {
      std::string l = lemma(c);
      if (l.size() > 1 && l.ends_with("S")) l.pop_back();
      if (std::find(std::begin(kMishaps), std::end(kMishaps), l) != std::end(kMishaps)) return {};
    }
  }
  // "was shot dead in Osgiliath" with the place hung from "dead".
  for (int x : s_.children(verb, Relation::kXcomp)) {
    if (tok(x).upos != "ADJ") continue;
    for (int c : s_.children(x)) {
      if (tok(c).relation == Relation::kObl || tok(c).relation == Relation::kNmod)
        obliques.push_back(c);
    }
  }
  for (int c : obliques) {
    if (preposition_of(c) == "BY") {
      // "by a missile believed to be fired by pro-Russia rebels": a weapon
      // with no country named is the tool of whoever a deeper "by" names.
      auto ps = participants(c, true);
      const bool unnamed = std::all_of(
          ps.begin(), ps.end(), [](const Participant& p) { return p.code.starts_with("---"); });
      for (int d : s_.subtree(c)) {
        if (!unnamed || d == c || preposition_of(d) != "BY") continue;
        if (auto deeper = participants(d, true); !deeper.empty()) {
          ps = std::move(deeper);
          break;
        }
      }
      if (ps.empty()) ps = first_actor_in(c, Agents::kAnywhere);
      if (!ps.empty()) return ps;
    }
  }
  // "killed in an air strike by government forces": the agent of the act
  // the verb was done in.
  for (int c : obliques) {
    for (int d : s_.children(c)) {
      if (tok(d).relation != Relation::kNmod || preposition_of(d) != "BY") continue;
      if (auto ps = participants(d, true); !ps.empty()) return ps;
    }
  }
  // Otherwise the place it happened in or came from stands in ("killed in
  // Ukraine", "fired from Gaza"); with dyad's dictionaries never a reason
  // or a target ("imprisoned for acting against Moscow", "imposed on Iran"),
  // nor for a passive that governs an infinitive ("is scheduled to attend a
  // summit ... in Iran": the place is the clause's, the agent unsaid).
  if (!dict_.petrarch_conventions && s_.child(verb, Relation::kXcomp)) return {};
  for (int c : obliques) {
    if (!dict_.petrarch_conventions && !locative(c) && preposition_of(c) != "FROM") continue;
    auto ps = first_actor_in(c);
    if (!ps.empty()) return ps;
  }
  return {};
}

int SentenceCoder::preposition_token(int token) const {
  for (int c : s_.children(token)) {
    Relation r = tok(c).relation;
    if (r == Relation::kCase || r == Relation::kMark) return c;
  }
  return 0;
}

// A complement clause of its head verb: ccomp, xcomp, or an adverbial
// clause introduced by "to" (a parser's reading of an infinitive).
bool SentenceCoder::is_complement(int token) const {
  Relation r = tok(token).relation;
  if (r == Relation::kCcomp || r == Relation::kXcomp) return true;
  if (r != Relation::kAdvcl) return false;
  if (preposition_of(token) == "TO") return true;
  // A gerund right after its verb, with no marker, is its object ("stopped
  // funding the CSTO"), however the parser attached it.
  const Token& t = tok(token);
  if (dict_.petrarch_conventions || t.xpos != "VBG" || t.head <= 0 || t.head > token) return false;
  for (int c : s_.children(token)) {
    if (c < token && (tok(c).relation == Relation::kMark || tok(c).relation == Relation::kCase)) {
      return false;
    }
  }
  for (int i = t.head + 1; i < token; ++i) {
    if (tok(i).upos != "ADV" && tok(i).upos != "PART") return false;
  }
  return true;
}

// The verb of a complement clause with its own subject or an infinitive
// "to": not a pattern word of the verb above it ("said that they attacked"
// is not "say ... attack"), though "(TO QUESTION)" may still match it.
bool SentenceCoder::heads_clause(int token) const {
  const Token& t = tok(token);
  if (!t.is_verb() || !is_complement(token)) return false;
  if (t.relation == Relation::kCcomp) return true;
  return preposition_of(token) == "TO";
}

std::string SentenceCoder::preposition_of(int token) const {
  int p = preposition_token(token);
  return p ? form(p) : std::string{};
}

// Who is to do what an infinitive says: the governing verb's object
// ("asked Ukraine to free"), or with dyad's dictionaries whom an appeal is
// made to ("called on Western partners to send", "appealed to the UN to
// act"); 0 when it is the governor's subject.
int SentenceCoder::controller(int clause) const {
  const int v = tok(clause).head;
  if (v <= 0) return 0;
  if (int o = s_.child(v, Relation::kObj); o && o < clause) return o;
  if (dict_.petrarch_conventions) return 0;
  for (int x : s_.children(v)) {
    if (x > clause || tok(x).relation != Relation::kObl) continue;
    const std::string prep = preposition_of(x);
    if (prep == "ON" || prep == "UPON" || prep == "TO") return x;
  }
  return 0;
}

bool is_reported_speech(const std::string& code) {
  return code.size() >= 2 && code.compare(0, 2, "01") == 0;
}

std::vector<Participant> SentenceCoder::target_of(const VerbCoding& vc, bool passive) const {
  int v = vc.verb;
  if (passive) {
    int patient = s_.child(v, Relation::kNsubjPass);
    if (!patient && existential_participle(v)) patient = s_.child(v, Relation::kNsubj);
    if (!patient && tok(v).relation == Relation::kAcl) patient = tok(v).head;
    // A passive conjunct shares its first conjunct's subject as its patient.
    if (!patient && tok(v).relation == Relation::kConj && tok(v).head > 0) {
      patient = s_.child(tok(v).head, Relation::kNsubj);
      if (!patient) patient = s_.child(tok(v).head, Relation::kNsubjPass);
    }
    if (patient) return participants(patient, true);  // the patient or nobody
  }
  // A statement is about whom it names in its own arguments ("told Russia",
  // "said of Russia"); with dyad's dictionaries an actor inside the clause it
  // reports is not its target ("said the step had Moscow's support").
  const bool statement = !dict_.petrarch_conventions && is_reported_speech(vc.code);
  std::vector<int> order;
  for (Relation r : {Relation::kObj, Relation::kIobj}) {
    for (int c : s_.children(v, r)) order.push_back(c);
  }
  for (int c : s_.children(v)) {
    Relation r = tok(c).relation;
    if ((r == Relation::kObl || r == Relation::kNmod) && !(passive && preposition_of(c) == "BY")) {
      const std::string prep = preposition_of(c);
      // A statement concerns whom it is made to, for, of or about ("said to",
      // "spoke of", "commented on"), not where or when it was made ("made
      // his remarks in Doha", "said two weeks after rebels kidnapped ...").
      if (statement && prep != "TO" && prep != "OF" && prep != "ABOUT" && prep != "ON" &&
          prep != "WITH" && prep != "FOR" && prep != "AGAINST" && prep != "TOWARD" &&
          prep != "TOWARDS" && prep != "REGARDING" && prep != "CONCERNING") {
        continue;
      }
      // With dyad's dictionaries a time phrase names no participant ("talked
      // shortly after the annexation of Crimea").
      if (!dict_.petrarch_conventions &&
          (prep == "AFTER" || prep == "BEFORE" || prep == "DURING" || prep == "SINCE" ||
           prep == "UNTIL" || prep == "FOLLOWING" || prep == "AMID" || prep == "AMIDST")) {
        continue;
      }
      // An "as" phrase says in what role or capacity ("as one of the
      // conditions of an agreement", "as a mediator"), not to whom.
      if (prep == "AS") continue;
      // "Aliyev and Pashinyan met in Prague": where a meeting is held names
      // no one who took part (dyad's dictionaries).
      if (!dict_.petrarch_conventions && vc.code.starts_with("04") && locative(c)) continue;
      order.push_back(c);
    }
  }
  // Clauses come last; with dyad's dictionaries only when the object names
  // no one: "warned militants that ..." is a warning to the militants,
  // whatever the clause about them names.
  const std::size_t first_clause = order.size();
  for (int c : s_.children(v)) {
    if (!statement && tok(c).relation != Relation::kCcomp && is_complement(c)) order.push_back(c);
  }
  if (!statement) {
    for (int c : s_.children(v, Relation::kCcomp)) order.push_back(c);
  }
  // "held talks in Almaty", "made his remarks in Doha": a place after the
  // object of a statement or a meeting is where it happened, not whom it
  // concerns or who took part.
  const bool gathering = !dict_.petrarch_conventions && vc.code.starts_with("04");
  // "said two weeks after rebels kidnapped ...": a span of time parsed as
  // the object measures when, it names no participant.
  auto span_of_time = [&](int c) {
    static constexpr std::string_view kUnits[] = {"SECOND", "MINUTE", "HOUR", "DAY",
                                                  "WEEK",   "MONTH",  "YEAR", "DECADE"};
    const std::string& l = lemma(c);
    const std::string one = l.ends_with("S") ? l.substr(0, l.size() - 1) : l;
    return std::find(std::begin(kUnits), std::end(kUnits), one) != std::end(kUnits) &&
           s_.child(c, Relation::kNummod) != 0;
  };
  // An infinitive controlled by an object or by whom an appeal is made to
  // ("called on Western partners to send air defence to Ukraine") is what
  // they are to do: its words are not the verb's participants.
  auto controlled = [&](int clause) {
    const Relation r = tok(clause).relation;
    return !dict_.petrarch_conventions && (r == Relation::kXcomp || r == Relation::kAdvcl) &&
           controller(clause) != 0;
  };
  bool object_names_someone = false;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const int c = order[i];
    if (i >= first_clause && object_names_someone) break;
    if (i >= first_clause && controlled(c)) continue;
    if ((statement || gathering) && tok(c).relation == Relation::kObj && names_only_a_place(c)) {
      continue;
    }
    if (tok(c).relation == Relation::kObj && span_of_time(c)) continue;
    auto ps = first_actor_in(
        c, tok(c).relation == Relation::kObj ? Agents::kObjectModifiers : Agents::kNone);
    if (!ps.empty()) return ps;
    if (!dict_.petrarch_conventions && tok(c).relation == Relation::kObj) {
      object_names_someone = object_names_someone || !participants(c, false).empty();
    }
  }
  return {};
}

// Number of words matched by dictionary word `word` starting at `token`
// (a synset member may span several words, "ECONOMIC SANCTIONS"), or 0.
int SentenceCoder::match_at(int token, std::string_view word, int depth) const {
  if (word.empty() || token < 1 || token > n_ || depth > 4) return 0;
  if (word[0] != '&') return form(token) == word || lemma(token) == word ? 1 : 0;
  const auto* members = dict_.verbs.synset_words(word);
  if (!members) return 0;
  int best = 0;
  for (const auto& parts : *members) {
    int t = token;
    bool ok = true;
    for (const auto& part : parts) {
      int k = match_at(t, part, depth + 1);
      if (k == 0) {
        ok = false;
        break;
      }
      t += k;
    }
    if (ok && t - token > best) best = t - token;
  }
  return best;
}

bool SentenceCoder::word_matches(int token, std::string_view word) const {
  return match_at(token, word, 0) > 0;
}

// Matches `words` on consecutive words from `start` (determiners may be
// skipped). Returns the last word matched, or 0.
int SentenceCoder::match_contiguous(int start, std::span<const std::string> words) const {
  int t = start;
  int last = 0;
  for (const auto& w : words) {
    while (t <= n_ && tok(t).upos == "DET") ++t;
    int k = match_at(t, w, 0);
    if (k == 0) return 0;
    last = t + k - 1;
    t += k;
  }
  return last;
}

// A noun phrase {A B C}: C is a word of the zone at or after pos, B stands
// right before it, and A anywhere earlier under C.
bool SentenceCoder::match_noun_phrase(const std::vector<int>& zone, std::size_t& pos,
                                      const std::vector<std::string>& words) const {
  // "{state of emergency}": a phrase with a preposition inside is headed by
  // its first word; its words are matched as written, one after another.
  const bool inner_preposition =
      words.size() > 2 && std::any_of(words.begin() + 1, words.end() - 1, [](const std::string& w) {
        return w == "OF" || w == "FOR" || w == "ON" || w == "IN" || w == "TO" || w == "WITH" ||
               w == "AGAINST";
      });
  if (inner_preposition) {
    for (std::size_t k = pos; k < zone.size(); ++k) {
      if (heads_clause(zone[k]) || match_contiguous(zone[k], words) == 0) continue;
      pos = k + 1;
      return true;
    }
    return false;
  }
  for (std::size_t k = pos; k < zone.size(); ++k) {
    int head = zone[k];
    if (heads_clause(head) || !word_matches(head, words.back())) continue;
    int cursor = head;  // words before the head, right to left
    bool ok = true;
    for (std::size_t w = words.size() - 1; w-- > 0 && ok;) {
      bool adjacent = w + 2 == words.size();
      ok = false;
      for (int t = cursor - 1; t >= 1; --t) {
        if (!s_.dominates(head, t)) {
          if (adjacent) break;
          continue;
        }
        if (word_matches(t, words[w])) {
          cursor = t;
          ok = true;
          break;
        }
        if (adjacent) break;
      }
    }
    if (ok) {
      pos = k + 1;
      return true;
    }
  }
  return false;
}

// Whether the phrase headed by `token` holds an actor or agent phrase, or a
// pronoun that may stand for one.
bool SentenceCoder::names_someone(int token) const {
  for (int d : s_.subtree(token)) {
    if (mention_at_[static_cast<std::size_t>(d)] >= 0) return true;
    if (tok(d).upos == "PRON" && is_personal_pronoun(form(d))) return true;
  }
  return false;
}

// The first word at or after zone[pos] that belongs to an actor phrase.
int SentenceCoder::next_actor_token(const std::vector<int>& zone, std::size_t& pos) const {
  for (std::size_t k = pos; k < zone.size(); ++k) {
    int m = mention_at_[static_cast<std::size_t>(zone[k])];
    if (m >= 0 && !mentions_[static_cast<std::size_t>(m)].agent) {
      // With dyad's dictionaries a place is not the phrase a '+' marks: "join
      // an armed group in Lebanon" joins the group, not Lebanon.
      if (!dict_.petrarch_conventions && locative(mentions_[static_cast<std::size_t>(m)].head)) {
        continue;
      }
      pos = k + 1;
      // The name's head stands for it ("the International Criminal Court").
      return dict_.petrarch_conventions ? zone[k] : mentions_[static_cast<std::size_t>(m)].head;
    }
  }
  return 0;
}

// Two patterns with the same elements (their codes may differ).
bool same_words(const VerbPattern& a, const VerbPattern& b) {
  auto same = [](const std::vector<PatternElement>& x, const std::vector<PatternElement>& y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                      [](const PatternElement& e, const PatternElement& f) {
                        return e.kind == f.kind && e.preposition == f.preposition &&
                               e.words == f.words;
                      });
  };
  return same(a.before, b.before) && same(a.after, b.after);
}

bool is_marker(std::string_view w) { return w == "+" || w == "$" || w == "^" || w == "%"; }

// A bare pattern word names the head of one of the verb's arguments (or
// of the arguments of a clause it governs), not any word further down:
// "made his remarks at the start of a regional trip" is no "* TRIP".
// Whether a verb other than `verb` stands between `token` and `verb`.
bool SentenceCoder::inside_other_clause(int token, int verb) const {
  for (int h = tok(token).head, steps = 0; h > 0 && h != verb && steps < n_;
       h = tok(h).head, ++steps) {
    if (tok(h).is_verb()) return true;
  }
  return false;
}

bool SentenceCoder::argument_head(int token, int verb) const {
  int h = token;
  while (tok(h).relation == Relation::kConj && tok(h).head > 0) h = tok(h).head;
  int up = tok(h).head;
  if (up == verb) return true;
  if (up > 0 && tok(up).head == verb && is_complement(up)) return true;
  if (int patient = s_.child(verb, Relation::kNsubjPass)) return s_.dominates(patient, token);
  return false;
}

bool SentenceCoder::match_pattern(const VerbPattern& p, int verb, std::span<const int> verb_words,
                                  const std::vector<int>& before, const std::vector<int>& after,
                                  int object, int* score, Binding* binding) const {
  int total = 0;
  *binding = Binding{};
  auto run = [&](const std::vector<PatternElement>& elements, const std::vector<int>& zone,
                 bool is_before) {
    std::size_t pos = 0;
    for (const auto& e : elements) {
      switch (e.kind) {
        case PatternElement::Kind::kWord: {
          bool found = false;
          int matched = 1;
          for (std::size_t k = pos; k < zone.size() && !found; ++k) {
            if (heads_clause(zone[k]) || is_function_word(tok(zone[k]))) continue;
            int length = match_at(zone[k], e.words.front(), 0);
            if (length == 0) continue;
            matched = length;
            // The last word matched ("revolutionary MANIFESTO") heads the argument.
            if (!is_before && !argument_head(zone[k] + length - 1, verb)) continue;
            // With dyad's dictionaries a bare word is an object, not the
            // noun of a prepositional phrase ("launched attacks during its
            // campaign for" is no "launch: * campaign (for +)").
            // The verb's own particle read as a preposition does not count
            // ("called off the talks").
            if (!is_before && !dict_.petrarch_conventions) {
              const int c = s_.child(zone[k] + length - 1, Relation::kCase);
              if (c != 0 && std::find(verb_words.begin(), verb_words.end(), c) == verb_words.end())
                continue;
            }
            {
              found = true;
              pos = k + 1;
              if (form(zone[k]) == e.words.front()) ++binding->exact_forms;
              if (object && s_.dominates(object, zone[k])) ++binding->object_words;
            }
          }
          if (!found) return false;
          // A set member of several words ("joint exercises") is worth them
          // all with dyad's dictionaries.
          total += dict_.petrarch_conventions ? 1 : matched;
          break;
        }
        case PatternElement::Kind::kNounPhrase:
          if (!match_noun_phrase(zone, pos, e.words)) return false;
          total += static_cast<int>(e.words.size());
          break;
        case PatternElement::Kind::kPreposition: {
          std::vector<std::string> words;
          std::string role;
          for (const auto& w : e.words) {
            if (w == "+" || w == "$") role = w;
            if (!is_marker(w)) words.push_back(w);
          }
          bool found = false;
          for (std::size_t k = pos; k < zone.size() && !found; ++k) {
            int t = zone[k];
            int prep = preposition_token(t);
            if (!prep || form(prep) != e.preposition) continue;
            // With dyad's dictionaries the phrase belongs to the verb's own
            // clause: "voted to ratify the agreement with Russia" is no
            // "vote: * (with +)".
            if (!is_before && !dict_.petrarch_conventions && inside_other_clause(t, verb)) continue;
            // The words right after the preposition (PETRARCH's reading), or
            // with dyad's dictionaries also one word naming the phrase's head
            // past its modifiers ("as the closest allies").
            const bool head_word = !dict_.petrarch_conventions && words.size() == 1 &&
                                   match_at(t, words.front(), 0) == 1;
            if (!words.empty() && !match_contiguous(prep + 1, words) && !head_word) {
              continue;
            }
            // With dyad's dictionaries a '+' or '$' phrase must name someone:
            // "on Monday" is no "(on +)".
            if (!role.empty() && !dict_.petrarch_conventions && !names_someone(t)) continue;
            // ... and be a phrase, not an infinitive clause: "were going to
            // be involved in a situation like the one in Ukraine" is no
            // "go: * (to +)".
            if (!role.empty() && !dict_.petrarch_conventions && tok(t).is_verb() &&
                tok(prep).relation == Relation::kMark) {
              continue;
            }
            if (role == "+") binding->target_token = t;
            if (role == "$") binding->source_token = t;
            found = true;
            pos = k + 1;
          }
          if (!found) return false;
          total += 1 + static_cast<int>(words.size());
          break;
        }
        case PatternElement::Kind::kSource:
        case PatternElement::Kind::kTarget: {
          bool source = e.kind == PatternElement::Kind::kSource;
          if (is_before) {
            // A marker before the verb names the subject's role.
            if (!source) binding->target_is_subject = true;
            break;
          }
          int t = next_actor_token(zone, pos);
          if (!t) return false;
          (source ? binding->source_token : binding->target_token) = t;
          break;
        }
        case PatternElement::Kind::kSkip:
          if (pos >= zone.size()) return false;
          ++pos;
          break;
        case PatternElement::Kind::kCompound:
          break;
      }
    }
    return true;
  };
  if (!run(p.before, before, true) || !run(p.after, after, false)) return false;
  *score = total;
  return true;
}

bool SentenceCoder::find_verb(int v, VerbCoding& out) const {
  const Token& t = tok(v);
  if (t.upos != "VERB") return false;
  std::vector<int> candidates;
  for (const std::string* w : {&form(v), &lemma(v)}) {
    for (int e : dict_.verbs.find(*w)) {
      if (std::find(candidates.begin(), candidates.end(), e) == candidates.end()) {
        candidates.push_back(e);
      }
    }
  }
  // "re-examine", "re-impose", "re-open": the verb done again is coded as
  // the verb, when no entry of its own fits.
  if (lemma(v).size() > 4 && lemma(v).starts_with("RE-")) {
    for (int e : dict_.verbs.find(lemma(v).substr(3))) candidates.push_back(e);
  }
  if (candidates.empty()) return false;
  // The verbs whose other words are present, longest first: the longest
  // decides, or with dyad's dictionaries the longest that codes something
  // ("pull out" gives way to "pull: * (out of +)" when none of its own
  // patterns fits).
  struct Fit {
    int entry;
    std::string text;        // the verb's words as written
    std::vector<int> words;  // the tokens of its other words
  };
  std::vector<Fit> fits;
  for (int e : candidates) {
    const VerbEntry& ve = dict_.verbs.verbs()[static_cast<std::size_t>(e)];
    bool ok = true;
    std::string text;
    std::vector<int> words;
    for (std::size_t j = 0; j < ve.words.size() && ok; ++j) {
      if (j == ve.verb_index) {
        text += (text.empty() ? "" : " ") + t.form;
        continue;
      }
      int offset = static_cast<int>(j) - static_cast<int>(ve.verb_index);
      int pos = v + offset;
      if (pos >= 1 && pos <= n_ && word_matches(pos, ve.words[j])) {
        text += (text.empty() ? "" : " ") + tok(pos).form;
        words.push_back(pos);
        continue;
      }
      ok = false;
      if (offset > 0) {  // a particle attached to the verb, further on
        for (int c : s_.children(v)) {
          if (c > v && (tok(c).deprel == "compound:prt" || tok(c).relation == Relation::kAdvmod) &&
              word_matches(c, ve.words[j])) {
            ok = true;
            text += " " + tok(c).form;
            words.push_back(c);
          }
        }
      }
    }
    if (ok) fits.push_back({e, std::move(text), std::move(words)});
  }
  if (fits.empty()) return false;
  std::stable_sort(fits.begin(), fits.end(), [&](const Fit& a, const Fit& b) {
    return dict_.verbs.verbs()[static_cast<std::size_t>(a.entry)].words.size() >
           dict_.verbs.verbs()[static_cast<std::size_t>(b.entry)].words.size();
  });

  // Zones: words of the verb's clause before and after it. Other clauses
  // (adverbial, coordinated, parataxis) are left out.
  std::vector<int> before;
  std::vector<int> after;
  std::vector<bool> excluded(static_cast<std::size_t>(n_) + 1, false);
  for (int c : s_.children(v)) {
    Relation r = tok(c).relation;
    if ((r == Relation::kAdvcl && !is_complement(c)) || r == Relation::kParataxis ||
        r == Relation::kPunct || (r == Relation::kConj && tok(c).is_verb())) {
      for (int d : s_.subtree(c)) excluded[static_cast<std::size_t>(d)] = true;
    }
  }
  // Before the verb only the head of the subject (and its conjuncts) can
  // select a pattern ("- CABINETS *"); adverbs and auxiliaries cannot.
  // Clauses modifying the verb's nouns ("the pass where orcs attacked")
  // are other events: their words are not the verb's pattern words.
  for (int d : s_.subtree(v)) {
    if (d == v || excluded[static_cast<std::size_t>(d)]) continue;
    Relation r = tok(d).relation;
    int h = tok(d).head;
    if (h != v && (r == Relation::kAcl || r == Relation::kAdvcl || r == Relation::kParataxis ||
                   (r == Relation::kConj && tok(d).is_verb()))) {
      for (int e : s_.subtree(d)) excluded[static_cast<std::size_t>(e)] = true;
    }
    // A finite complement clause ("said that a bomb was fired ...") is the
    // reported event: only its verb is seen, for "(TO QUESTION)"-like slots.
    if (h == v && r == Relation::kCcomp && tok(d).is_verb()) {
      for (int e : s_.subtree(d)) {
        if (e != d) excluded[static_cast<std::size_t>(e)] = true;
      }
    }
  }
  for (int d : s_.subtree(v)) {
    if (d > v && !excluded[static_cast<std::size_t>(d)]) after.push_back(d);
  }
  // In the passive the subject is the verb's object: its words are matched
  // as if they followed the verb ("civilians were released" ~ "released
  // civilians").
  if (int patient = s_.child(v, Relation::kNsubjPass); patient && patient < v) {
    for (int d : s_.subtree(patient)) after.push_back(d);
    std::sort(after.begin(), after.end(), [&](int a, int b) {
      bool pa = s_.dominates(patient, a), pb = s_.dominates(patient, b);
      return pa != pb ? pa : a < b;
    });
  }
  // The doer's phrase: the subject, or in the passive the "by" agent
  // ("was demolished by a protestor" ~ "- PROTESTOR * [145]").
  const bool passive_voice = s_.child(v, Relation::kNsubjPass) != 0;
  for (int c : s_.children(v)) {
    Relation r = tok(c).relation;
    bool doer = passive_voice
                    ? (r == Relation::kObl || r == Relation::kNmod) && preposition_of(c) == "BY"
                    : c < v && r == Relation::kNsubj;
    if (!doer) continue;
    if (passive_voice) std::erase(after, c);
    for (int head : s_.children(c, Relation::kConj)) before.push_back(head);
    before.push_back(c);
    for (int m : s_.children(c)) {  // "death" in {DEATH TOLL} *
      Relation mr = tok(m).relation;
      if (mr == Relation::kCompound || mr == Relation::kAmod || mr == Relation::kFlat) {
        before.push_back(m);
      }
    }
  }
  std::sort(before.begin(), before.end());
  int best_score = -1;
  const VerbPattern* best_pattern = nullptr;
  Binding binding;
  Binding best_binding;
  // Words present around the verb: a pattern naming a plain word absent
  // from them cannot match, which settles most patterns cheaply.
  std::vector<std::string_view> present;
  for (const auto* zone : {&before, &after}) {
    for (int t : *zone) {
      present.push_back(form(t));
      present.push_back(lemma(t));
    }
  }
  std::sort(present.begin(), present.end());
  auto absent = [&](const std::string& w) {
    if (w.empty() || w[0] == '&' || is_marker(w)) return false;
    return !std::binary_search(present.begin(), present.end(), std::string_view(w));
  };
  auto impossible = [&](const VerbPattern& p) {
    for (const auto* side : {&p.before, &p.after}) {
      for (const PatternElement& e : *side) {
        if (!e.preposition.empty() && absent(e.preposition)) return true;
        for (const auto& w : e.words) {
          if (absent(w)) return true;
        }
      }
    }
    return false;
  };
  const int object = s_.child(v, Relation::kObj);
  const VerbEntry* entry = nullptr;
  const VerbBlock* block = nullptr;
  std::string verb_text;
  for (const Fit& fit_of_verb : fits) {
    entry = &dict_.verbs.verbs()[static_cast<std::size_t>(fit_of_verb.entry)];
    block = &dict_.verbs.blocks()[static_cast<std::size_t>(entry->block)];
    verb_text = fit_of_verb.text;
    // The verb's own words are not its context: "called off the talks",
    // with "off" parsed as the preposition of "talks", is "call off" +
    // "the talks".
    std::vector<int> rest;  // copied only for a verb of several words
    if (!fit_of_verb.words.empty()) {
      rest = after;
      std::erase_if(rest, [&](int d) {
        return std::find(fit_of_verb.words.begin(), fit_of_verb.words.end(), d) !=
               fit_of_verb.words.end();
      });
    }
    const std::vector<int>& context = fit_of_verb.words.empty() ? after : rest;
    for (const VerbPattern& p : block->patterns) {
      int score = 0;
      if (impossible(p)) continue;
      if (!match_pattern(p, v, fit_of_verb.words, before, context, object, &score, &binding)) {
        continue;
      }
      const auto fit = std::pair(binding.object_words, binding.exact_forms);
      const auto best_fit = std::pair(best_binding.object_words, best_binding.exact_forms);
      // A pattern written again later in PETRARCH's files replaces the
      // earlier one (its reader keys patterns by their words).
      const bool rewritten = dict_.petrarch_conventions && best_pattern != nullptr &&
                             fit == best_fit && same_words(p, *best_pattern);
      if (score > best_score || (score == best_score && (fit > best_fit || rewritten))) {
        best_score = score;
        best_pattern = &p;
        best_binding = binding;
      }
    }
    const std::string& own = entry->code.empty() ? block->code : entry->code;
    if (best_pattern || dict_.petrarch_conventions || (!own.empty() && own != "---")) break;
  }
  const VerbEntry& ve = *entry;
  out.verb = v;
  out.verb_text = verb_text;
  if (best_pattern) {
    out.code = best_pattern->code;
    out.code2 = best_pattern->code2;
    out.pattern = best_pattern->text + " @" + best_pattern->origin;
    out.origin = best_pattern->origin;
    out.source_token = best_binding.source_token;
    out.target_token = best_binding.target_token;
    out.target_is_subject = best_binding.target_is_subject;
  } else {
    out.code = ve.code.empty() ? block->code : ve.code;
    out.code2 = ve.code.empty() ? block->code2 : ve.code2;
    out.pattern = "--- " + block->name + " [" + out.code +
                  (out.code2.empty() ? "" : ":" + out.code2) + "] --- @" + block->origin;
  }
  out.negated = negated(v);
  return true;
}

// A verb that codes nothing itself but governs a clause like the verbs of
// a code ("want" like 03): it takes part in combinations only. A negated
// one ("does not want to attack") combines with nothing, and what it
// governs is no event either.
bool SentenceCoder::govern(int v, VerbCoding& out) const {
  // An adjective can govern a clause as such a verb does ("is eager to
  // mend ties", "is ready to help").
  if (dict_.governing_verbs.empty() || (tok(v).upos != "VERB" && tok(v).upos != "ADJ")) {
    return false;
  }
  auto it = dict_.governing_verbs.find(lemma(v));
  if (it == dict_.governing_verbs.end()) it = dict_.governing_verbs.find(form(v));
  if (it == dict_.governing_verbs.end()) return false;
  out = VerbCoding{};
  out.negated = negated(v);
  out.verb = v;
  out.verb_text = tok(v).form;
  out.code = out.negated ? "" : it->second.code;
  out.governs_only = true;
  out.pattern = "governing verb " + to_lower_ascii(it->second.verb) + " as " + it->second.code +
                " @" + it->second.origin;
  return true;
}

bool SentenceCoder::negated(int v) const {
  const auto children = s_.children(v);
  return std::any_of(children.begin(), children.end(), [&](int c) { return tok(c).is_negation(); });
}

// A clause about the future: its verb has the auxiliary "will", "would" or
// "shall" ("it will attack", "they'd retaliate").
bool SentenceCoder::future(int v) const {
  for (int c : s_.children(v)) {
    if (tok(c).relation != Relation::kAux) continue;
    const std::string& w = form(c);
    if (w == "WILL" || w == "WOULD" || w == "SHALL" || w == "'LL" || w == "'D" || w == "WO") {
      return true;
    }
  }
  return false;
}

// Negation: an explicit negation of the dictionary, else through the
// internal coding ontology: "did not X" is coded as the value of X minus
// 0xFFFF (the value of 120 Reject).
std::string SentenceCoder::negate(const std::string& code, const std::string& origin) const {
  if (!origin.empty() && dict_.unnegated_patterns.contains(origin)) return {};
  if (auto it = dict_.negations.find(code); it != dict_.negations.end()) return it->second;
  auto value = dict_.ontology.value(code);
  if (!value) return {};
  auto negated = dict_.ontology.code(*value - 0xFFFF);
  return negated ? *negated : std::string{};
}

Clause SentenceCoder::clause_for(const VerbCoding& vc, const std::vector<VerbCoding>& codings,
                                 const std::vector<int>& coding_of) const {
  Clause c;
  c.vc = &vc;
  c.code = vc.code == "---" ? "" : vc.code;
  c.code2 = vc.code2;
  if (vc.negated && !c.code.empty()) {
    c.code = negate(c.code, vc.origin);
    c.code2.clear();
  }
  bool passive = false;
  auto subjects = subject_of(vc.verb, &passive);
  // "France is determined to mend ties": a governing participle with no
  // agent is a state of its subject, whose intent it states.
  if (vc.governs_only && passive && subjects.empty()) {
    if (int patient = s_.child(vc.verb, Relation::kNsubjPass)) {
      subjects = participants(patient, true);
      passive = false;
    }
  }
  c.passive = passive;
  if (passive) {
    // The voice already says who acts: pattern markers do not swap roles.
    c.sources = subjects;
    c.targets = target_of(vc, passive);
  } else if (vc.source_token) {
    c.sources = bound_actor(vc.source_token);
    c.targets = vc.target_token ? bound_actor(vc.target_token) : subjects;
  } else {
    c.sources = subjects;
    if (vc.target_token) {
      c.targets = bound_actor(vc.target_token);
    } else if (vc.target_is_subject) {
      c.targets = subjects;
      c.sources = target_of(vc, passive);
    } else {
      c.targets = target_of(vc, passive);
    }
  }
  // Speaker of a reported event: the subject of a saying verb above it.
  for (int h = tok(vc.verb).head, steps = 0; h > 0 && steps < n_; h = tok(h).head, ++steps) {
    int k = coding_of[static_cast<std::size_t>(h)];
    if (k >= 0 && is_reported_speech(codings[static_cast<std::size_t>(k)].code)) {
      bool p = false;
      auto sp = subject_of(h, &p);
      if (!sp.empty()) {
        c.speaker = sp.front().code;
        c.speaker_text = sp.front().text;
      }
      break;
    }
  }
  return c;
}

// Events between sources and targets with `code` (and the reverse with
// `code2`); a compound subject with no target acts on each other.
void SentenceCoder::emit(const Clause& c, std::vector<Participant> sources,
                         std::vector<Participant> targets, const std::string& code,
                         const std::string& code2, const std::string& pattern,
                         std::vector<Event>& events) const {
  auto one = [&](const Participant& src, const Participant& tgt, const std::string& k,
                 const std::string* why = nullptr) {
    if (k.empty() || k == "---") return;
    Event e;
    e.source = src.code;
    e.target = tgt.code;
    e.source_text = src.text;
    e.target_text = tgt.text;
    e.code = k;
    e.pattern = why ? *why : pattern;
    e.negated = c.vc->negated;
    e.verb_text = c.vc->verb_text;
    e.verb_token = c.vc->verb;
    e.speaker = c.speaker;
    e.speaker_text = c.speaker_text;
    events.push_back(std::move(e));
  };
  // A compound subject with no target acts on each other ("A and B met");
  // with dyad's dictionaries not actors bound by a pattern's '$' ("enjoyed
  // support from Moscow and Beijing").
  const bool bound = !dict_.petrarch_conventions && c.vc->source_token != 0;
  // An actor does not act on itself or on a part of itself ("Azerbaijan"
  // and "Azerbaijan's foreign minister" in one compound subject).
  auto part_of = [](const std::string& x, const std::string& y) {
    return x.starts_with(y) || y.starts_with(x);
  };
  if (targets.empty() && sources.size() > 1 && !c.passive && !bound) {
    for (const auto& a : sources) {
      for (const auto& b : sources) {
        if (&a != &b && (dict_.petrarch_conventions || !part_of(a.code, b.code))) one(a, b, code);
      }
    }
    return;
  }
  if (sources.empty() || targets.empty()) {
    if (options_.require_dyad) return;
    if (sources.empty()) sources.push_back({"---", ""});
    if (targets.empty()) targets.push_back({"---", ""});
  }
  // "Putin met Tokayev in Astana" is no meeting at a third location: with
  // dyad's dictionaries a 044 in one side's own country is a visit (042)
  // by the other, hosted (043) by that side; so is a meeting of no more
  // specific kind (040), which the codebook codes only when "the place of
  // the meeting is not explicit".
  const std::string place = !dict_.petrarch_conventions && (code == "044" || code == "040")
                                ? meeting_country(c.vc->verb)
                                : "";
  for (const auto& a : sources) {
    for (const auto& b : targets) {
      if (a.code == b.code) continue;
      if (!place.empty() && (a.code.starts_with(place) != b.code.starts_with(place))) {
        const bool a_hosts = a.code.starts_with(place);
        const std::string why = pattern + " (in " + place + ", the host's own country: 042/043)";
        one(a, b, a_hosts ? "043" : "042", &why);
        one(b, a, a_hosts ? "042" : "043", &why);
        continue;
      }
      one(a, b, code);
      if (!code2.empty()) one(b, a, code2);
    }
  }
}

bool SentenceCoder::names_only_a_place(int node) const {
  std::vector<std::pair<int, int>> places;
  for (int g : s_.children(node)) {
    if (tok(g).relation == Relation::kNmod && locative(g)) places.push_back(s_.subtree_span(g));
  }
  if (places.empty()) return false;
  const auto [first, last] = s_.subtree_span(node);
  bool any = false;
  for (const Mention& m : mentions_) {
    if (m.agent || m.first < first || m.last > last) continue;
    const bool inside = std::any_of(places.begin(), places.end(), [&](const auto& p) {
      return p.first <= m.first && m.last <= p.second;
    });
    if (!inside) return false;
    any = true;
  }
  return any;
}

bool SentenceCoder::unrealized_clause(int verb) const {
  const Relation r = tok(verb).relation;
  const int head = tok(verb).head;
  // "warned Armenia against joining the EU", "barred Russia from taking
  // part": a deed warned against or kept from did not happen.
  if (head > 0 && (r == Relation::kAdvcl || r == Relation::kAcl) &&
      (tok(verb).xpos == "VBG" || tok(verb).feature("VerbForm") == "Ger")) {
    const std::string prep = preposition_of(verb);
    if (prep == "AGAINST" || prep == "FROM") return true;
  }
  if ((r != Relation::kXcomp && r != Relation::kAdvcl) || head <= 0) return false;
  const int mark = s_.child(verb, Relation::kMark);
  if (mark == 0 || form(mark) != "TO") return false;
  // "failed to meet its obligations": the deed was not done (unless the
  // failing is denied: "did not fail to condemn").
  if (lemma(head) == "FAIL" || lemma(head) == "NEGLECT") return !negated(head);
  if (!negated(head)) return false;
  // "did not hesitate to condemn": the deed was done.
  const std::string_view h = lemma(head);
  return h != "HESITATE" && h != "FAIL" && h != "FORGET" && h != "NEGLECT" && h != "CEASE" &&
         h != "STOP";
}

std::string SentenceCoder::meeting_country(int verb) const {
  // "in X" on the verb, or (as parsers often attach it) on its object or
  // subject.
  std::vector<int> places;
  for (int c : s_.children(verb)) {
    const Relation r = tok(c).relation;
    if (r == Relation::kObl) places.push_back(c);
    if (r == Relation::kObj || r == Relation::kNsubj || r == Relation::kObl) {
      for (int g : s_.children(c)) {
        if (tok(g).relation == Relation::kNmod) places.push_back(g);
      }
    }
  }
  for (int c : places) {
    const int prep = s_.child(c, Relation::kCase);
    if (prep == 0 || (form(prep) != "IN" && form(prep) != "AT")) continue;
    const NounPhrase np = noun_phrase(c, false);
    if (!np.actors.empty() && np.actors.front().first.size() >= 3 &&
        is_country_code(std::string_view(np.actors.front().first).substr(0, 3))) {
      return np.actors.front().first.substr(0, 3);
    }
  }
  return {};
}

// Ontology value of a code; "---" and "" count as 0 (no meaning).
std::optional<int> SentenceCoder::value_of(const std::string& code) const {
  if (code.empty() || code == "---") return 0;
  return dict_.ontology.value(code);
}

// The code of "P [Q]": an upper verb P governing the clause of verb Q
// ("wants to help" 030 + 070 -> 033), or "" when the ontology has none.
std::string SentenceCoder::combine(const std::string& upper, const std::string& lower) const {
  auto p = value_of(upper);
  auto q = value_of(lower);
  if (!p || !q || *q == 0) return {};
  int v;
  if (*q <= 0) {
    v = *p + *q;
  } else if (*p > 0x1000 && *q > 0x1000) {
    v = *q;
  } else if (*q >= *p) {
    v = *q;
  } else if (*p == 0x1000) {
    v = *q;
  } else if (*q == 0x1000) {
    v = *p;
  } else {
    v = *p + *q;
  }
  auto code = dict_.ontology.code(v);
  return code ? *code : std::string{};
}

bool same_actors(const std::vector<Participant>& a, const std::vector<Participant>& b) {
  for (const auto& x : a) {
    for (const auto& y : b) {
      if (x.code == y.code) return true;
    }
  }
  return false;
}

// A dictionary transformation applied to an upper and a lower clause
// ("~ a (b . ATTACK) SAY = a b 112": a says b attacked -> a accuses b).
bool SentenceCoder::transform(const Clause& upper, const Clause& lower,
                              std::vector<Event>& events) const {
  if (upper.sources.empty()) return false;
  if (combine_by_rule(upper, lower, events)) return true;
  auto up = value_of(upper.code.empty() ? upper.vc->code : upper.code);
  auto low = value_of(lower.code);
  if (!up || !low) return false;
  for (const Transformation& t : transformations_) {
    if (t.upper_value != *up) continue;
    if (t.lower_value && (*t.lower_value != *low || lower.code.empty())) continue;
    if (!t.lower_value && lower.code.empty()) continue;
    std::vector<Participant> b;
    switch (t.lower_source) {
      case 'a':
        if (!same_actors(lower.sources, upper.sources)) continue;
        break;
      case 'b':
        if (lower.sources.empty()) continue;
        b = lower.sources;
        break;
      case '_':  // no subject of its own: absent, or understood from the upper verb
        if (!lower.sources.empty() && !same_actors(lower.sources, upper.sources)) continue;
        break;
      default:
        break;
    }
    switch (t.lower_target) {
      case 'b':
        if (lower.targets.empty()) continue;
        b = lower.targets;
        break;
      case '_':
        if (!lower.targets.empty()) continue;
        break;
      default:
        break;
    }
    if (b.empty()) continue;
    std::string code = t.code == "Q" ? lower.code : t.code;
    emit(upper, upper.sources, b, code, "", "transformation " + t.text, events);
    return true;
  }
  return false;
}

// dyad's own combination rules, by CAMEO code prefixes ("01 > 19
// other-source = 1123": X says Y attacked Z -> X accuses Y of aggression).
bool SentenceCoder::combine_by_rule(const Clause& upper, const Clause& lower,
                                    std::vector<Event>& events) const {
  std::string upper_code = upper.code.empty() ? upper.vc->code : upper.code;
  if (upper_code.empty() || lower.code.empty() || lower.sources.empty()) return false;
  const bool same = same_actors(lower.sources, upper.sources);
  // Saying that one will act is stating an intent ("said it would attack"
  // threatens, "said it will send aid" promises), not reporting a deed.
  if (is_reported_speech(upper_code) && same && future(lower.vc->verb)) upper_code = "03";
  for (const CombinationRule& r : dict_.combinations) {
    if (!upper_code.starts_with(r.upper) || !lower.code.starts_with(r.lower)) continue;
    if ((r.source == 'a' && !same) || (r.source == 'b' && same)) continue;
    const std::vector<Participant>& b = same ? lower.targets : lower.sources;
    // "A and B seek to deepen ties": with each other (emit() pairs them)
    const bool mutual = same && upper.sources.size() > 1;
    if (b.empty() && !mutual) continue;
    std::string code = r.result == "lower" ? lower.code : r.result;
    emit(upper, upper.sources, b, code, "", "combination " + r.text + " @" + r.origin, events);
    return true;
  }
  return false;
}

std::vector<Event> SentenceCoder::run() {
  std::vector<VerbCoding> codings;
  std::vector<int> coding_of(static_cast<std::size_t>(n_) + 1, -1);
  for (int v = 1; v <= n_; ++v) {
    VerbCoding vc;
    const bool found = find_verb(v, vc);
    // A verb that codes nothing itself may still govern a clause ("want").
    const bool codes_nothing = !found || vc.code.empty() || vc.code == "---";
    if ((codes_nothing && govern(v, vc)) || found) {
      coding_of[static_cast<std::size_t>(v)] = static_cast<int>(codings.size());
      codings.push_back(std::move(vc));
    }
  }
  std::vector<Clause> clauses;
  clauses.reserve(codings.size());
  for (const VerbCoding& vc : codings) clauses.push_back(clause_for(vc, codings, coding_of));
  auto depth = [&](int v) {
    int d = 0;
    for (int h = tok(v).head; h > 0 && d < n_; h = tok(h).head) ++d;
    return d;
  };
  std::vector<std::size_t> order(codings.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return depth(codings[a].verb) < depth(codings[b].verb);
  });
  // The coded verbs of a verb's complement clauses, nearest first.
  auto lower_clauses = [&](std::size_t i) {
    std::vector<std::size_t> out;
    int v = codings[i].verb;
    std::vector<int> complements;
    for (int c : s_.children(v)) {
      if (is_complement(c)) complements.push_back(c);
      // "urged Eriador to respond", parsed with the infinitive on the object
      // (an actor: "discussed efforts to counter X" is no such case)
      if (tok(c).relation == Relation::kObj && mention_at_[static_cast<std::size_t>(c)] >= 0) {
        for (int a : s_.children(c, Relation::kAcl)) {
          if (tok(a).is_verb() && preposition_of(a) == "TO") complements.push_back(a);
        }
      }
    }
    for (int c : complements) {
      for (int d : s_.subtree(c)) {
        int k = coding_of[static_cast<std::size_t>(d)];
        if (k < 0) continue;
        int h = tok(d).head;  // the nearest coded verb above d must be v
        while (h > 0 && h != v && coding_of[static_cast<std::size_t>(h)] < 0) h = tok(h).head;
        if (h == v) out.push_back(static_cast<std::size_t>(k));
      }
    }
    return out;
  };
  // Nested clauses. A dictionary transformation rewrites the pair; a saying
  // verb lets the reported event keep its own source (the speaker is
  // recorded); any other verb combines with the clause it governs through
  // the ontology ("asked Obama to help Iran" -> ask for aid, Congress to
  // Obama), the lower clause's actor becoming the target.
  std::vector<Event> events;
  std::vector<bool> consumed(codings.size(), false);
  std::vector<bool> replaced(codings.size(), false);
  std::vector<bool> reports(codings.size(), false);
  for (std::size_t i : order) {
    if (consumed[i]) continue;
    const Clause& u = clauses[i];
    for (std::size_t k : lower_clauses(i)) {
      if (consumed[k]) continue;
      const Clause& l = clauses[k];
      if (l.code.empty()) continue;
      if (transform(u, l, events)) {
        consumed[k] = replaced[i] = true;
        // "claimed that ISIL had attacked Iraq and taken Mosul": a conjunct
        // sharing the clause's subject is part of the same claim.
        for (int c : s_.children(l.vc->verb, Relation::kConj)) {
          const int kc = coding_of[static_cast<std::size_t>(c)];
          if (kc >= 0 && s_.child(c, Relation::kNsubj) == 0 &&
              s_.child(c, Relation::kNsubjPass) == 0) {
            consumed[static_cast<std::size_t>(kc)] = true;
          }
        }
        continue;
      }
      if (is_reported_speech(u.code)) {
        reports[i] = true;
        continue;
      }
      if (u.code.empty() || u.sources.empty() || u.passive) continue;
      std::string c = combine(u.code, l.code);
      if (c.empty()) continue;
      std::string pattern = u.vc->pattern + " + " + l.vc->pattern;
      if (!l.sources.empty() && !same_actors(l.sources, u.sources)) {
        emit(u, u.sources, l.sources, c, "", pattern, events);
      } else if (!l.targets.empty() && (u.targets.empty() || same_actors(u.targets, l.targets))) {
        // "wants to help Israel"; but "met X to discuss Y" keeps its X
        emit(u, u.sources, l.targets, c, "", pattern, events);
      } else if (u.sources.size() > 1 && u.targets.empty() && same_actors(l.sources, u.sources)) {
        // "A and B seek to deepen ties": with each other
        emit(u, u.sources, {}, c, "", pattern, events);
      } else {
        continue;
      }
      consumed[k] = replaced[i] = true;
    }
  }
  // A verb that codes an event of its own takes the complement clauses it
  // governs with it ("vowed to wage war"), unless it is a saying verb.
  std::vector<bool> blocked(codings.size(), false);
  for (std::size_t i : order) {
    if (consumed[i] || replaced[i] || blocked[i] || reports[i]) continue;
    const Clause& c = clauses[i];
    if (c.vc->governs_only && c.vc->negated) {
      for (std::size_t k : lower_clauses(i)) blocked[k] = true;
    }
    if (is_reported_speech(c.code) || c.vc->governs_only) continue;
    std::vector<Event> own;
    emit(c, c.sources, c.targets, c.code, c.code2, c.vc->pattern, own);
    if (own.empty()) continue;
    for (std::size_t k : lower_clauses(i)) blocked[k] = true;
  }
  for (std::size_t i : order) {
    if (consumed[i] || replaced[i] || blocked[i]) continue;
    const Clause& c = clauses[i];
    if (c.code.empty() && c.code2.empty()) continue;
    if (c.vc->governs_only) continue;
    if (!dict_.petrarch_conventions && unrealized_clause(c.vc->verb)) continue;
    if (reports[i]) {
      // A saying verb gives way to the events it reports, also those of a
      // governing verb ("said it wants to attack").
      std::function<bool(std::size_t, int)> codes_event = [&](std::size_t k, int hops) {
        const Clause& l = clauses[k];
        if (l.vc->governs_only) {
          if (replaced[k]) return true;
          for (std::size_t m : lower_clauses(k)) {
            if (hops < 4 && codes_event(m, hops + 1)) return true;
          }
          return false;
        }
        std::vector<Event> probe;
        emit(l, l.sources, l.targets, l.code, l.code2, l.vc->pattern, probe);
        return !probe.empty();
      };
      bool reported = false;
      for (std::size_t k : lower_clauses(i)) reported = reported || codes_event(k, 0);
      if (reported) continue;
    }
    emit(c, c.sources, c.targets, c.code, c.code2, c.vc->pattern, events);
  }
  // Drop self-directed and repeated events.
  std::vector<Event> out;
  for (auto& e : events) {
    if (e.source == e.target) continue;
    bool dup = std::any_of(out.begin(), out.end(), [&](const Event& o) {
      return o.source == e.source && o.target == e.target && o.code == e.code;
    });
    if (!dup) out.push_back(std::move(e));
  }
  // Remember the last actor named, for pronouns in later sentences.
  for (int m = static_cast<int>(mentions_.size()) - 1; m >= 0; --m) {
    const Mention& mm = mentions_[static_cast<std::size_t>(m)];
    if (mm.agent) continue;
    std::string code =
        dict_.actors.entries()[static_cast<std::size_t>(mm.entry)].code_on(story_.date_value);
    if (code.empty()) continue;
    story_.last_actor_code = code;
    story_.last_actor_text = s_.span_text(mm.first, mm.last);
    break;
  }
  for (int m = static_cast<int>(mentions_.size()) - 1; m >= 0; --m) {
    const Mention& mm = mentions_[static_cast<std::size_t>(m)];
    if (mm.agent) continue;
    std::string code =
        dict_.actors.entries()[static_cast<std::size_t>(mm.entry)].code_on(story_.date_value);
    if (!code.starts_with("IGO")) continue;
    story_.last_organisation_code = code;
    story_.last_organisation_text = s_.span_text(mm.first, mm.last);
    break;
  }
  // "He" in the next sentence most likely means the person who was the
  // subject here; else the last person named.
  std::string person_code, person_text;
  // Salience: subject (2) over object (1) over the rest (0); the last
  // person named wins among equals.
  int best_rank = -1;
  for (int m = static_cast<int>(mentions_.size()) - 1; m >= 0; --m) {
    const Mention& mm = mentions_[static_cast<std::size_t>(m)];
    if (mm.agent) continue;
    const ActorEntry& entry = dict_.actors.entries()[static_cast<std::size_t>(mm.entry)];
    if (!entry.person) continue;
    std::string code = entry.code_on(story_.date_value);
    if (code.empty()) continue;
    int rank = 0;
    for (int t = mm.first; t <= mm.last; ++t) {
      int h = tok(t).head;
      if (h >= mm.first && h <= mm.last) continue;  // inside the name
      Relation r = tok(t).relation;
      // A name in apposition, a conjunct or a title's name ("President
      // X") takes the role of the phrase it belongs to.
      for (int hop = 0; hop < 2 && h > 0 &&
                        (r == Relation::kAppos || r == Relation::kFlat ||
                         r == Relation::kCompound || r == Relation::kConj);
           ++hop) {
        r = tok(h).relation;
        h = tok(h).head;
      }
      if (r == Relation::kNsubj || r == Relation::kNsubjPass) {
        rank = 2;
      } else if (r == Relation::kObj || r == Relation::kIobj) {
        rank = std::max(rank, 1);
      }
    }
    if (rank > best_rank) {
      best_rank = rank;
      person_code = code;
      person_text = s_.span_text(mm.first, mm.last);
    }
  }
  if (!person_code.empty()) {
    story_.last_person_code = person_code;
    story_.last_person_text = person_text;
  }
  return out;
}

}  // namespace

std::vector<KnownWord> Coder::known_words(const Sentence& sentence) const {
  const int n = static_cast<int>(sentence.size());
  std::vector<KnownWord> out(static_cast<std::size_t>(n), KnownWord::kUnknown);
  std::vector<std::string> upper(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    upper[static_cast<std::size_t>(i)] =
        to_upper_ascii(sentence.tokens[static_cast<std::size_t>(i)].form);
  }
  auto closed_class = [](std::string_view w) {
    return w == "THE" || w == "OF" || w == "AND" || w == "FOR" || w == "ON" || w == "IN" ||
           w == "AT" || w == "TO" || w == "A" || w == "AN" || w == "'S" || w == "-";
  };
  // Written with a capital, and not a small word of a name ("of", "the").
  auto capital_word = [&](int j) {
    const std::string& form = sentence.tokens[static_cast<std::size_t>(j)].form;
    return !form.empty() && form[0] >= 'A' && form[0] <= 'Z' &&
           !closed_class(upper[static_cast<std::size_t>(j)]);
  };
  std::vector<std::string_view> words;
  std::vector<bool> adjective(static_cast<std::size_t>(n), false);
  std::vector<bool> agent_start(static_cast<std::size_t>(n), false);
  for (int i = 0; i < n;) {
    words.clear();
    for (int j = i; j < n && j < i + kMaxPhraseWords; ++j) {
      words.push_back(upper[static_cast<std::size_t>(j)]);
    }
    const Phrase* actor = dict_.actors.phrases().longest_match(words, words);
    const Phrase* agent = dict_.agents.phrases().longest_match(words, words);
    if (agent && (!actor || agent->words.size() > actor->words.size())) {
      agent_start[static_cast<std::size_t>(i)] = true;
      const int last = i + static_cast<int>(agent->words.size()) - 1;
      if (!closed_class(upper[static_cast<std::size_t>(last)])) {
        out[static_cast<std::size_t>(last)] = KnownWord::kNoun;
      }
      i = last + 1;
      continue;
    }
    if (!actor) {
      ++i;
      continue;
    }
    const int end = i + static_cast<int>(actor->words.size());
    // ... and a small word inside a name that is no English function word
    // ("Ursula von der Leyen", "Osama bin Laden").
    for (int j = i; j < end; ++j) {
      const std::string& w = upper[static_cast<std::size_t>(j)];
      const bool inner =
          j > i && j + 1 < end && !closed_class(w) &&
          std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (capital_word(j) || inner) out[static_cast<std::size_t>(j)] = KnownWord::kName;
    }
    adjective[static_cast<std::size_t>(i)] =
        end == i + 1 && dict_.actors.entries()[static_cast<std::size_t>(actor->entry)].adjective;
    i = end;
  }
  // A country's adjective before a title, a name or a role phrase modifies
  // it ("Tajik President Emomali Rahmon", "Kyrgyz border guards"), as does
  // one coordinated with such an adjective ("Kyrgyz and Tajik border
  // guards"); elsewhere it may be a name ("the Kyrgyz said").
  for (int i = n - 2; i >= 0; --i) {
    if (!adjective[static_cast<std::size_t>(i)]) continue;
    const auto next = static_cast<std::size_t>(i + 1);
    const bool coordinated = i + 2 < n && (upper[next] == "AND" || upper[next] == "OR") &&
                             out[next + 1] == KnownWord::kAdjective;
    if (coordinated || agent_start[next] || out[next] == KnownWord::kNoun || capital_word(i + 1)) {
      out[static_cast<std::size_t>(i)] = KnownWord::kAdjective;
    }
  }
  // A title written with a capital right before a name ("President Michel
  // Suleiman", "Prime Minister Romendacil") is part of the name, as GUM
  // tags it (PROPN, nmod:desc), not a role noun.
  for (int i = 0; i + 1 < n; ++i) {
    if (out[static_cast<std::size_t>(i)] == KnownWord::kNoun && capital_word(i) &&
        capital_word(i + 1)) {
      out[static_cast<std::size_t>(i)] = KnownWord::kName;
    }
  }
  // Any other role noun written with a capital inside the sentence
  // ("pressure from Congress") may be a name: the tagger decides.
  for (int i = 1; i < n; ++i) {
    if (out[static_cast<std::size_t>(i)] == KnownWord::kNoun && capital_word(i)) {
      out[static_cast<std::size_t>(i)] = KnownWord::kUnknown;
    }
  }
  return out;
}

int parse_story_date(const std::string& date) {
  std::string digits;
  for (char c : date) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  if (digits.size() != 8) return 0;
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// "~ a (a b ATTACK) SAY = a b 015": the lower clause's source and target
// constraints, its verb, the upper verb, and the result. Verbs are named
// by a dictionary verb and compared by the ontology value of its code.
std::optional<Transformation> parse_transformation(const std::string& text,
                                                   const Dictionaries& dict) {
  std::string spaced;
  for (char c : text) spaced += (c == '(' || c == ')' || c == '~') ? ' ' : c;
  std::istringstream in(spaced);
  std::vector<std::string> t;
  for (std::string w; in >> w;) t.push_back(w);
  if (t.size() != 9 || t[5] != "=" || t[0] != "a" || t[6] != "a" || t[7] != "b") return {};
  auto verb_value = [&](const std::string& name) -> std::optional<int> {
    auto found = dict.verbs.find(to_upper_ascii(name));
    if (found.empty()) return {};
    const VerbEntry& v = dict.verbs.verbs()[static_cast<std::size_t>(found.front())];
    std::string code =
        v.code.empty() ? dict.verbs.blocks()[static_cast<std::size_t>(v.block)].code : v.code;
    if (code.empty() || code == "---") return 0;
    return dict.ontology.value(code);
  };
  Transformation r;
  r.text = text;
  r.lower_source = t[1].size() == 1 ? t[1][0] : '?';
  r.lower_target = t[2].size() == 1 ? t[2][0] : '?';
  if (t[3] != "Q") {
    r.lower_value = verb_value(t[3]);
    if (!r.lower_value) return {};
  }
  auto upper = verb_value(t[4]);
  if (!upper) return {};
  r.upper_value = *upper;
  r.code = t[8];
  return r;
}

Coder::Coder(const Dictionaries& dictionaries, CoderOptions options)
    : dict_(dictionaries), options_(options) {
  for (const std::string& text : dict_.verbs.transformations()) {
    if (auto t = parse_transformation(text, dict_)) transformations_.push_back(std::move(*t));
  }
}

SentenceCoding Coder::code(const Sentence& sentence, int sentence_id, StoryContext& story) const {
  SentenceCoding result;
  if (story.date_value == 0) story.date_value = parse_story_date(story.date);
  std::string text = sentence.text();
  if (const DiscardEntry* d = dict_.discards.find(text)) {
    result.discard = d;
    return result;
  }
  SentenceCoder coder(dict_, options_, transformations_, sentence, story);
  result.events = coder.run();
  std::vector<IssueCount> issues;
  if (!result.events.empty()) issues = dict_.issues.find(text);
  date_events(sentence, story, result.events);
  for (Event& e : result.events) {
    e.doc_id = story.doc_id;
    e.sentence_id = sentence_id;
    for (const auto& i : issues) e.issues.emplace_back(i.code, i.count);
  }
  return result;
}

void Coder::date_events(const Sentence& sentence, StoryContext& story,
                        std::vector<Event>& events) const {
  if (std::any_of(sentence.comments.begin(), sentence.comments.end(),
                  [](const std::string& c) { return c.rfind("# newpar", 0) == 0; })) {
    story.paragraph_date = 0;
  }
  const std::vector<TextDate> dates = find_dates(sentence, story.date_value);
  // A date counts when it is not after the story (plans and intentions are
  // dated by the statement) and the clause it dates speaks of the past.
  auto usable = [&](const TextDate& d, int clause) {
    return (story.date_value == 0 || d.value <= story.date_value) && clause > 0 &&
           past_tense(sentence, clause);
  };
  // Does `d` date clause `a`: written on its verb ("attacked on Monday"), or
  // inside a temporal phrase on it ("during the November 2023 talks")?
  auto dates_clause = [&](const TextDate& d, int a) {
    if (d.anchor == a) return true;
    if (d.anchor <= 0 || sentence.token(d.anchor).head != a) return false;
    const Token& phrase = sentence.token(d.anchor);
    if (phrase.relation != Relation::kObl) return false;
    for (int c : sentence.children(d.anchor)) {
      const Token& k = sentence.token(c);
      if (k.relation != Relation::kCase) continue;
      const std::string w = to_upper_ascii(k.form);
      if (w == "DURING" || w == "AT" || w == "IN" || w == "ON") return true;
    }
    return false;
  };
  for (Event& e : events) {
    e.date = story.date;
    e.story_date = story.date;
    e.date_source = "story";
    e.date_precision = "day";
    // The nearest date on the verb or on a clause above it ("said on Monday").
    const TextDate* found = nullptr;
    int clause = 0;
    for (int a = e.verb_token, steps = 0; a > 0 && found == nullptr && steps < 64; ++steps) {
      for (const TextDate& d : dates) {
        if (dates_clause(d, a)) {
          found = &d;
          clause = a;
          break;
        }
      }
      a = sentence.token(a).head;
    }
    if (found != nullptr && usable(*found, clause)) {
      e.date = date_text(found->value);
      e.date_source = "text";
      e.date_precision = precision_name(found->precision);
    } else if (found == nullptr && story.paragraph_date > 0 && e.verb_token > 0 &&
               past_tense(sentence, e.verb_token)) {
      e.date = date_text(story.paragraph_date);
      e.date_source = "paragraph";
      e.date_precision = story.paragraph_precision;
    }
  }
  // A main clause's date dates what the rest of the paragraph tells in the
  // past. Main: the root, or a clause beside it ("'...', Putin said on ...").
  auto main_clause = [&](int t) {
    const Token& k = sentence.token(t);
    if (k.head == 0) return true;
    return sentence.token(k.head).head == 0 &&
           (k.relation == Relation::kParataxis || k.relation == Relation::kCcomp ||
            k.relation == Relation::kConj || k.relation == Relation::kDep);
  };
  for (const TextDate& d : dates) {
    if (d.anchor > 0 && main_clause(d.anchor) && usable(d, d.anchor)) {
      story.paragraph_date = d.value;
      story.paragraph_precision = precision_name(d.precision);
    }
  }
}

namespace {

bool is_quote_mark(std::string_view f) {
  return f == "\"" || f == "\u201C" || f == "\u201D" || f == "\u00AB" || f == "\u00BB" ||
         f == "\u201E" || f == "``" || f == "''";
}
bool opens(std::string_view f) {
  return f == "\u201C" || f == "\u00AB" || f == "\u201E" || f == "``";
}
bool closes(std::string_view f) { return f == "\u201D" || f == "\u00BB" || f == "''"; }

// Forms of the verbs that attribute a quotation.

// Byte range of a token from its TokenRange=b:e, if any.
bool token_range(const Token& t, std::size_t* b, std::size_t* e) {
  std::size_t at = t.misc.find("TokenRange=");
  if (at == std::string::npos) return false;
  std::size_t colon = t.misc.find(':', at);
  if (colon == std::string::npos) return false;
  *b = std::strtoul(t.misc.c_str() + at + 11, nullptr, 10);
  *e = std::strtoul(t.misc.c_str() + colon + 1, nullptr, 10);
  return true;
}

// The attribution of quoted tokens [first, last] of a sentence: a saying
// verb outside the quotation and its subject, or "according to X".
struct Attribution {
  int speaker = 0;  // head token of the speaker's phrase
  std::string verb;
};

Attribution attribute(const Sentence& s, const std::vector<bool>& quoted) {
  Attribution a;
  const int n = static_cast<int>(s.size());
  for (int i = 1; i <= n; ++i) {
    if (quoted[static_cast<std::size_t>(i)]) continue;
    const Token& t = s.token(i);
    if (to_lower_ascii(t.form) == "according") {
      int h = t.head;
      if (h > 0 && !quoted[static_cast<std::size_t>(h)]) {
        a.speaker = h;
        a.verb = "according to";
        return a;
      }
    }
    if (!is_saying_form(t.form) || !t.is_verb()) continue;
    a.verb = t.form;
    for (int c : s.children(i)) {
      if (quoted[static_cast<std::size_t>(c)]) continue;
      if (s.token(c).relation == Relation::kNsubj) {
        a.speaker = c;
        return a;
      }
    }
    // "..., Vladimir Putin said" parsed without a subject: the name right
    // before the verb.
    if (i > 1 && !quoted[static_cast<std::size_t>(i - 1)]) {
      const std::string& upos = s.token(i - 1).upos;
      if (upos == "PROPN" || upos == "NOUN" || upos == "PRON") {
        a.speaker = i - 1;
        return a;
      }
    }
  }
  return a;
}

}  // namespace

std::vector<Event> Coder::code(const Document& document, std::vector<Quotation>* quotations) const {
  StoryContext story;
  story.doc_id = document.id;
  story.date = document.date;
  story.date_value = parse_story_date(document.date);
  std::vector<Event> out;
  int id = 0;
  bool open = false;  // a quotation runs on into the next sentence
  Quotation current;
  std::string last_speaker, last_speaker_text;  // for a quotation that continues a quoted passage
  for (const Sentence& s : document.sentences) {
    SentenceCoding c = code(s, ++id, story);
    if (c.discard && c.discard->story) return {};
    for (auto& e : c.events) out.push_back(std::move(e));
    if (!quotations) continue;
    // Direct quotations: tokens between quotation marks.
    const int n = static_cast<int>(s.size());
    std::vector<bool> quoted(static_cast<std::size_t>(n) + 1, false);
    struct Span {
      int first, last;
      bool continued, runs_on;
    };
    std::vector<Span> spans;
    int start = open ? 1 : 0;
    bool continued = open;
    for (int i = 1; i <= n; ++i) {
      const std::string& f = s.token(i).form;
      if (!is_quote_mark(f)) continue;
      bool straight = !opens(f) && !closes(f);
      if (start == 0 && (opens(f) || straight)) {
        start = i + 1;
        continued = false;
      } else if (start > 0 && (closes(f) || straight)) {
        if (i > start) spans.push_back({start, i - 1, continued, false});
        start = 0;
      }
    }
    open = start > 0 && start <= n;
    if (open) spans.push_back({start, n, continued, true});
    for (const Span& sp : spans) {
      for (int i = sp.first; i <= sp.last; ++i) quoted[static_cast<std::size_t>(i)] = true;
    }
    Attribution attr = attribute(s, quoted);
    std::string speaker, speaker_text;
    if (attr.speaker > 0) {
      SentenceCoder sc(dict_, options_, transformations_, s, story);
      auto actors = sc.actors_of(attr.speaker);
      speaker_text = s.span_text(attr.speaker, attr.speaker);
      if (!actors.empty()) {
        speaker = actors.front().code;
        speaker_text = actors.front().text;
      }
    }
    for (const Span& sp : spans) {
      std::string words = s.span_text(sp.first, sp.last);
      std::size_t b = 0, e = 0, b2 = 0, e2 = 0;
      bool ranged =
          token_range(s.token(sp.first), &b, &e) && token_range(s.token(sp.last), &b2, &e2);
      if (sp.continued && !current.text.empty()) {
        current.text += " " + words;
        current.last_sentence_id = id;
        if (ranged) current.end = e2;
      } else {
        current = Quotation{};
        current.text = words;
        current.sentence_id = current.last_sentence_id = id;
        if (ranged) {
          current.begin = b;
          current.end = e2;
        }
      }
      if (attr.speaker > 0) {  // attributed here (where it opens or where it closes)
        current.speaker = speaker;
        current.speaker_text = speaker_text;
        current.verb = attr.verb;
      }
      if (sp.runs_on) continue;  // finished in a later sentence
      if (!current.verb.empty()) {
        last_speaker = current.speaker;
        last_speaker_text = current.speaker_text;
      } else if (!sp.continued && sp.first == 2 && attr.verb.empty() &&
                 !last_speaker_text.empty() && !quotations->empty() &&
                 quotations->back().last_sentence_id == id - 1) {
        // A new quoted passage right after an attributed one: the same speaker.
        current.speaker = last_speaker;
        current.speaker_text = last_speaker_text;
        current.verb = "(continued)";
      }
      if (current.text.find(' ') != std::string::npos) quotations->push_back(current);
      current = Quotation{};
    }
  }
  return out;
}

}  // namespace dyad
