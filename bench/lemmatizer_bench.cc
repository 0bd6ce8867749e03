// Throughput of the lemmatizer (LEMMA and FEATS, then the features read from
// the tree) on GUM's test split with its gold tags and trees (needs ../shared
// and the committed model; skips itself otherwise).
#include <benchmark/benchmark.h>

#include <fstream>

#include "conllu/conllu.h"
#include "syntax/lemmatizer.h"

namespace {

void BM_LemmatizeGumTest(benchmark::State& state) {
  static const std::vector<dyad::Sentence> test =
      dyad::read_corpus_split(std::string(DYAD_SHARED_DIR) + "/ud/gum", "test");
  std::ifstream in(std::string(DYAD_SOURCE_DIR) + "/models/en-gum.lemmatizer", std::ios::binary);
  dyad::Lemmatizer lemmatizer;
  if (test.empty() || !in || !lemmatizer.load(in).empty()) {
    state.SkipWithError("../shared/ud/gum or models/en-gum.lemmatizer is absent");
    return;
  }
  std::vector<dyad::Sentence> work = test;
  std::size_t words = 0;
  for (auto _ : state) {
    for (dyad::Sentence& s : work) {
      lemmatizer.lemmatize(s);
      lemmatizer.refine(s);
      words += s.tokens.size();
    }
    benchmark::DoNotOptimize(work.data());
  }
  state.counters["words_per_s"] =
      benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LemmatizeGumTest)->Unit(benchmark::kMillisecond);

}  // namespace
