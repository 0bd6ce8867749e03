// Office-holders from a Wikidata JSON dump (`dyad dict import-wikidata`):
// "position held" (P39) statements with start (P580) and end (P582)
// qualifiers, filtered to the positions dyad codes, written as person blocks
// of the dyad dictionary format.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "conllu/conllu.h"  // InputError
#include "dictionaries/dyad_format.h"

namespace dyad {

struct WikidataImport {
  std::size_t entities = 0;  // entities read
  std::size_t people = 0;    // person blocks written
  std::size_t roles = 0;     // role lines written
  std::size_t skipped = 0;   // malformed lines skipped
  std::vector<InputError> errors;
};

// Reads a dump (a JSON array with one entity per line, as Wikidata writes
// it; a file of one entity per line also works) and writes a person block
// for every entity holding one of `positions`.
WikidataImport import_wikidata(std::istream& dump, const std::string& name,
                               const std::vector<PositionBlock>& positions, std::ostream& out);

}  // namespace dyad
