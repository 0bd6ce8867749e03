// Throughput of the tokenizer and sentence splitter on running text rebuilt
// from GUM's test documents (needs ../shared; skips itself otherwise).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "conllu/conllu.h"
#include "text/tokenizer.h"

namespace {

std::string gum_test_text() {
  return dyad::running_text(
      dyad::read_corpus_split(std::string(DYAD_SHARED_DIR) + "/ud/gum", "test"));
}

void BM_TokenizeGumTest(benchmark::State& state) {
  static const std::string text = gum_test_text();
  if (text.empty()) {
    state.SkipWithError("../shared/ud/gum is absent");
    return;
  }
  std::size_t tokens = 0;
  for (auto _ : state) {
    auto sentences = dyad::tokenize(text);
    for (const auto& s : sentences) tokens += s.tokens.size();
    benchmark::DoNotOptimize(sentences.data());
  }
  state.counters["tokens_per_s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["MB_per_s"] = benchmark::Counter(
      static_cast<double>(text.size()) * static_cast<double>(state.iterations()) / 1e6,
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TokenizeGumTest)->Unit(benchmark::kMillisecond);

}  // namespace
