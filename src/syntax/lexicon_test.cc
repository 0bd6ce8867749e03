#include "syntax/lexicon.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "conllu/conllu.h"
#include "syntax/lemmatizer.h"
#include "syntax/tagger.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

// A WordNet-shaped folder with a handful of entries, written by the test.
fs::path sample_wordnet(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto write = [&](const char* file, const char* text) { std::ofstream(dir / file) << text; };
  write("index.noun",
        "  1 This software and database is being provided to you, the LICENSEE\n"
        "link n 2 1 @ 2 0 01 02\nwire n 1 1 @ 1 0 03\nclash n 1 0 1 0 04\n"
        "human_rights n 1 0 1 0 05\nbox n 1 0 1 0 06\n");
  write("index.verb",
        "link v 1 0 1 0 07\nagree v 1 0 1 0 08\nrise v 1 0 1 0 09\n"
        "clash v 1 0 1 0 10\nwire v 1 0 1 0 11\n");
  write("index.adj", "golden a 1 0 1 0 12\nlate a 1 0 1 0 13\n");
  write("index.adv", "unexpectedly r 1 0 1 0 14\n");
  write("noun.exc", "mice mouse\n");
  write("verb.exc", "risen rise\nrose rise\n");
  write("adj.exc", "\nlonely\n");
  return dir;
}

TEST(WordClassLexicon, ClassesOfLemmasAndInflections) {
  WordClassLexicon lexicon;
  EXPECT_EQ(lexicon.classes("agree"), 0);  // nothing read yet
  const fs::path dir = sample_wordnet("dyad_lexicon_classes");
  EXPECT_EQ(lexicon.read_wordnet(dir.string()), dir.string() + "/adj.exc:2: expected 'form lemma'");
  using L = WordClassLexicon;
  EXPECT_EQ(lexicon.classes("agree"), L::kVerb);
  EXPECT_EQ(lexicon.classes("links"), L::kInflectedNoun | L::kInflectedVerb);
  EXPECT_EQ(lexicon.classes("link"), L::kNoun | L::kVerb);
  EXPECT_EQ(lexicon.classes("risen"), L::kInflectedVerb);       // an exception
  EXPECT_EQ(lexicon.classes("agreed"), L::kInflectedVerb);      // -ed -> -e
  EXPECT_EQ(lexicon.classes("wiring"), L::kInflectedVerb);      // -ing -> -e
  EXPECT_EQ(lexicon.classes("boxes"), L::kInflectedNoun);       // -xes -> -x
  EXPECT_EQ(lexicon.classes("later"), L::kInflectedAdjective);  // -er -> -e
  EXPECT_EQ(lexicon.classes("unexpectedly"), L::kAdverb);
  EXPECT_EQ(lexicon.classes("human_rights"), 0);  // multi-word entries are left out
  EXPECT_EQ(lexicon.irregular_lemma("rose", L::kInflectedVerb), "rise");
  EXPECT_EQ(lexicon.irregular_lemma("rose", L::kInflectedNoun), "");
  EXPECT_EQ(lexicon.irregular_lemma("mice", L::kInflectedNoun), "mouse");
  EXPECT_EQ(lexicon.regular_lemma("agreed", L::kInflectedVerb), "agree");
  EXPECT_EQ(lexicon.regular_lemma("boxes", L::kInflectedNoun), "box");
  EXPECT_EQ(lexicon.regular_lemma("boxes", L::kInflectedVerb), "");
  EXPECT_EQ(lexicon.regular_lemma("linkes", L::kInflectedVerb), "");  // -es after no sibilant
  // Word classes follow WordNet's own rules, which allow it (the committed
  // tagger was trained so).
  EXPECT_EQ(lexicon.classes("linkes"), L::kInflectedVerb);
  EXPECT_EQ(lexicon.classes("s"), 0);
  EXPECT_EQ(lexicon.classes(""), 0);
  std::stringstream buffer;
  lexicon.save(buffer);
  WordClassLexicon copy;
  ASSERT_TRUE(copy.load(buffer));
  EXPECT_EQ(copy.size(), lexicon.size());
  EXPECT_EQ(copy.classes("links"), lexicon.classes("links"));
  EXPECT_EQ(copy.irregular_lemma("risen", L::kInflectedVerb), "rise");
  std::istringstream cut(buffer.str().substr(0, 10));
  EXPECT_FALSE(copy.load(cut));
  EXPECT_EQ(copy.classes("links"), lexicon.classes("links"));  // a failed load changes nothing
  fs::remove_all(dir);
}

TEST(WordClassLexicon, MissingFolderIsReported) {
  WordClassLexicon lexicon;
  EXPECT_EQ(lexicon.read_wordnet("/nonexistent/wordnet"),
            "/nonexistent/wordnet/index.noun: cannot read");
  EXPECT_TRUE(lexicon.empty());
}

// The tagger keeps its lexicon in the model file and reads it back.
TEST(WordClassLexicon, TravelsInsideTheTaggerModel) {
  const fs::path dir = sample_wordnet("dyad_lexicon_tagger");
  WordClassLexicon lexicon;
  lexicon.read_wordnet(dir.string());
  std::string text;
  for (int i = 0; i < 10; ++i) {
    text +=
        "1\tThey\t_\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tlink\t_\tVERB\tVBP\t_\t0\troot\t_\t_\n"
        "3\tthe\t_\tDET\tDT\t_\t4\tdet\t_\t_\n4\twire\t_\tNOUN\tNN\t_\t2\tobj\t_\t_\n\n";
  }
  Tagger a = Tagger::train(parse_conllu(text, "t"), 3, "meta", lexicon);
  std::stringstream buffer;
  a.save(buffer);
  EXPECT_EQ(buffer.str().substr(0, 8), "DYADTAG4");
  Tagger b;
  ASSERT_EQ(b.load(buffer), "");
  EXPECT_EQ(b.lexicon().classes("agree"), WordClassLexicon::kVerb);
  // A model cut inside its lexicon is refused with what was expected.
  const std::string bytes = buffer.str();
  const std::size_t cut_at = bytes.find("agree");
  ASSERT_NE(cut_at, std::string::npos);
  std::istringstream cut(bytes.substr(0, cut_at + 2));
  Tagger c;
  EXPECT_EQ(c.load(cut), "expected the tagger's word-class lexicon");
  fs::remove_all(dir);
}

// The lemmatizer takes irregular lemmas of forms training never saw from
// the lexicon's exception lists.
TEST(WordClassLexicon, GivesTheLemmatizerIrregularLemmas) {
  const fs::path dir = sample_wordnet("dyad_lexicon_lemmas");
  WordClassLexicon lexicon;
  lexicon.read_wordnet(dir.string());
  const std::string train =
      "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
      "2\tlinked\tlink\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\twires\twire\tNOUN\tNNS\t_\t2\tobj\t_\t_\n\n";
  Lemmatizer lemmatizer = Lemmatizer::train(parse_conllu(train, "t"), "meta");
  auto s = parse_conllu(
      "1\tPrices\t_\tNOUN\tNNS\t_\t_\t_\t_\t_\n2\trose\t_\tVERB\tVBD\t_\t_\t_\t_\t_\n", "s");
  ASSERT_EQ(s.size(), 1u);
  lemmatizer.lemmatize(s[0]);
  EXPECT_NE(s[0].token(2).lemma, "rise");
  lemmatizer.lemmatize(s[0], &lexicon);
  EXPECT_EQ(s[0].token(2).lemma, "rise");
  EXPECT_EQ(s[0].token(1).lemma, "price");  // no WordNet entry: the learned rule stands
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad
