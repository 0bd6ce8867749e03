#include "ingest/language.h"

#include <cld2/internal/lang_script.h>
#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <climits>

namespace dyad {

LanguageGuess identify_language(std::string_view text) {
  LanguageGuess g;
  // CLD2 needs no more than the first few kilobytes to decide.
  int n = static_cast<int>(std::min<std::size_t>(text.size(), 64 * 1024));
  bool reliable = false;
  int valid = 0;
  CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(text.data(), n, true, &reliable, &valid);
  g.valid_utf8 = static_cast<std::size_t>(valid);
  g.reliable = reliable;
  // CLD2 answers English when it cannot tell: only a reliable guess counts.
  if (lang != CLD2::UNKNOWN_LANGUAGE && reliable) g.code = CLD2::LanguageCode(lang);
  if (g.code == "un") g.code.clear();
  return g;
}

}  // namespace dyad
