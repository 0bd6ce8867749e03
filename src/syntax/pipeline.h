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

// Which of the committed models to parse with: the greedy parser (fast) or
// the beam-search one (about 1.5 points more UAS on GUM, half the speed).
struct SyntaxModels {
  std::string dir = "models";
  bool accurate = false;
  std::string parser_file() const { return accurate ? "en-gum.beam.parser" : "en-gum.parser"; }
};

class SyntaxPipeline {
 public:
  // Loads `dir`/en-gum.tagger, en-gum.lemmatizer and the parser (en-gum.parser,
  // or en-gum.beam.parser when `accurate`); "" or the problem.
  std::string load(const SyntaxModels& models);
  std::string load(const std::string& dir) { return load(SyntaxModels{dir, false}); }

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
