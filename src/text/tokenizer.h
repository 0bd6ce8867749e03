// Tokenizer and sentence splitter for news English, following Universal
// Dependencies conventions: clitics and possessives are multiword tokens
// ("Russia's" -> Russia 's, "can't" -> ca n't), hyphenated names, abbreviations, initials,
// numbers, dates, URLs and e-mail addresses kept whole, every Unicode quote
// and dash a token of its own. Every token keeps its byte offsets into the
// original text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"

namespace dyad {

// A token of running text: its form, where it came from, and the syntactic
// words it stands for when it is a contraction (a UD multiword token:
// "can't" -> ca n't, "Russia's" -> Russia 's, "gonna" -> gon na).
struct TextToken {
  std::string form;
  std::size_t begin = 0;  // byte offset of the first byte in the original text
  std::size_t end = 0;    // one past the last byte
  bool space_after = true;
  std::vector<std::string> words;  // empty: the token is a single word
};

// A sentence: its tokens and its byte range in the original text.
struct TextSentence {
  std::vector<TextToken> tokens;
  bool paragraph_start = false;  // the first sentence of the text or after a blank line
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Splits UTF-8 text into sentences and tokens. Invalid UTF-8 bytes are
// kept inside tokens (never dropped); text in other scripts passes through
// as whitespace-separated tokens with punctuation split off. A sentence
// longer than 400 tokens is cut, so no input makes an unbounded sentence.
std::vector<TextSentence> tokenize(std::string_view text);

// A tokenized sentence as a document sentence with forms only (multiword
// tokens with their words; SpaceAfter=No and TokenRange=begin:end in MISC;
// the other columns '_'), ready for a tagger and parser, or for writing.
Sentence to_sentence(std::string_view text, const TextSentence& s, const std::string& sent_id);

// The running text of annotated sentences: their "# text" lines joined by a
// blank, or by a blank line where a "# newpar" comment opens a paragraph.
std::string running_text(const std::vector<Sentence>& sentences);

}  // namespace dyad
