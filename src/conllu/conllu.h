// CoNLL-U reading and writing: the file format between the syntax stage and
// the coder. The reader streams one sentence at a time in constant memory and
// skips malformed sentences, recording "file:line: expected ..." for each.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "document/document.h"

namespace dyad {

// A problem found in outside input: where it is and what was expected.
struct InputError {
  std::string file;
  std::size_t line = 0;
  std::string message;  // "expected 10 tab-separated columns, found 7"
  std::string to_string() const;
};

// Reads sentences from a CoNLL-U stream. Malformed sentences are skipped,
// counted and described in errors(); reading goes on with the next sentence.
class ConlluReader {
 public:
  // `name` is the file name used in error messages.
  ConlluReader(std::istream& in, std::string name);

  // Reads the next well-formed sentence into `out`. Returns false at the end.
  bool next(Sentence& out);

  std::size_t sentences_read() const { return read_; }
  std::size_t sentences_skipped() const { return skipped_; }
  const std::vector<InputError>& errors() const { return errors_; }

 private:
  // Parses one non-comment line into `out`; returns "" or what was expected.
  std::string parse_line(const std::string& line, Sentence& out);

  std::istream& in_;
  std::string name_;
  std::size_t line_ = 0;
  std::size_t read_ = 0;
  std::size_t skipped_ = 0;
  std::vector<InputError> errors_;
};

// Writes one sentence in CoNLL-U, followed by the blank line that ends it.
// A sentence read by ConlluReader is written back byte for byte.
void write_conllu(std::ostream& out, const Sentence& sentence);

// Parses every sentence of a CoNLL-U string (e.g. a JSONL record's parse).
std::vector<Sentence> parse_conllu(const std::string& text, const std::string& name,
                                   std::vector<InputError>* errors = nullptr);

// Every sentence of the documents that a corpus's split table assigns to
// `split`: `dir`/splits.tsv holds "doc<TAB>split" lines (GUM's layout) and
// each document is `dir`/doc.conllu. Empty when the table is absent.
std::vector<Sentence> read_corpus_split(const std::string& dir, const std::string& split);

}  // namespace dyad
