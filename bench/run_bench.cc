// End to end: JSON Lines articles -> tokenizer, tagger, parser, coder ->
// SQLite, with one and two worker threads. The articles are the raw texts
// of the validation suites (../shared/eval), each a short article, repeated
// to 2,000 articles. Needs ../shared; says so and exits when it is absent.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "dictionaries/dyad_format.h"
#include "evaluation/suite.h"
#include "run/runner.h"

namespace {

namespace fs = std::filesystem;
const std::string kShared = DYAD_SHARED_DIR;

// Writes the corpus once; returns its path ("" when ../shared is absent).
std::string corpus() {
  static std::string path = [] {
    fs::path out = fs::temp_directory_path() / "dyad_run_bench.jsonl";
    std::vector<std::string> texts;
    for (const char* name : {"petrarch-validate-ud", "petrarch-unit-ud", "gigaword-gsr"}) {
      std::vector<dyad::InputError> errors;
      for (const auto& r : dyad::read_suite(kShared + "/eval/" + name + ".jsonl", errors)) {
        if (!r.text.empty()) texts.push_back(r.text);
      }
    }
    if (texts.empty()) return std::string();
    std::ofstream f(out);
    for (int i = 0; i < 2000; ++i) {
      // Three sentences an article; a number keeps every article distinct.
      std::string text = texts[i % texts.size()] + " " + texts[(i + 7) % texts.size()] + " " +
                         texts[(i + 13) % texts.size()] + " Item " + std::to_string(i) + ".";
      std::string id = std::to_string(i);
      id.insert(id.begin(), 'b');
      f << nlohmann::json{{"id", id},
                          {"date", "2024-05-30"},
                          {"source", "Bench Wire"},
                          {"text", text}}
               .dump()
        << '\n';
    }
    return out.string();
  }();
  return path;
}

void BM_RunJsonlIntoSqlite(benchmark::State& state) {
  std::string input = corpus();
  if (input.empty()) {
    state.SkipWithError("../shared/eval is absent");
    return;
  }
  static dyad::SyntaxPipeline syntax;
  static bool loaded = syntax.load(std::string(DYAD_SOURCE_DIR) + "/models").empty();
  static auto dict = dyad::load_dyad_dictionaries(dyad::default_dictionary_dirs());
  if (!loaded) {
    state.SkipWithError("models/ not found");
    return;
  }
  std::size_t sentences = 0, documents = 0;
  for (auto _ : state) {
    state.PauseTiming();
    fs::path db = fs::temp_directory_path() / "dyad_run_bench.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
    std::string error;
    auto store = dyad::Store::open(db.string(), &error);
    state.ResumeTiming();
    dyad::RunOptions options;
    options.threads = static_cast<int>(state.range(0));
    auto s = dyad::run_articles({input}, syntax, *dict, *store, options);
    sentences += s.sentences;
    documents += s.coded;
  }
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["documents/s"] =
      benchmark::Counter(static_cast<double>(documents), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RunJsonlIntoSqlite)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
