// The lemmatizer: LEMMA and FEATS for the built-in pipeline (see
// docs/models.md for the design and its accuracy on GUM).
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document/document.h"
#include "syntax/lexicon.h"

namespace dyad {

// Fills LEMMA and FEATS from FORM, UPOS and XPOS, and the features that need
// the tree; trained by `dyad train --lemmatizer`, read-only once loaded.
class Lemmatizer {
 public:
  // Learns from gold sentences (FORM, UPOS, XPOS, LEMMA, FEATS).
  // Deterministic: the same sentences give the same bytes.
  static Lemmatizer train(const std::vector<Sentence>& sentences, std::string metadata);

  // Fills LEMMA and FEATS of every word from FORM, UPOS and XPOS. With a
  // word-class lexicon, an inflected verb, noun or adjective that training
  // never saw takes its lemma from WordNet's exception lists ("froze" ->
  // "freeze"), or from its regular ending when the learned rule gives no
  // WordNet lemma and the ending does ("hoped" -> "hope").
  void lemmatize(Sentence& sentence, const WordClassLexicon* lexicon = nullptr) const;
  // Features read from the tree (call after parsing): Voice=Pass on passive
  // participles, Number and Person of present and past finite verbs
  // agreeing with a pronoun or noun subject; learned from the relations:
  // the verb form of base forms and -ing forms (infinitive or imperative,
  // participle or gerund), and the FEATS of pronouns and determiners
  // ("it" as subject or object, "what" interrogative or relative).
  void refine(Sentence& sentence) const;

  // Versioned binary format ("DYADLEM" + version); load() returns what was
  // expected, or "" on success.
  void save(std::ostream& out) const;
  std::string load(std::istream& in);

  const std::string& metadata() const { return metadata_; }
  std::size_t word_count() const { return words_.size(); }
  std::size_t rule_count() const { return suffixes_.size(); }

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <class V>
  using Map = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

  struct Word {
    std::string lemma;
    std::uint32_t feats = 0;  // index in feats_
  };
  // Strip `strip` final bytes of the lower-cased form, append `append`.
  struct Suffix {
    std::uint32_t strip = 0;
    std::string append;
    std::uint32_t feats = 0;
  };

  static void lexicon_lemma(Token& t, std::string_view lower, const WordClassLexicon& lexicon);

  std::vector<std::string> feats_;  // FEATS strings ("_" included)
  Map<Word> words_;                 // "lower form\tUPOS|XPOS"
  Map<std::string> cased_words_;    // "form\tUPOS|XPOS" when the lemma depends on case
  Map<std::string> upos_words_;     // "lower form\tUPOS": seen with another XPOS
  Map<Suffix> suffixes_;            // "UPOS|XPOS\tsuffix" of the lower-cased form
  Map<std::uint32_t> keep_case_;    // "UPOS|XPOS\t<first word 0/1>" -> 1 keeps capitals
  Map<std::uint32_t> verb_forms_;   // verb_context() -> Mood, Person, Tense, VerbForm
  Map<std::uint32_t> word_forms_;   // word_context() -> FEATS of pronouns, determiners
  std::string metadata_;
};

// Sets (or with an empty value removes) one feature of a FEATS string,
// keeping the features in UD's alphabetical order.
std::string with_feature(std::string_view feats, std::string_view name, std::string_view value);

}  // namespace dyad
