// Readers for the TABARI/PETRARCH dictionary formats (actors, agents, verbs
// with their patterns, discards, the internal coding ontology) and the
// in-memory structures the coder matches against. Every reader reports bad
// lines as file:line: expected ..., skips them and goes on.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "conllu/conllu.h"    // InputError
#include "text/ascii_case.h"  // to_upper_ascii: dictionary matching is case-insensitive

namespace dyad {

// Regular English plural of an upper-case noun (S, IES after a consonant
// and Y, ES after S, SH, CH, X).
std::string regular_plural(const std::string& word);

// Regular forms of an upper-case verb: 3rd person, past, -ing.
std::vector<std::string> regular_verb_forms(const std::string& base);

// ---------------------------------------------------------------- actors

// A code valid between two dates (inclusive, YYYYMMDD as integers).
struct DatedCode {
  std::string code;
  int first = 0;
  int last = 99991231;
};

// One actor: its codes (dated and default) and where it was defined.
struct ActorEntry {
  std::vector<DatedCode> dated;  // in file order
  std::string default_code;      // code with no date restriction, "" if none
  std::string origin;            // "file:line" of the primary phrase
  bool person = false;           // a person (dyad dictionaries say so; PETRARCH's do not)
  // A capital city, coded as its country's government ("Moscow" RUSGOV);
  // modifying another noun it names a place ("the Beijing Olympics").
  bool capital = false;
  // A country's adjective ("Kyrgyz", "Azerbaijani"): before a noun or a
  // title it modifies it, as an adjective.
  bool adjective = false;
  // The code in force on `date` (YYYYMMDD; 0 = unknown date -> default).
  // The first dated code covering the date wins, else the default code,
  // else "" (no code).
  std::string code_on(int date) const;
  // True when a date-restricted code covers `date`.
  bool dated_on(int date) const;
};

// A phrase (words in upper case) that names an entry of a dictionary.
struct Phrase {
  std::vector<std::string> words;
  int entry = 0;  // index into the dictionary's entries
  // Later entries that list the very same phrase (two office holders both
  // called "President Bush"): the coder picks the one in office on the date.
  std::vector<int> other_entries;
  // Matched by the words as written only, not by their lemmas: an agent
  // whose plurals are listed in braces ("POLICE {}" has none, so
  // "polices" is not police).
  bool forms_only = false;
};

// Hash for string-keyed maps that can be searched with a string_view.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Phrase lookup shared by the actor and agent dictionaries: a word trie,
// so a lookup costs one hash probe per word of the longest candidate.
class PhraseIndex {
 public:
  void add(Phrase phrase);
  // Longest phrase whose words equal words[0..n); returns nullptr if none.
  // `alt` optionally gives a second spelling per word (e.g. the lemma) that
  // may match instead of words[i]. Among phrases of equal length the first
  // added wins.
  const Phrase* longest_match(std::span<const std::string_view> words,
                              std::span<const std::string_view> alt = {}) const;
  std::size_t size() const { return phrases_.size(); }
  // Every phrase, in the order first added.
  const std::vector<Phrase>& all() const { return phrases_; }

 private:
  struct Node {
    std::unordered_map<std::string, int, StringHash, std::equal_to<>> next;
    int phrase = -1;  // index into phrases_ of the phrase ending here
  };
  void walk(int node, std::size_t depth, std::span<const std::string_view> words,
            std::span<const std::string_view> alt, bool used_alt, int* best,
            std::size_t* best_len) const;
  std::vector<Node> nodes_{Node{}};
  std::vector<Phrase> phrases_;
};

// Actor dictionary (PETRARCH format: PHRASE [CODE], +SYNONYM lines, dated
// code lines [CODE yymmdd-yymmdd], [CODE >date], [CODE <date]).
class ActorDictionary {
 public:
  void load(const std::string& path, std::vector<InputError>& errors);
  void load(std::istream& in, const std::string& name, std::vector<InputError>& errors);

  const std::vector<ActorEntry>& entries() const { return entries_; }
  const PhraseIndex& phrases() const { return phrases_; }

  // Adds an entry (for dictionaries compiled from other formats); returns
  // its index for add_phrase.
  int add_entry(ActorEntry entry);
  void add_phrase(std::vector<std::string> words, int entry);

 private:
  std::vector<ActorEntry> entries_;
  PhraseIndex phrases_;
};

// An agent (common noun for a role): "PRESIDENT [~GOV]" appends GOV after
// the actor's code; "MSF [NGO~]" puts NGO before it.
struct AgentEntry {
  std::string code;     // without '~'
  bool prefix = false;  // true for CODE~ (put before the actor code)
  std::string origin;   // "file:line"
};

// Agent dictionary, with generated plurals (S, IES after Y, ES after S, SH,
// CH, X), explicit plurals in braces, {} for none, and !MARKER! = a, b
// substitution lists.
class AgentDictionary {
 public:
  void load(const std::string& path, std::vector<InputError>& errors);
  void load(std::istream& in, const std::string& name, std::vector<InputError>& errors);

  const std::vector<AgentEntry>& entries() const { return entries_; }
  const PhraseIndex& phrases() const { return phrases_; }

  // Adds an entry with its phrases (upper-case words), plurals included.
  void add(AgentEntry entry, std::vector<std::vector<std::string>> phrases);

 private:
  std::vector<AgentEntry> entries_;
  PhraseIndex phrases_;
};

// ---------------------------------------------------------------- discards

// A discard phrase: a sentence (or, with a leading '+', a whole story) whose
// text contains it is not coded.
struct DiscardEntry {
  std::string phrase;       // upper case, words separated by single spaces
  bool story = false;       // '+' prefix: discard the whole story
  bool whole_word = false;  // final '_': must end at a word boundary
  std::string origin;
};

// Finds upper-case phrases in running text, in any case, starting at word
// starts (and, when asked, ending at word ends): the discard and issue
// lists both match this way. Phrases are indexed by their first two
// characters.
class TextPhraseMatcher {
 public:
  void clear();
  // Adds a phrase (upper case, words separated by single blanks); its index
  // is the number of phrases added before it.
  void add(std::string phrase, bool whole_word);
  // Calls found(index) for every occurrence, in text order.
  void for_each(std::string_view text, const std::function<void(std::size_t)>& found) const;
  std::size_t size() const { return phrases_.size(); }

 private:
  std::vector<std::pair<std::string, bool>> phrases_;  // phrase, whole word
  std::unordered_map<std::string, std::vector<std::size_t>, StringHash, std::equal_to<>> by_prefix_;
};

// The discard phrases of one or more files, in file order.
class DiscardList {
 public:
  void load(const std::string& path, std::vector<InputError>& errors);
  void load(std::istream& in, const std::string& name, std::vector<InputError>& errors);
  // The first entry found in `text` (any case; matched after a blank or at
  // the start, i.e. at a word start), or nullptr.
  const DiscardEntry* find(std::string_view text) const;
  const std::vector<DiscardEntry>& entries() const { return entries_; }

 private:
  std::vector<DiscardEntry> entries_;
  TextPhraseMatcher matcher_;
};

// ---------------------------------------------------------------- issues

// An issue phrase: "n:teacher [TEACHERS]" inside <ISSUE CATEGORY="EDUCATION">,
// or a "~financial literacy" line that cancels issue coding for a sentence.
struct IssueEntry {
  std::string phrase;    // one expanded form, upper case ("PRE-SCHOOLS")
  std::string code;      // "EARLY_CHILDHOOD_EDUCATION"; "" for a cancelling phrase
  std::string category;  // "EDUCATION"
  std::string origin;
};

// An issue found in a sentence and how often.
struct IssueCount {
  std::string code;
  std::string category;
  int count = 0;
};

// Issue dictionary (PETRARCH format: <ISSUE CATEGORY=".." TYPE=".."> blocks;
// "n:word" adds the plural, "v:word" the regular verb forms, "a+b" both
// "a b" and "a-b"; "~phrase" cancels issue coding for the sentence).
class IssueDictionary {
 public:
  void load(const std::string& path, std::vector<InputError>& errors);
  void load(std::istream& in, const std::string& name, std::vector<InputError>& errors);
  // Issues named in `text`, in order of first mention; empty when a
  // cancelling phrase occurs.
  std::vector<IssueCount> find(std::string_view text) const;
  const std::vector<IssueEntry>& entries() const { return entries_; }

 private:
  std::vector<IssueEntry> entries_;
  TextPhraseMatcher matcher_;
};

// ---------------------------------------------------------------- verbs

// One element of a verb pattern.
struct PatternElement {
  enum class Kind : std::uint8_t {
    kWord,         // a bare word or &SYNSET: the head of a phrase
    kNounPhrase,   // {A B C}: words of one noun phrase, the last is its head
    kPreposition,  // (PREP), (PREP NOUN) or (PREP {A B}): a prepositional phrase
    kSource,       // $  (TABARI token: the source actor's place)
    kTarget,       // +  (TABARI token: the target actor's place)
    kCompound,     // %  (TABARI token: a compound actor)
    kSkip,         // ^  (TABARI token: skip a word)
  };
  Kind kind = Kind::kWord;
  std::string preposition;         // kPreposition only, upper case
  std::vector<std::string> words;  // upper case; a synset is written "&NAME"
};

// A verb pattern line: "- PRE (PREP) * POST (PREP) [CODE] # comment".
struct VerbPattern;
// Parses a pattern line's body ("PRE (PREP) * POST (PREP {A B}) [CODE]");
// returns what was expected, or "" when it parsed.
std::string parse_verb_pattern(std::string_view body, VerbPattern& pattern);

struct VerbPattern {
  std::vector<PatternElement> before;  // left of '*', in order
  std::vector<PatternElement> after;   // right of '*', in order
  std::string code;                    // "050"; "---" codes nothing; "" for [:B]
  std::string code2;                   // second code of [A:B], "" if none
  std::string text;                    // the line as written (trimmed)
  std::string origin;                  // "file:line"
};

// A verb block: "--- NAME [CODE] ---", its verbs and patterns.
struct VerbBlock {
  std::string name;
  std::string code;   // block default code; "---" codes nothing; "" for [:B]
  std::string code2;  // second code of [A:B], "" if none
  std::vector<VerbPattern> patterns;
  std::string origin;
};

// A verb of a block. Multi-word verbs ("+CORDON_OFF", "WIRE_+TAP") list all
// words; `verb_index` is the word that is the verb itself.
struct VerbEntry {
  std::vector<std::string> words;  // upper case
  std::size_t verb_index = 0;
  std::vector<std::string> forms;  // irregular forms of the verb word, from {...}
  std::string code;                // the verb's own [CODE], "" = use the block's
  std::string code2;               // second code of the verb's own [A:B], "" if none
  int block = 0;                   // index into VerbDictionary::blocks()
  std::string origin;
};

// A verb dictionary in the PETRARCH-2 format: synonym sets (&NAME with +WORD
// members), verb blocks with their verbs and pattern lines, and the final
// transformation lines (~ ...), which are kept as text.
class VerbDictionary {
 public:
  void load(const std::string& path, std::vector<InputError>& errors);
  void load(std::istream& in, const std::string& name, std::vector<InputError>& errors);

  // Verb entries whose verb word (base form or one of its listed forms)
  // equals `word` (upper case); multi-word verbs are found by their verb word.
  std::span<const int> find(std::string_view word) const;

  const std::vector<VerbBlock>& blocks() const { return blocks_; }
  const std::vector<VerbEntry>& verbs() const { return verbs_; }
  // Members of a synonym set ("&CURRENCY" -> {"MONEY", "CASH", "URBAN CENTER"});
  // multi-word members have their words separated by single spaces.
  const std::vector<std::string>* synset(std::string_view name) const;
  // The same members split into words, parentheses dropped.
  const std::vector<std::vector<std::string>>* synset_words(std::string_view name) const;
  const std::vector<std::string>& transformations() const { return transformations_; }
  // Rewrites the "file:line" origins of blocks, verbs and patterns (for
  // dictionaries compiled from another format, to point at its lines).
  void relabel_origins(const std::function<std::string(const std::string&)>& relabel);
  // Names of the synonym sets (without '&'), sorted.
  std::vector<std::string> synset_names() const;
  std::size_t pattern_count() const;

 private:
  std::vector<VerbBlock> blocks_;
  std::vector<VerbEntry> verbs_;
  std::unordered_map<std::string, std::vector<int>, StringHash, std::equal_to<>> by_word_;
  std::unordered_map<std::string, std::vector<std::string>, StringHash, std::equal_to<>> synsets_;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>, StringHash,
                     std::equal_to<>>
      synset_words_;
  std::vector<std::string> transformations_;
};

// ---------------------------------------------------------------- ontology

// The PETRARCH internal coding ontology: CAMEO code <-> 16-bit value whose
// hex digits encode the cue category and sub-dimensions ("010:0x1000",
// "011:0x1000-0xFFFF"). Used to combine the codes of nested verbs.
class CodeOntology {
 public:
  void load(const std::string& path, std::vector<InputError>& errors);
  void load(std::istream& in, const std::string& name, std::vector<InputError>& errors);
  // Value of a CAMEO code, if listed.
  std::optional<int> value(std::string_view code) const;
  // The CAMEO code listed with exactly this value (first in file order).
  std::optional<std::string> code(int value) const;
  std::size_t size() const { return to_value_.size(); }

 private:
  std::unordered_map<std::string, int> to_value_;
  std::unordered_map<int, std::string> to_code_;
};

// A rule for a verb governing a coded clause, by CAMEO codes (dyad's own
// dictionaries; PETRARCH's use ~ transformations and the ontology instead):
// "01 > 19 other-source = 1123": X says Y attacked Z -> X accuses Y.
struct CombinationRule {
  std::string upper;   // code prefix of the governing verb ("01"), "" = any
  std::string lower;   // code prefix of the governed clause, "" = any
  char source = '.';   // 'a' the clause's source is the upper source, 'b' another, '.' either
  std::string result;  // resulting code; "lower" = the clause's own code
  std::string text;    // the rule as written
  std::string origin;  // "file:line"
};

// A verb that codes nothing alone but governs a clause the way verbs of a
// code do ("want" governs like 03 Express intent: "wants to help Israel" ->
// 033), through the combination rules.
struct GoverningVerb {
  std::string verb;    // base form, upper case ("WANT")
  std::string code;    // the code whose rules it follows ("03")
  std::string origin;  // "file:line"
};

// All dictionaries the coder needs, loaded once and shared read-only.
struct Dictionaries {
  VerbDictionary verbs;
  ActorDictionary actors;
  AgentDictionary agents;
  DiscardList discards;
  IssueDictionary issues;
  CodeOntology ontology;
  // Explicit negations from dyad's own verb dictionaries ("did not X" is
  // coded as negations[X]); consulted before the ontology.
  std::unordered_map<std::string, std::string> negations;
  // Patterns (by origin, "file:line") of a code block that gives no
  // negation while another block of the same code does: negated, they code
  // nothing ("has not withdrawn from the CSTO" is no "did not reject").
  std::unordered_set<std::string> unnegated_patterns;
  std::vector<CombinationRule> combinations;  // in file order; the first that fits applies
  std::unordered_map<std::string, GoverningVerb> governing_verbs;  // by base form
  std::vector<InputError> errors;  // every problem met while loading
  // Loaded from PETRARCH/TABARI files: the coder then follows PETRARCH's
  // conventions where dyad's own reading differs (a participle clause,
  // "..., killing eight people", gets no subject from its governor; a
  // relative pronoun, "the group that seized ...", is not the noun it
  // stands for; a pattern's "(AS ALLY)" needs "ally" right after "as").
  bool petrarch_conventions = false;
};

}  // namespace dyad
