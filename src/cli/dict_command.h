// `dyad dict ...`: check, count, convert and import dictionaries.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace dyad::cli {

// The options of the dict subcommands, registered on the app and run when
// one of them was chosen.
class DictCommand {
 public:
  void add_to(CLI::App& app);
  bool chosen() const;
  int run();

 private:
  CLI::App* dict_ = nullptr;
  CLI::App* check_ = nullptr;
  CLI::App* stats_ = nullptr;
  CLI::App* convert_ = nullptr;
  CLI::App* import_iso_ = nullptr;
  CLI::App* import_wikidata_ = nullptr;
  std::vector<std::string> paths_;
  std::string json_;
  std::string to_;
  std::string output_;
  std::vector<std::string> verbs_, actors_, agents_;
  std::string iso_json_;
  std::string regions_json_;
  std::string regions_output_;
  std::string common_words_;
  std::string dump_;
  std::vector<std::string> position_paths_;
};

// The dyad dictionaries to use: the given paths, else the default folders.
std::vector<std::string> dictionary_paths(const std::vector<std::string>& given);

}  // namespace dyad::cli
