// Training-data variants for constructions of wire news that the treebank
// rarely shows: a time phrase between the subject and the verb ("Israel on
// Wednesday released ...", one sentence in GUM's training split).
#pragma once

#include <vector>

#include "document/document.h"

namespace dyad {

// For every third sentence whose root verb directly follows a nominal
// subject, a copy with "on <weekday>" (an oblique of the verb) between the
// two. Deterministic; the input is not changed.
std::vector<Sentence> news_variants(const std::vector<Sentence>& gold);

}  // namespace dyad
