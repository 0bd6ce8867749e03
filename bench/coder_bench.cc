// Throughput of the coder and cost of loading dictionaries, measured on the
// validation suites' parses repeated to at least 100,000 sentences, with the
// full Phoenix dictionaries loaded. Needs ../shared; says so and exits when
// it is absent.
#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "dictionaries/dictionary_set.h"
#include "evaluation/evaluate.h"
#include "events/coder.h"

namespace {

const std::string kShared = DYAD_SHARED_DIR;

// Peak resident memory of this process, in MB (VmHWM from /proc).
double peak_rss_mb() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0;
}

dyad::DictionaryFiles phoenix() {
  std::string error;
  return dyad::suite_dictionaries(kShared + "/eval/gigaword-gsr.jsonl", &error);
}

// Every parse of the English suites, as documents of one sentence or more.
std::vector<dyad::Document> suite_documents() {
  std::vector<dyad::Document> docs;
  for (const char* name : {"petrarch-validate-ud", "petrarch-unit-ud", "gigaword-gsr"}) {
    std::vector<dyad::InputError> errors;
    for (const auto& r : dyad::read_suite(kShared + "/eval/" + name + ".jsonl", errors)) {
      dyad::Document d = dyad::record_document(r, nullptr);
      if (!d.sentences.empty()) docs.push_back(std::move(d));
    }
  }
  return docs;
}

void BM_LoadPhoenixDictionaries(benchmark::State& state) {
  auto files = phoenix();
  for (auto _ : state) {
    auto dict = dyad::load_dictionaries(files);
    benchmark::DoNotOptimize(dict.get());
  }
  state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_LoadPhoenixDictionaries)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_CodeSentencesOneCore(benchmark::State& state) {
  auto dict = dyad::load_dictionaries(phoenix());
  auto docs = suite_documents();
  std::size_t per_pass = 0;
  for (const auto& d : docs) per_pass += d.sentences.size();
  const std::size_t passes = (100000 + per_pass - 1) / per_pass;
  dyad::Coder coder(*dict);
  std::size_t sentences = 0, events = 0;
  for (auto _ : state) {
    for (std::size_t p = 0; p < passes; ++p) {
      for (const auto& d : docs) {
        events += coder.code(d).size();
        sentences += d.sentences.size();
      }
    }
  }
  state.counters["sentences_per_s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["sentences_per_pass"] = static_cast<double>(per_pass * passes);
  state.counters["events"] = static_cast<double>(events);
  state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_CodeSentencesOneCore)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  if (!std::filesystem::exists(kShared + "/eval/gigaword-gsr.jsonl")) {
    std::cout << "dyad_bench: " << kShared << "/eval is absent; nothing to measure\n";
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
