#include "cli/dict_command.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "dictionaries/dictionary_check.h"
#include "dictionaries/dictionary_set.h"
#include "dictionaries/dyad_format.h"
#include "dictionaries/wikidata.h"

namespace dyad::cli {

std::vector<std::string> dictionary_paths(const std::vector<std::string>& given) {
  return given.empty() ? default_dictionary_dirs() : given;
}

namespace {

DictionarySource read_all(const std::vector<std::string>& paths) {
  return read_dyad_dictionaries(dictionary_paths(paths));
}

int run_check(const std::vector<std::string>& paths) {
  DictionarySource source = read_all(paths);
  auto problems = check_dictionaries(source);
  for (const auto& e : problems) std::cerr << e.to_string() << '\n';
  DictionaryStats s = dictionary_stats(source);
  std::cerr << fmt::format(
      "dictionaries: {} countries, {} organisations, {} people ({} roles), {} other actors, {} "
      "agent nouns, {} patterns for {}/{} CAMEO codes: {} problems\n",
      s.countries, s.organisations, s.people, s.roles, s.actors, s.agents, s.patterns,
      s.codes_covered, s.codes_total, problems.size());
  return problems.empty() ? 0 : 1;
}

int run_stats(const std::vector<std::string>& paths, const std::string& json_path) {
  DictionarySource source = read_all(paths);
  DictionaryStats s = dictionary_stats(source);
  nlohmann::json j = {{"countries", s.countries},
                      {"organisations", s.organisations},
                      {"people", s.people},
                      {"roles", s.roles},
                      {"actors", s.actors},
                      {"names", s.names},
                      {"regions", s.regions},
                      {"agents", s.agents},
                      {"codes_covered", s.codes_covered},
                      {"codes_total", s.codes_total},
                      {"patterns", s.patterns},
                      {"negations", s.negations},
                      {"discards", s.discards},
                      {"codes_missing", s.codes_missing}};
  if (!json_path.empty()) {
    if (json_path == "-") {
      std::cout << j.dump(2) << '\n';
      return 0;
    }
    std::ofstream out(json_path);
    if (!out) {
      std::cerr << json_path << ": cannot write\n";
      return 1;
    }
    out << j.dump(2) << '\n';
  }
  std::cout << fmt::format(
      "countries      {}\norganisations  {}\npeople         {} ({} dated roles)\nother actors   "
      "{}\nactor names    {}\nplace names    {}\nagent nouns    {}\nverb patterns  {}\nCAMEO codes "
      "   {} of {} covered\nnegations      {}\ndiscards       {}\n",
      s.countries, s.organisations, s.people, s.roles, s.actors, s.names, s.regions, s.agents,
      s.patterns, s.codes_covered, s.codes_total, s.negations, s.discards);
  if (!s.codes_missing.empty()) {
    std::cout << "codes without patterns:";
    for (const auto& c : s.codes_missing) std::cout << ' ' << c;
    std::cout << '\n';
  }
  return 0;
}

bool write_file(const std::filesystem::path& path,
                const std::function<void(std::ostream&)>& write) {
  std::ofstream out(path);
  if (!out) {
    std::cerr << path.string() << ": cannot write\n";
    return false;
  }
  write(out);
  return true;
}

}  // namespace

void DictCommand::add_to(CLI::App& app) {
  dict_ = app.add_subcommand("dict", "check, count, convert and import dictionaries");
  dict_->require_subcommand(1);
  check_ = dict_->add_subcommand(
      "check", "report duplicate and conflicting entries, unknown codes and bad date ranges");
  check_->add_option("paths", paths_, "dyad dictionary files or folders (default: dyad's own)");
  stats_ = dict_->add_subcommand("stats", "count countries, organisations, people, agents, codes");
  stats_->add_option("paths", paths_, "dyad dictionary files or folders (default: dyad's own)");
  stats_->add_option("--json", json_, "write the counts as JSON to FILE ('-' = standard output)");
  convert_ = dict_->add_subcommand(
      "convert", "dyad format -> PETRARCH files (--to petrarch), or PETRARCH -> dyad (--to dyad)");
  convert_->add_option("--to", to_, "petrarch or dyad")->required();
  convert_->add_option("paths", paths_, "dyad dictionary files or folders (--to petrarch)");
  convert_->add_option("--verbs", verbs_, "PETRARCH verb dictionaries (--to dyad)");
  convert_->add_option("--actors", actors_, "PETRARCH actor dictionaries (--to dyad)");
  convert_->add_option("--agents", agents_, "PETRARCH agent dictionaries (--to dyad)");
  convert_
      ->add_option("-o,--output", output_,
                   "--to petrarch: folder for actors.txt, agents.txt, verbs.txt, "
                   "discards.txt; --to dyad: the .dyad file")
      ->required();
  import_iso_ = dict_->add_subcommand(
      "import-iso", "country blocks from Debian's iso-codes ISO 3166-1 JSON (run at build time)");
  import_iso_->add_option("iso_json", iso_json_, "iso_3166-1.json")->required();
  import_iso_->add_option("-o,--output", output_, "the .dyad file to write")->required();
  import_iso_->add_option(
      "--regions", regions_json_,
      "also write the subdivisions of iso_3166-2.json (provinces, states, ...)");
  import_iso_->add_option("--regions-output", regions_output_, "the .dyad file for --regions");
  import_iso_->add_option("--common-words", common_words_,
                          "word list (/usr/share/dict/words): region names that are lower-case "
                          "English words are left out");
  import_wikidata_ = dict_->add_subcommand(
      "import-wikidata",
      "person blocks with dated roles from a Wikidata JSON dump (P39 + P580/P582)");
  import_wikidata_->add_option("dump", dump_, "Wikidata JSON dump ('-' = standard input)")
      ->required();
  import_wikidata_->add_option(
      "--positions", position_paths_,
      "dyad files with the 'position' blocks to keep (default: dyad's own)");
  import_wikidata_->add_option("-o,--output", output_, "the .dyad file to write")->required();
}

bool DictCommand::chosen() const { return dict_ && dict_->parsed(); }

int DictCommand::run() {
  namespace fs = std::filesystem;
  if (check_->parsed()) return run_check(paths_);
  if (stats_->parsed()) return run_stats(paths_, json_);
  if (import_iso_->parsed()) {
    std::string error;
    std::ofstream out(output_);
    if (!out) {
      std::cerr << output_ << ": cannot write\n";
      return 1;
    }
    if (!write_iso_countries(iso_json_, out, &error)) {
      std::cerr << error << '\n';
      return 1;
    }
    if (regions_json_.empty()) return 0;
    if (regions_output_.empty()) {
      std::cerr << "dyad dict import-iso: expected --regions-output FILE with --regions\n";
      return 2;
    }
    std::set<std::string, std::less<>> common;
    if (!common_words_.empty()) {
      std::ifstream words(common_words_);
      if (!words) {
        std::cerr << common_words_ << ": cannot read\n";
        return 1;
      }
      for (std::string w; std::getline(words, w);) {
        if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') common.insert(w);
      }
    }
    std::ofstream regions(regions_output_);
    if (!regions) {
      std::cerr << regions_output_ << ": cannot write\n";
      return 1;
    }
    if (!write_iso_regions(iso_json_, regions_json_, common, regions, &error)) {
      std::cerr << error << '\n';
      return 1;
    }
    return 0;
  }
  if (import_wikidata_->parsed()) {
    DictionarySource source = read_all(position_paths_);
    if (source.positions.empty()) {
      std::cerr << "dyad dict import-wikidata: expected 'position' blocks in the dictionaries\n";
      return 2;
    }
    std::ifstream file;
    if (dump_ != "-") {
      file.open(dump_, std::ios::binary);
      if (!file) {
        std::cerr << dump_ << ": cannot read\n";
        return 1;
      }
    }
    std::ofstream out(output_);
    if (!out) {
      std::cerr << output_ << ": cannot write\n";
      return 1;
    }
    WikidataImport r =
        import_wikidata(dump_ == "-" ? std::cin : file, dump_, source.positions, out);
    for (const auto& e : r.errors) std::cerr << e.to_string() << '\n';
    std::cerr << fmt::format(
        "{}: {} entities read, {} people with {} roles written to {}, {} "
        "malformed lines skipped\n",
        dump_, r.entities, r.people, r.roles, output_, r.skipped);
    return 0;
  }
  if (convert_->parsed()) {
    if (to_ == "petrarch") {
      DictionarySource source = read_all(paths_);
      for (const auto& e : source.errors) std::cerr << e.to_string() << '\n';
      std::error_code ec;
      fs::create_directories(output_, ec);
      fs::path dir(output_);
      bool ok = write_file(dir / "actors.txt",
                           [&](std::ostream& o) { write_petrarch_actors(source, o); }) &&
                write_file(dir / "agents.txt",
                           [&](std::ostream& o) { write_petrarch_agents(source, o); }) &&
                write_file(dir / "verbs.txt",
                           [&](std::ostream& o) { write_petrarch_verbs(source, o); }) &&
                write_file(dir / "discards.txt",
                           [&](std::ostream& o) { write_petrarch_discards(source, o); });
      if (ok)
        std::cerr << "wrote actors.txt, agents.txt, verbs.txt, discards.txt to " << output_ << '\n';
      return ok ? 0 : 1;
    }
    if (to_ == "dyad") {
      DictionaryFiles files;
      files.verbs = verbs_;
      files.actors = actors_;
      files.agents = agents_;
      if (files.empty()) {
        std::cerr << "dyad dict convert --to dyad: expected --verbs, --actors or --agents files\n";
        return 2;
      }
      auto dict = load_dictionaries(files);
      for (const auto& e : dict->errors) std::cerr << e.to_string() << '\n';
      bool ok = write_file(output_, [&](std::ostream& o) {
        if (!actors_.empty()) write_dyad_actors(dict->actors, o);
        if (!agents_.empty()) write_dyad_agents(dict->agents, o);
        if (!verbs_.empty()) write_dyad_verbs(dict->verbs, o);
      });
      return ok ? 0 : 1;
    }
    std::cerr << "dyad dict convert: expected --to petrarch or --to dyad\n";
    return 2;
  }
  return 0;
}

}  // namespace dyad::cli
