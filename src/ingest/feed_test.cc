#include "ingest/feed.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(Feed, ReadsRssItems) {
  const char* rss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Steppe Wire</title><link>https://steppe.example/</link>
<item><title>Armenia skips CSTO meeting</title><link>https://steppe.example/a</link>
<pubDate>Fri, 31 May 2024 10:00:00 +0000</pubDate><guid>a-1</guid>
<description><![CDATA[<p>Armenia did not attend the meeting in Almaty.</p><p>Yerevan &amp; Moscow disagree.</p>]]></description>
</item>
<item><title>Second</title><link>https://steppe.example/b</link><description>Plain text item.</description></item>
</channel></rss>)";
  std::string error;
  auto items = articles_from_feed(rss, "feed.xml", &error);
  EXPECT_EQ(error, "");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].title, "Armenia skips CSTO meeting");
  EXPECT_EQ(items[0].url, "https://steppe.example/a");
  EXPECT_EQ(items[0].date, "2024-05-31");
  EXPECT_EQ(items[0].source, "Steppe Wire");
  EXPECT_EQ(items[0].id, "a-1");
  EXPECT_EQ(items[0].text,
            "Armenia did not attend the meeting in Almaty.\n\nYerevan & Moscow disagree.");
  EXPECT_EQ(items[1].text, "Plain text item.");
  EXPECT_EQ(items[1].id, "https://steppe.example/b");
}

TEST(Feed, ReadsAtomEntries) {
  const char* atom = R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>Caucasus Daily</title>
<entry><title>Talks</title><link href="https://cd.example/t"/><id>urn:t</id>
<published>2024-06-02T08:00:00Z</published><content type="html">&lt;p&gt;Baku and Yerevan held talks.&lt;/p&gt;</content></entry>
</feed>)";
  std::string error;
  auto items = articles_from_feed(atom, "atom.xml", &error);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].url, "https://cd.example/t");
  EXPECT_EQ(items[0].date, "2024-06-02");
  EXPECT_EQ(items[0].text, "Baku and Yerevan held talks.");
  EXPECT_EQ(items[0].source, "Caucasus Daily");
}

TEST(Feed, NotAFeedIsReportedClearly) {
  std::string error;
  EXPECT_TRUE(articles_from_feed("<html><body>x</body></html>", "page.xml", &error).empty());
  EXPECT_NE(error.find("expected an <rss> or Atom <feed> document"), std::string::npos) << error;
  error.clear();
  EXPECT_TRUE(articles_from_feed("\xff\xfe garbage", "bad.xml", &error).empty());
  EXPECT_FALSE(error.empty());
}

}  // namespace
}  // namespace dyad
