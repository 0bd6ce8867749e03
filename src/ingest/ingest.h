// Reading articles from what analysts have: folders of .txt files, JSON
// Lines (id, date, source, url, title, text) and HTML pages. Each article
// is handed over as it is read (constant memory); every input is accounted
// for: unreadable records are reported as file:line and passed on as
// failed articles so the run can record them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "conllu/conllu.h"  // InputError
#include "ingest/article.h"

namespace dyad {

// One input item: an article, or a record that could not be read (then
// `error` says why and the article holds what could be recovered).
struct IngestItem {
  Article article;
  std::string error;  // "" when the article was read
  std::string raw;    // for failed records: the raw bytes, so they can be hashed
};

// Reads every input path (files, or folders walked recursively in name
// order) and calls `take` for each item. Files of other kinds are reported
// in `ignored`.
void read_inputs(const std::vector<std::string>& paths, const std::function<void(IngestItem)>& take,
                 std::vector<std::string>& ignored);

// Counts the items read_inputs would give (articles and failed records), for
// progress estimates; cheap (lines of JSON Lines files, one per other file).
std::size_t count_inputs(const std::vector<std::string>& paths);

// "2024-05-30", "20240530", "2024-05-30T10:00:00Z", "30 May 2024"... ->
// "2024-05-30"; "" when not recognised.
std::string normalise_date(std::string_view text);

// The host of a URL without "www." ("https://www.focus.ua/x" -> "focus.ua"),
// the outlet when a page or feed names none; "" when there is none.
std::string url_host(std::string_view url);

// Replaces invalid UTF-8 sequences by U+FFFD; returns how many were replaced.
std::size_t repair_utf8(std::string& text);

}  // namespace dyad
