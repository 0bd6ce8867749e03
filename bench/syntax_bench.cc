// Raw text to UD trees on one core: loading the committed models (or those
// in the folder DYAD_BENCH_MODELS names), and tokenize + tag + parse over
// GUM's test documents as running text (needs ../shared; skips itself
// otherwise). Argument 0 is the greedy parser, 1 the beam-search one
// (--accurate).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "conllu/conllu.h"
#include "syntax/pipeline.h"

namespace {

// The models folder: DYAD_BENCH_MODELS, else the committed models.
const std::string kModels = [] {
  const char* chosen = std::getenv("DYAD_BENCH_MODELS");
  return chosen != nullptr && *chosen != 0 ? std::string(chosen)
                                           : std::string(DYAD_SOURCE_DIR) + "/models";
}();

dyad::SyntaxModels chosen(const benchmark::State& state) {
  return dyad::SyntaxModels{kModels, state.range(0) == 1};
}

void BM_LoadSyntaxModels(benchmark::State& state) {
  for (auto _ : state) {
    dyad::SyntaxPipeline pipeline;
    if (std::string e = pipeline.load(chosen(state)); !e.empty()) {
      state.SkipWithError(e.c_str());
      return;
    }
    benchmark::DoNotOptimize(&pipeline);
  }
}
BENCHMARK(BM_LoadSyntaxModels)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ParseGumTestText(benchmark::State& state) {
  static const std::string text =
      dyad::running_text(dyad::read_corpus_split(std::string(DYAD_SHARED_DIR) + "/ud/gum", "test"));
  if (text.empty()) {
    state.SkipWithError("../shared/ud/gum is absent");
    return;
  }
  dyad::SyntaxPipeline pipeline;
  if (std::string e = pipeline.load(chosen(state)); !e.empty()) {
    state.SkipWithError(e.c_str());
    return;
  }
  std::size_t words = 0;
  for (auto _ : state) {
    auto sentences = pipeline.parse_text(text, "gum");
    for (const auto& s : sentences) words += s.size();
    benchmark::DoNotOptimize(sentences.data());
  }
  state.counters["words_per_s"] =
      benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseGumTestText)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

}  // namespace
