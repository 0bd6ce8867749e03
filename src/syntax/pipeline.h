// From raw text to UD trees: tokenizer, tagger, lemmatizer and parser strung
// together.
// Models are loaded once and only read afterwards, so one pipeline serves
// many threads.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"
#include "syntax/lemmatizer.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "text/tokenizer.h"

namespace dyad {

class SyntaxPipeline {
 public:
  // Loads `dir`/en-gum.tagger, en-gum.lemmatizer and en-gum.parser; "" or
  // the problem.
  std::string load(const std::string& dir);

  // Says what is known of each word of a sentence before tagging (names and
  // role nouns from the coder's dictionaries); the tagger keeps to it.
  using WordFinder = std::function<std::vector<KnownWord>(const Sentence&)>;

  // Tags, lemmatizes and parses sentences whose words are given (CoNLL-U
  // input): UPOS, XPOS, LEMMA, FEATS, HEAD and DEPREL are replaced.
  void annotate(Sentence& sentence, const WordFinder* known = nullptr) const;

  // Splits, tags and parses raw text. Sentence ids are "<doc>-<n>".
  std::vector<Sentence> parse_text(std::string_view text, const std::string& doc_id,
                                   const WordFinder* known = nullptr) const;

 private:
  Tagger tagger_;
  Lemmatizer lemmatizer_;
  Parser parser_;
};

}  // namespace dyad
