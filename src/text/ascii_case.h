// ASCII case folding for matching words: dictionaries are matched in upper
// case, models and markup (HTML tags, WARC headers, file extensions) in
// lower case. Bytes outside A-Z / a-z, UTF-8 included, are left as they are.
#pragma once

#include <string>
#include <string_view>

namespace dyad {

std::string to_lower_ascii(std::string_view s);
std::string to_upper_ascii(std::string_view s);

}  // namespace dyad
