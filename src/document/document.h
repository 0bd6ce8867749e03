// The document model every stage reads and annotates: a Document holds
// Sentences, a Sentence holds syntactic words (Tokens) with the ten CoNLL-U
// fields and a dependency tree over them.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// Universal Dependencies relations (v2 names). UD v1 labels are mapped on
// load: dobj -> obj, nsubjpass -> nsubj_pass, auxpass -> aux_pass,
// csubjpass -> csubj_pass, neg -> advmod (negation stays visible through
// Token::is_negation), name -> flat, mwe -> fixed, and nmod whose head is a
// verb -> obl.
// What is known of a word before it is tagged, from the coder's
// dictionaries: part of an actor's name, the head noun of a role or sector
// phrase ("activists", "journalists"), or a country's adjective modifying
// what follows ("Tajik President Emomali Rahmon", "Kyrgyz border guards").
enum class KnownWord : std::uint8_t { kUnknown, kName, kNoun, kAdjective };

enum class Relation : std::uint8_t {
  kUnknown,
  kAcl,
  kAdvcl,
  kAdvmod,
  kAmod,
  kAppos,
  kAux,
  kAuxPass,
  kCase,
  kCc,
  kCcomp,
  kClf,
  kCompound,
  kConj,
  kCop,
  kCsubj,
  kCsubjPass,
  kDep,
  kDet,
  kDiscourse,
  kDislocated,
  kExpl,
  kFixed,
  kFlat,
  kGoeswith,
  kIobj,
  kList,
  kMark,
  kNmod,
  kNsubj,
  kNsubjPass,
  kNummod,
  kObj,
  kObl,
  kOrphan,
  kParataxis,
  kPunct,
  kReparandum,
  kRoot,
  kVocative,
  kXcomp,
};

// Returns the relation named by a CoNLL-U DEPREL (universal part only; the
// subtype after ':' is ignored except for ':pass').
Relation relation_from_label(std::string_view deprel);
std::string_view relation_name(Relation r);

// One syntactic word: the ten CoNLL-U columns as written, plus the parsed
// head index and normalised relation used for navigation.
struct Token {
  int id = 0;    // 1-based position in the sentence
  int head = 0;  // 0 = root of the sentence; -1 when the column was '_'
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  std::string feats;
  std::string deprel;  // as written in the file (v1 or v2 label)
  std::string deps;
  std::string misc;
  Relation relation = Relation::kUnknown;  // normalised (see Relation)
  bool v1_negation = false;                // the UD v1 label was 'neg'

  // Value of a morphological feature ("Voice" -> "Pass"), or "" if absent.
  std::string_view feature(std::string_view name) const;
  // "not", "n't", "never", "no" as a modifier, Polarity=Neg, or UD v1 'neg'.
  bool is_negation() const;
  bool is_verb() const { return upos == "VERB" || upos == "AUX"; }
  bool is_nominal() const { return upos == "NOUN" || upos == "PROPN" || upos == "PRON"; }
};

// A multiword token range line ("2-3  don't  _ ..."), kept for round-trips.
struct MultiwordToken {
  int first = 0;
  int last = 0;
  std::string line;  // the full original line
};

// An empty node line ("5.1 ..."), kept for round-trips; not part of the tree.
struct EmptyNode {
  int after = 0;     // the word it follows (the integer part of its id)
  std::string line;  // the full original line
};

// A sentence: its words, comments and tree. Tree navigation is available
// after build_tree() (the CoNLL-U reader calls it).
class Sentence {
 public:
  std::vector<std::string> comments;  // full comment lines, '#' included
  std::vector<Token> tokens;          // tokens[i].id == i + 1
  std::vector<MultiwordToken> multiword_tokens;
  std::vector<EmptyNode> empty_nodes;

  // Value of a "# key = value" comment ("sent_id", "text"), or "".
  std::string_view comment_value(std::string_view key) const;

  // Normalises relations and indexes children. Returns "" when the tree is
  // well formed, otherwise a description of the problem.
  std::string build_tree();

  std::size_t size() const { return tokens.size(); }
  const Token& token(int id) const { return tokens[static_cast<std::size_t>(id - 1)]; }
  // Ids of the root word(s) (head 0).
  std::span<const int> roots() const { return roots_; }
  // Ids of the dependents of word `id`, in sentence order.
  std::span<const int> children(int id) const;
  // First dependent of `id` with relation r, or 0.
  int child(int id, Relation r) const;
  // All dependents of `id` with relation r.
  std::vector<int> children(int id, Relation r) const;
  // First and last word id of the subtree rooted at `id` (inclusive).
  std::pair<int, int> subtree_span(int id) const;
  // Ids of the subtree rooted at `id`, in sentence order.
  std::vector<int> subtree(int id) const;
  // True when `ancestor` dominates `id` (or they are equal).
  bool dominates(int ancestor, int id) const;
  // Surface text of words first..last joined by single spaces.
  std::string span_text(int first, int last) const;
  // The sentence text: the "# text" comment or the forms joined by spaces.
  std::string text() const;

 private:
  std::vector<int> child_offsets_;  // CSR index: children of id i are
  std::vector<int> child_ids_;      // child_ids_[offsets[i]..offsets[i+1])
  std::vector<int> roots_;
  std::vector<int> span_first_;
  std::vector<int> span_last_;
};

// An article or record: an id, a story date and its sentences.
struct Document {
  std::string id;
  std::string date;  // YYYYMMDD, "" when unknown
  std::string source;
  std::vector<Sentence> sentences;
};

}  // namespace dyad
