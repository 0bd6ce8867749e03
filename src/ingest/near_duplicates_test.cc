#include "ingest/near_duplicates.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(NearDuplicates, WireCopiesAreFoundAndOtherStoriesAreNot) {
  std::string wire =
      "Armenia did not take part in a meeting of CSTO defence ministers in Almaty on Friday, the "
      "Armenian defence ministry said, adding that Yerevan had frozen its participation in the "
      "alliance earlier this year.";
  std::string copy =
      "ALMATY (Steppe Wire) - Armenia did not take part in a meeting of CSTO defence ministers in "
      "Almaty on Friday, the Armenian defence ministry said, adding that Yerevan had frozen its "
      "participation in the alliance this year.";
  std::string other =
      "Kazakh President Kassym-Jomart Tokayev met Chinese leader Xi Jinping in Astana to discuss "
      "trade, transit corridors and energy projects along the Caspian coast.";
  EXPECT_GT(similarity(minhash(wire), minhash(copy)), 0.6);
  EXPECT_LT(similarity(minhash(wire), minhash(other)), 0.2);
  NearDuplicateIndex index;
  index.add("wire", minhash(wire));
  index.add("other", minhash(other));
  EXPECT_EQ(index.find(minhash(copy), 0.6), "wire");
  EXPECT_EQ(
      index.find(minhash("A completely different text about the weather in Minsk today."), 0.6),
      "");
  EXPECT_EQ(similarity(minhash("Same words."), minhash("same, words")), 1.0);
}

}  // namespace
}  // namespace dyad
