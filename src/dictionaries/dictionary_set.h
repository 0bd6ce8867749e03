// Which dictionary files make up a coding setup, and loading them all at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dictionaries/dictionaries.h"

namespace dyad {

// Paths of the files of one dictionary set.
struct DictionaryFiles {
  std::vector<std::string> verbs;
  std::vector<std::string> actors;
  std::vector<std::string> agents;
  std::vector<std::string> discards;
  std::vector<std::string> issues;
  std::string ontology;  // PETRARCH internal coding ontology, optional
  bool empty() const { return verbs.empty() && actors.empty() && agents.empty(); }
};

// Loads every file; problems are collected in Dictionaries::errors.
std::unique_ptr<Dictionaries> load_dictionaries(const DictionaryFiles& files);

// The dictionaries a validation suite's gold was written against: reads
// suites.json beside the suite file and resolves the names it gives
// relative to ../dictionaries/ from that folder. Empty when not listed.
DictionaryFiles suite_dictionaries(const std::string& suite_path, std::string* error);

}  // namespace dyad
