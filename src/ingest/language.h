// Language identification of ingested articles (Debian's CLD2): texts in
// languages without a model are stored and counted, not coded.
#pragma once

#include <string>
#include <string_view>

namespace dyad {

struct LanguageGuess {
  std::string code;            // ISO 639-1 ("en", "ru"); "" when unknown
  bool reliable = false;       // CLD2's own judgement
  std::size_t valid_utf8 = 0;  // bytes of valid UTF-8 before the first invalid byte
};

LanguageGuess identify_language(std::string_view text);

}  // namespace dyad
