// An article as ingested from any source (text file, JSON Lines, HTML page,
// WARC record, feed item): its text and what is known about where it came from.
#pragma once

#include <string>

namespace dyad {

struct Article {
  std::string id;      // stable id: given by the source, else derived from the file name
  std::string date;    // publication date YYYY-MM-DD ("" when unknown)
  std::string source;  // the outlet ("focus.ua"), "" when unknown
  std::string url;
  std::string title;
  std::string text;    // the article's text, paragraphs separated by blank lines
  std::string origin;  // where it was read: "file" or "file:line"
};

}  // namespace dyad
