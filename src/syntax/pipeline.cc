#include "syntax/pipeline.h"

#include <fstream>

namespace dyad {

std::string SyntaxPipeline::load(const SyntaxModels& models) {
  const std::string& dir = models.dir;
  std::ifstream tagger(dir + "/en-gum.tagger", std::ios::binary);
  if (!tagger) return dir + "/en-gum.tagger: cannot read";
  if (std::string e = tagger_.load(tagger); !e.empty()) return dir + "/en-gum.tagger: " + e;
  std::ifstream lemmatizer(dir + "/en-gum.lemmatizer", std::ios::binary);
  if (!lemmatizer) return dir + "/en-gum.lemmatizer: cannot read";
  if (std::string e = lemmatizer_.load(lemmatizer); !e.empty()) {
    return dir + "/en-gum.lemmatizer: " + e;
  }
  const std::string parser_path = dir + "/" + models.parser_file();
  std::ifstream parser(parser_path, std::ios::binary);
  if (!parser) return parser_path + ": cannot read";
  if (std::string e = parser_.load(parser); !e.empty()) return parser_path + ": " + e;
  return {};
}

void SyntaxPipeline::annotate(Sentence& sentence, const WordFinder* known) const {
  if (known && *known) {
    const std::vector<KnownWord> words = (*known)(sentence);
    tagger_.tag(sentence, &words);
  } else {
    tagger_.tag(sentence);
  }
  lemmatizer_.lemmatize(sentence, &tagger_.lexicon());
  parser_.parse(sentence);
  lemmatizer_.refine(sentence);
}

std::vector<Sentence> SyntaxPipeline::parse_text(std::string_view text, const std::string& doc_id,
                                                 const WordFinder* known) const {
  std::vector<Sentence> out;
  int n = 0;
  for (const TextSentence& ts : tokenize(text)) {
    Sentence s = to_sentence(text, ts, doc_id + "-" + std::to_string(++n));
    annotate(s, known);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace dyad
