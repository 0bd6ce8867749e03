// Direct quotations: the words in quotation marks, who said them (resolved
// to an actor code like any other actor) and where they stand in the text.
#pragma once

#include <cstddef>
#include <string>

namespace dyad {

struct Quotation {
  std::string text;          // the quoted words, without the marks
  int sentence_id = 0;       // 1-based sentence where the quotation starts
  int last_sentence_id = 0;  // where it ends (a quotation may run over sentences)
  std::size_t begin = 0;     // byte offsets into the document text, when the
  std::size_t end = 0;       // tokens carry them (TokenRange); else 0
  std::string speaker;       // actor code, "" when not resolved
  std::string speaker_text;  // the words that name the speaker
  std::string verb;          // the attributing verb ("said", "according to")
};

}  // namespace dyad
