// The article in a news web page: the main text kept (paragraphs of the
// article body), boilerplate removed (navigation, share buttons, comment
// forms and "Leave a Reply", author bios, related links), and the metadata
// the page states (title, date, outlet, canonical URL).
#pragma once

#include <string>
#include <string_view>

#include "ingest/article.h"

namespace dyad {

// Parses the page (any HTML, broken or not; invalid UTF-8 is tolerated).
// The article's id is left empty for the caller; origin is as given.
Article article_from_html(std::string_view html, const std::string& origin);

}  // namespace dyad
