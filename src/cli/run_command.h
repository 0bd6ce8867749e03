// `dyad run`, `dyad export` and `dyad report`: from a folder of news to an
// event database and out again.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "syntax/pipeline.h"

namespace dyad::cli {

// --models DIR and --accurate, for every command that parses raw text.
void add_model_flags(CLI::App* command, SyntaxModels& models);

// The options of the run, export and report subcommands, registered on the
// app and run when one of them was chosen.
class RunCommands {
 public:
  void add_to(CLI::App& app);
  bool chosen() const;
  int run();

 private:
  int run_ingest();
  int run_export();
  int run_report();
  int run_first();

  CLI::App* run_ = nullptr;
  CLI::App* export_ = nullptr;
  CLI::App* report_ = nullptr;
  CLI::App* first_ = nullptr;
  std::vector<std::string> query_;
  std::vector<std::string> inputs_;
  std::string db_ = "dyad.db";
  int threads_ = 1;
  SyntaxModels models_;
  std::vector<std::string> dictionaries_;
  std::string format_ = "jsonl";
  std::string output_;
  int window_ = 1;
  bool quiet_ = false;
};

}  // namespace dyad::cli
