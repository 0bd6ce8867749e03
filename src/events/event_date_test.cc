#include "events/event_date.h"

#include <gtest/gtest.h>

#include <sstream>
#include <tuple>

#include "conllu/conllu.h"
#include "events/coder.h"

namespace dyad {
namespace {

// A sentence from (form, xpos, head, deprel) rows.
Sentence tree(const std::vector<std::tuple<std::string, std::string, int, std::string>>& rows,
              const std::string& comment = "") {
  std::string text = comment.empty() ? "" : comment + "\n";
  int id = 0;
  for (const auto& [form, xpos, head, rel] : rows) {
    std::string upos = xpos.starts_with("VB")   ? "VERB"
                       : xpos.starts_with("NN") ? (xpos.starts_with("NNP") ? "PROPN" : "NOUN")
                       : xpos == "CD"           ? "NUM"
                                                : "X";
    text += std::to_string(++id) + "\t" + form + "\t_\t" + upos + "\t" + xpos + "\t_\t" +
            std::to_string(head) + "\t" + rel + "\t_\t_\n";
  }
  auto s = parse_conllu(text, "t");
  return s.empty() ? Sentence{} : s.front();
}

TEST(EventDate, FindsWrittenDatesAndWhatTheyModify) {
  // "Putin said on August 29, 2014 ."
  Sentence s = tree({{"Putin", "NNP", 2, "nsubj"},
                     {"said", "VBD", 0, "root"},
                     {"on", "IN", 4, "case"},
                     {"August", "NNP", 2, "obl"},
                     {"29", "CD", 4, "nummod"},
                     {",", ",", 4, "punct"},
                     {"2014", "CD", 4, "nmod:tmod"},
                     {".", ".", 2, "punct"}});
  auto dates = find_dates(s, 20240531);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].value, 20140829);
  EXPECT_EQ(dates[0].precision, DatePrecision::kDay);
  EXPECT_EQ(dates[0].anchor, 2);
  EXPECT_TRUE(past_tense(s, 2));
}

TEST(EventDate, ResolvesAgainstTheStoryDate) {
  auto one = [](const std::vector<std::tuple<std::string, std::string, int, std::string>>& rows) {
    auto d = find_dates(tree(rows), 20240531);  // a Friday
    return d.empty() ? 0 : d.front().value;
  };
  // Days of the week: the latest one on or before the story date.
  EXPECT_EQ(one({{"on", "IN", 2, "case"}, {"Monday", "NNP", 0, "root"}}), 20240527);
  EXPECT_EQ(one({{"on", "IN", 2, "case"}, {"Friday", "NNP", 0, "root"}}), 20240531);
  EXPECT_EQ(one({{"yesterday", "NN", 0, "root"}}), 20240530);
  // A date without a year later in the year than the story is last year's.
  EXPECT_EQ(
      one({{"on", "IN", 2, "case"}, {"December", "NNP", 0, "root"}, {"3", "CD", 2, "nummod"}}),
      20231203);
  EXPECT_EQ(one({{"24", "CD", 2, "nummod"}, {"May", "NNP", 0, "root"}}), 20240524);
  EXPECT_EQ(
      one({{"in", "IN", 2, "case"}, {"March", "NNP", 0, "root"}, {"2019", "CD", 2, "nummod"}}),
      20190301);
  EXPECT_EQ(one({{"in", "IN", 2, "case"}, {"2014", "CD", 0, "root"}}), 20140101);
  EXPECT_EQ(one({{"2022-09-14", "CD", 0, "root"}}), 20220914);
  EXPECT_EQ(one({{"24.05.2024", "CD", 0, "root"}}), 20240524);
  // Not dates: the modal "may", a month alone without "in", a bare number,
  // an impossible day, an ambiguous slash date.
  EXPECT_EQ(one({{"Russia", "NNP", 2, "nsubj"}, {"May", "MD", 0, "root"}}), 0);
  EXPECT_EQ(one({{"March", "NNP", 0, "root"}}), 0);
  EXPECT_EQ(one({{"2014", "CD", 0, "root"}}), 0);
  EXPECT_EQ(
      one({{"February", "NNP", 0, "root"}, {"30", "CD", 1, "nummod"}, {"2023", "CD", 1, "nummod"}}),
      0);
  EXPECT_EQ(one({{"05/04/2024", "CD", 0, "root"}}), 0);
}

TEST(EventDate, TellsPastFromPresentAndFuture) {
  Sentence s = tree({{"Russia", "NNP", 3, "nsubj"},
                     {"will", "MD", 3, "aux"},
                     {"meet", "VB", 0, "root"},
                     {"Kazakhstan", "NNP", 3, "obj"}});
  EXPECT_FALSE(past_tense(s, 3));
  Sentence perfect = tree({{"Russia", "NNP", 3, "nsubj"},
                           {"has", "VBZ", 3, "aux"},
                           {"attacked", "VBN", 0, "root"},
                           {"Ukraine", "NNP", 3, "obj"}});
  EXPECT_TRUE(past_tense(perfect, 3));
  // "Armenia has not withdrawn": a present state, not a past deed.
  Sentence not_done = tree({{"Armenia", "NNP", 4, "nsubj"},
                            {"has", "VBZ", 4, "aux"},
                            {"not", "RB", 4, "advmod"},
                            {"withdrawn", "VBN", 0, "root"}});
  EXPECT_FALSE(past_tense(not_done, 4));
  Sentence present = tree({{"Russia", "NNP", 2, "nsubj"}, {"says", "VBZ", 0, "root"}});
  EXPECT_FALSE(past_tense(present, 2));
}

// The coder dates events by the text: in the sentence, then by an earlier
// past-tense main clause of the same paragraph; a new paragraph and
// present or future clauses keep the story date.
TEST(EventDate, CoderDatesEventsByTheTextAndTheParagraph) {
  Dictionaries dict;
  std::istringstream verbs("--- CRITICIZE [111] ---\nCRITICIZE {CRITICIZED CRITICIZES}\n");
  std::istringstream actors("RUSSIA_ [RUS]\nKAZAKHSTAN_ [KAZ]\n");
  dict.verbs.load(verbs, "verbs", dict.errors);
  dict.actors.load(actors, "actors", dict.errors);
  ASSERT_TRUE(dict.errors.empty());
  Coder coder(dict);
  Document doc;
  doc.id = "d";
  doc.date = "20240531";
  doc.sentences.push_back(tree({{"Russia", "NNP", 2, "nsubj"},
                                {"criticized", "VBD", 0, "root"},
                                {"Kazakhstan", "NNP", 2, "obj"},
                                {"on", "IN", 5, "case"},
                                {"Monday", "NNP", 2, "obl"}},
                               "# newpar"));
  doc.sentences.push_back(tree({{"Russia", "NNP", 2, "nsubj"},
                                {"criticized", "VBD", 0, "root"},
                                {"Kazakhstan", "NNP", 2, "obj"}}));
  doc.sentences.push_back(tree({{"Russia", "NNP", 2, "nsubj"},
                                {"criticizes", "VBZ", 0, "root"},
                                {"Kazakhstan", "NNP", 2, "obj"}}));
  doc.sentences.push_back(tree({{"Russia", "NNP", 2, "nsubj"},
                                {"criticized", "VBD", 0, "root"},
                                {"Kazakhstan", "NNP", 2, "obj"}},
                               "# newpar"));
  // A temporal phrase on the verb: "during the November 2023 talks".
  doc.sentences.push_back(tree({{"Russia", "NNP", 2, "nsubj"},
                                {"criticized", "VBD", 0, "root"},
                                {"Kazakhstan", "NNP", 2, "obj"},
                                {"during", "IN", 8, "case"},
                                {"the", "DT", 8, "det"},
                                {"November", "NNP", 8, "compound"},
                                {"2023", "CD", 8, "nummod"},
                                {"talks", "NNS", 2, "obl"}}));
  auto events = coder.code(doc);
  ASSERT_EQ(events.size(), 5u);
  EXPECT_EQ(events[4].date, "20231101");
  EXPECT_EQ(events[4].date_source, "text");
  EXPECT_EQ(events[4].date_precision, "month");
  EXPECT_EQ(events[0].date, "20240527");
  EXPECT_EQ(events[0].date_source, "text");
  EXPECT_EQ(events[0].story_date, "20240531");
  EXPECT_EQ(events[1].date, "20240527");
  EXPECT_EQ(events[1].date_source, "paragraph");
  EXPECT_EQ(events[2].date, "20240531");  // present tense: the story's date
  EXPECT_EQ(events[2].date_source, "story");
  EXPECT_EQ(events[3].date, "20240531");  // a new paragraph
  EXPECT_EQ(events[3].date_source, "story");
}

}  // namespace
}  // namespace dyad
