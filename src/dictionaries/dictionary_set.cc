#include "dictionaries/dictionary_set.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace dyad {

std::unique_ptr<Dictionaries> load_dictionaries(const DictionaryFiles& files) {
  auto d = std::make_unique<Dictionaries>();
  d->petrarch_conventions = true;
  for (const auto& p : files.verbs) d->verbs.load(p, d->errors);
  for (const auto& p : files.actors) d->actors.load(p, d->errors);
  for (const auto& p : files.agents) d->agents.load(p, d->errors);
  for (const auto& p : files.discards) d->discards.load(p, d->errors);
  for (const auto& p : files.issues) d->issues.load(p, d->errors);
  if (!files.ontology.empty()) d->ontology.load(files.ontology, d->errors);
  return d;
}

DictionaryFiles suite_dictionaries(const std::string& suite_path, std::string* error) {
  namespace fs = std::filesystem;
  DictionaryFiles files;
  fs::path suite(suite_path);
  fs::path dir = suite.parent_path();
  if (dir.empty()) dir = ".";
  fs::path index = dir / "suites.json";
  std::ifstream in(index);
  if (!in) {
    if (error) *error = index.string() + ": expected a suites.json beside the suite";
    return files;
  }
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    if (error) *error = index.string() + ":1: expected a JSON object";
    return files;
  }
  std::string name = suite.stem().string();
  const nlohmann::json* entry = nullptr;
  for (const auto& [key, value] : j.items()) {
    if (key == name ||
        (value.is_object() && value.value("file", "") == suite.filename().string())) {
      entry = &value;
      break;
    }
  }
  if (!entry) {
    if (error) *error = index.string() + ": expected an entry for suite '" + name + "'";
    return files;
  }
  fs::path base = dir / ".." / "dictionaries";
  auto paths = [&](const char* key) {
    std::vector<std::string> out;
    if (entry->contains(key) && (*entry)[key].is_array()) {
      for (const auto& p : (*entry)[key])
        out.push_back((base / p.get<std::string>()).lexically_normal().string());
    }
    return out;
  };
  files.verbs = paths("verbs");
  files.actors = paths("actors");
  files.agents = paths("agents");
  files.discards = paths("discards");
  files.issues = paths("issues");
  if (entry->contains("pico") && (*entry)["pico"].is_string()) {
    files.ontology = (base / (*entry)["pico"].get<std::string>()).lexically_normal().string();
  }
  return files;
}

}  // namespace dyad
