// A run over a collection of articles: ingest, identify the language, parse
// and code in parallel, store in batches. Every input document ends as
// coded, skipped (with a reason) or failed (with an error).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "dictionaries/dictionaries.h"
#include "store/store.h"
#include "syntax/pipeline.h"

namespace dyad {

struct RunOptions {
  int threads = 1;
  std::size_t batch = 64;                       // documents per store transaction
  std::size_t max_bytes = 5 * 1024 * 1024;      // longer articles are skipped, not coded
  std::vector<std::string> languages = {"en"};  // languages dyad has models for
};

struct RunProgress {
  std::size_t documents = 0;  // done (stored, skipped or failed)
  std::size_t total = 0;      // expected (0 when unknown)
  std::size_t sentences = 0;
  std::size_t events = 0;
  double seconds = 0;
};

struct RunSummary {
  std::size_t read = 0;            // input items
  std::size_t coded = 0;           // stored as coded
  std::size_t stored_skipped = 0;  // stored, not coded (language, size, empty)
  std::size_t failed = 0;          // stored as failed (unreadable records)
  std::size_t already = 0;         // already in the store or repeated in this run: not stored again
  std::size_t near_duplicates = 0;  // stored and linked to an earlier wire copy
  std::size_t sentences = 0;
  std::size_t events = 0;
  std::size_t quotations = 0;
  std::size_t repaired_utf8 = 0;                    // invalid UTF-8 sequences replaced
  std::map<std::string, std::size_t> skip_reasons;  // reason -> documents
  std::vector<std::string> errors;                  // one line per failed record
  std::vector<std::string> ignored;                 // files of other kinds
  std::string store_error;                          // the store failed: the run stopped
  double seconds = 0;
};

// Runs over the inputs into the store. `progress` (optional) is called from
// the calling thread about twice a second and at the end.
RunSummary run_articles(const std::vector<std::string>& inputs, const SyntaxPipeline& syntax,
                        const Dictionaries& dictionaries, Store& store, const RunOptions& options,
                        const std::function<void(const RunProgress&)>& progress = {});

}  // namespace dyad
