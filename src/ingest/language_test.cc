#include "ingest/language.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(Language, IdentifiesEnglishAndRussian) {
  auto en = identify_language(
      "Armenia boycotted a meeting of the defence ministers of the Collective Security Treaty "
      "Organization in Almaty on Friday, the ministry said.");
  EXPECT_EQ(en.code, "en");
  auto ru = identify_language(
      "Армения не приняла участия во встрече министров обороны стран ОДКБ в Алматы в пятницу, "
      "сообщило министерство.");
  EXPECT_EQ(ru.code, "ru");
}

TEST(Language, ReportsInvalidUtf8AndEmptyText) {
  std::string bad = "Armenia boycotted \xff\xfe the meeting.";
  auto g = identify_language(bad);
  EXPECT_EQ(g.valid_utf8, 18u);
  EXPECT_EQ(identify_language("").code, "");
}

}  // namespace
}  // namespace dyad
