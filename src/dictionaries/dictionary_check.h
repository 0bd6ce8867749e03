// The linter for dyad's own dictionaries (`dyad dict check`) and their
// counts (`dyad dict stats`).
#pragma once

#include <string>
#include <vector>

#include "conllu/conllu.h"  // InputError
#include "dictionaries/dyad_format.h"

namespace dyad {

// Every problem of a set of dictionaries: what reading found, unknown codes,
// duplicate and conflicting entries, inverted or overlapping date ranges,
// two holders of a single-holder office at once, and one person holding two
// incompatible offices at once. Each names the file and line.
std::vector<InputError> check_dictionaries(const DictionarySource& source);

// Counts for docs/dictionaries.md and `dyad dict stats --json`.
struct DictionaryStats {
  int countries = 0;      // distinct country codes
  int organisations = 0;  // organisation blocks
  int people = 0;         // person blocks
  int roles = 0;          // dated roles of people
  int actors = 0;         // other actor blocks
  int names = 0;          // actor names, aliases included
  int regions = 0;        // place names coded as their state (region:), generated ones included
  int agents = 0;         // agent nouns (plurals not counted)
  int codes_covered = 0;  // CAMEO event codes with at least one pattern
  int codes_total = 0;    // CAMEO event codes in dyad's table (roots included)
  int patterns = 0;       // pattern lines (one per verb)
  int negations = 0;      // codes with an explicit negation
  int discards = 0;
  std::vector<std::string> codes_missing;  // CAMEO codes without a pattern
};

DictionaryStats dictionary_stats(const DictionarySource& source);

}  // namespace dyad
