// RSS 2.0 and Atom feeds: each item or entry becomes an article (title,
// link, publication date, outlet from the channel, text from the content
// or description with its markup removed). Parsed with libxml2.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/article.h"

namespace dyad {

// The articles of a feed; `error` is set (and the articles read so far
// returned) when the document is not a feed or not well-formed XML.
std::vector<Article> articles_from_feed(std::string_view xml, const std::string& origin,
                                        std::string* error);

}  // namespace dyad
