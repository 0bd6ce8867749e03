// Calendar dates written in a sentence ("on August 29, 2014", "in March
// 2019", "on Monday", "yesterday", "2024-05-24"), resolved against the
// story date, each with the word it modifies, so that an event is dated
// when it happened rather than when it was reported.
#pragma once

#include <string>
#include <vector>

#include "document/document.h"

namespace dyad {

enum class DatePrecision { kDay, kMonth, kYear };

struct TextDate {
  int value = 0;  // YYYYMMDD; the first day of the month or year when less precise
  DatePrecision precision = DatePrecision::kDay;
  int first = 0, last = 0;  // the expression's words (1-based ids)
  int anchor = 0;           // the word the expression modifies (0 = none)
};

// Dates written in `sentence`, resolved against `story_date` (YYYYMMDD as a
// number). Days of the week and dates without a year are taken as the most
// recent ones on or before the story date; "yesterday" is the day before.
// Nothing is returned when the story date is unknown (0) and a date would
// need it.
std::vector<TextDate> find_dates(const Sentence& sentence, int story_date);

// Does `verb` speak of the past ("attacked", "has attacked", "was
// attacked", "had met")?
bool past_tense(const Sentence& sentence, int verb);

// "day", "month" or "year".
const char* precision_name(DatePrecision p);

// YYYYMMDD text of a date value ("20140829").
std::string date_text(int value);

}  // namespace dyad
