#include "syntax/parser.h"

#include <gtest/gtest.h>

#include <sstream>

#include "conllu/conllu.h"

namespace dyad {
namespace {

std::vector<Sentence> corpus() {
  std::string text;
  for (int i = 0; i < 30; ++i) {
    text +=
        "1\tRussia\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tcriticized\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tthe\t_\tDET\tDT\t_\t4\tdet\t_\t_\n"
        "4\tsanctions\t_\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
        "5\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
  }
  return parse_conllu(text, "corpus");
}

TEST(Parser, LearnsATreeAndIsDeterministic) {
  auto train = corpus();
  // Thirty copies of one sentence: every feature is updated only a few
  // times, so none is pruned.
  Parser a = Parser::train(train, 5, "unit", 1);
  Parser b = Parser::train(train, 5, "unit", 1);
  std::ostringstream sa, sb;
  a.save(sa);
  b.save(sb);
  EXPECT_EQ(sa.str(), sb.str());
  auto s = parse_conllu(
      "1\tArmenia\t_\tPROPN\tNNP\t_\t_\t_\t_\t_\n2\tcriticized\t_\tVERB\tVBD\t_\t_\t_\t_\t_\n"
      "3\tthe\t_\tDET\tDT\t_\t_\t_\t_\t_\n4\talliance\t_\tNOUN\tNN\t_\t_\t_\t_\t_\n"
      "5\t.\t_\tPUNCT\t.\t_\t_\t_\t_\t_\n",
      "new");
  ASSERT_EQ(s.size(), 1u);
  a.parse(s[0]);
  EXPECT_EQ(s[0].token(1).head, 2);
  EXPECT_EQ(s[0].token(1).deprel, "nsubj");
  EXPECT_EQ(s[0].token(2).head, 0);
  EXPECT_EQ(s[0].token(4).head, 2);
  EXPECT_EQ(s[0].token(4).deprel, "obj");
  EXPECT_EQ(s[0].child(2, Relation::kObj), 4);  // the tree index is rebuilt
}

// Both layouts of the artificial root (opening the stack, the default; or
// ending the buffer) learn the tree, save with their own version and load
// back; punctuation is never made a head.
TEST(Parser, BothRootLayoutsLearnSaveAndLoad) {
  for (bool root_last : {true, false}) {
    Parser trained = Parser::train(corpus(), 5, "unit", 1, root_last);
    std::stringstream buffer;
    trained.save(buffer);
    EXPECT_EQ(buffer.str().substr(0, 8), root_last ? "DYADPRS4" : "DYADPRS3");
    Parser p;
    ASSERT_EQ(p.load(buffer), "");
    auto s = parse_conllu(
        "1\tArmenia\t_\tPROPN\tNNP\t_\t_\t_\t_\t_\n2\tcriticized\t_\tVERB\tVBD\t_\t_\t_\t_\t_\n"
        "3\tthe\t_\tDET\tDT\t_\t_\t_\t_\t_\n4\talliance\t_\tNOUN\tNN\t_\t_\t_\t_\t_\n"
        "5\t.\t_\tPUNCT\t.\t_\t_\t_\t_\t_\n6\t!\t_\tPUNCT\t.\t_\t_\t_\t_\t_\n",
        "new");
    ASSERT_EQ(s.size(), 1u);
    p.parse(s[0]);
    EXPECT_EQ(s[0].token(1).head, 2) << root_last;
    EXPECT_EQ(s[0].token(2).head, 0) << root_last;
    EXPECT_EQ(s[0].token(2).deprel, "root") << root_last;
    EXPECT_EQ(s[0].token(4).head, 2) << root_last;
    int roots = 0;
    for (const Token& t : s[0].tokens) {
      roots += t.head == 0;
      if (t.head != 0) {
        EXPECT_NE(s[0].token(t.head).upos, "PUNCT") << t.form;
      }
    }
    EXPECT_EQ(roots, 1) << root_last;
  }
  // A sentence of punctuation alone still gets one root and no cycle.
  for (bool root_last : {true, false}) {
    Parser p = Parser::train(corpus(), 2, "unit", 1, root_last);
    auto marks = parse_conllu(
        "1\t...\t_\tPUNCT\t:\t_\t_\t_\t_\t_\n2\t!\t_\tPUNCT\t.\t_\t_\t_\t_\t_\n", "marks");
    ASSERT_EQ(marks.size(), 1u);
    p.parse(marks[0]);
    const int h1 = marks[0].token(1).head, h2 = marks[0].token(2).head;
    EXPECT_TRUE((h1 == 0 && h2 == 1) || (h1 == 2 && h2 == 0)) << h1 << " " << h2;
  }
}

TEST(Parser, SavesLoadsAndRejectsJunk) {
  Parser a = Parser::train(corpus(), 2, "meta");
  std::stringstream buffer;
  a.save(buffer);
  Parser b;
  EXPECT_EQ(b.load(buffer), "");
  EXPECT_EQ(b.metadata(), "meta");
  std::istringstream junk("DYADTAG1 is not a parser");
  EXPECT_NE(b.load(junk).find("expected a dyad parser model"), std::string::npos);
  std::ostringstream out;
  a.save(out);
  std::istringstream cut(out.str().substr(0, out.str().size() - 7));
  EXPECT_NE(b.load(cut).find("expected"), std::string::npos);
}

// A tiny treebank of three sentences, each repeated, for the beam.
std::vector<Sentence> treebank() {
  std::string text;
  for (int i = 0; i < 10; ++i) {
    text +=
        "1\tRussia\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tcriticized\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tthe\t_\tDET\tDT\t_\t4\tdet\t_\t_\n"
        "4\tsanctions\t_\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
        "5\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
        "1\tThe\t_\tDET\tDT\t_\t2\tdet\t_\t_\n"
        "2\tministers\t_\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
        "3\tmet\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "4\tin\t_\tADP\tIN\t_\t5\tcase\t_\t_\n"
        "5\tParis\t_\tPROPN\tNNP\t_\t3\tobl\t_\t_\n"
        "6\ton\t_\tADP\tIN\t_\t7\tcase\t_\t_\n"
        "7\tMonday\t_\tPROPN\tNNP\t_\t3\tobl:tmod\t_\t_\n"
        "8\t.\t_\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
        "1\tIsrael\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tsaid\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tit\t_\tPRON\tPRP\t_\t5\tnsubj\t_\t_\n"
        "4\twould\t_\tAUX\tMD\t_\t5\taux\t_\t_\n"
        "5\trelease\t_\tVERB\tVB\t_\t2\tccomp\t_\t_\n"
        "6\tthe\t_\tDET\tDT\t_\t7\tdet\t_\t_\n"
        "7\tprisoners\t_\tNOUN\tNNS\t_\t5\tobj\t_\t_\n"
        "8\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
  }
  return parse_conllu(text, "treebank");
}

// A beam-trained parser parses its training sentences right, saves as a
// beam model (DYADPRS5) with its width, and loads back to parse the same.
TEST(Parser, BeamLearnsItsTreebankAndRecordsItsWidth) {
  const auto gold = treebank();
  Parser trained = Parser::train(gold, 8, "beam", 1, false, 4);
  EXPECT_EQ(trained.beam(), 4);
  std::stringstream buffer;
  trained.save(buffer);
  EXPECT_EQ(buffer.str().substr(0, 8), "DYADPRS5");
  Parser loaded;
  ASSERT_EQ(loaded.load(buffer), "");
  EXPECT_EQ(loaded.beam(), 4);
  EXPECT_EQ(loaded.metadata(), "beam");
  for (const Parser* p : {&trained, &loaded}) {
    for (std::size_t i = 0; i < 3; ++i) {
      Sentence s = gold[i];
      for (Token& t : s.tokens) {
        t.head = -1;
        t.deprel.clear();
      }
      p->parse(s);
      for (int w = 1; w <= static_cast<int>(s.size()); ++w) {
        EXPECT_EQ(s.token(w).head, gold[i].token(w).head) << i << " " << s.token(w).form;
        EXPECT_EQ(s.token(w).deprel, gold[i].token(w).deprel) << i << " " << s.token(w).form;
      }
    }
  }
  // The same data give the same model.
  std::stringstream again;
  Parser::train(gold, 8, "beam", 1, false, 4).save(again);
  EXPECT_EQ(again.str(), buffer.str());
}

// A greedy model (beam 1) keeps its format (DYADPRS3) and saves, loads and
// saves again to the same bytes.
TEST(Parser, GreedyModelRoundTripsUnchanged) {
  Parser trained = Parser::train(treebank(), 3, "greedy", 1);
  EXPECT_EQ(trained.beam(), 1);
  std::stringstream first;
  trained.save(first);
  const std::string bytes = first.str();
  EXPECT_EQ(bytes.substr(0, 8), "DYADPRS3");
  Parser loaded;
  ASSERT_EQ(loaded.load(first), "");
  EXPECT_EQ(loaded.beam(), 1);
  std::ostringstream second;
  loaded.save(second);
  EXPECT_EQ(second.str(), bytes);
}

// "The United States on Thursday fired shells ." parsed with the noun as
// root and the verb as its `dep`: the verb becomes the root, the noun its
// subject, the time phrase an oblique of the verb.
TEST(Parser, FiniteVerbUnderANounRootBecomesTheRoot) {
  auto sentences = parse_conllu(
      "1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_\n"
      "2\tUnited\tUnited\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n"
      "3\tStates\tStates\tPROPN\tNNPS\t_\t0\troot\t_\t_\n"
      "4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tThursday\tThursday\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n"
      "6\tfired\tfire\tVERB\tVBD\t_\t3\tdep\t_\t_\n"
      "7\tshells\tshell\tNOUN\tNNS\t_\t6\tobj\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n",
      "t");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::reroot_finite_verb(s);
  EXPECT_EQ(s.token(6).head, 0);
  EXPECT_EQ(s.token(6).deprel, "root");
  EXPECT_EQ(s.token(3).head, 6);
  EXPECT_EQ(s.token(3).deprel, "nsubj");
  EXPECT_EQ(s.token(5).head, 6);
  EXPECT_EQ(s.token(5).deprel, "obl");
  EXPECT_EQ(s.token(8).head, 6);
  EXPECT_EQ(s.build_tree(), "");
  // "Mordor welcomed talks , the agency said": the reporting verb under the
  // noun governs the clause; the clause's verb becomes the root.
  auto reported = parse_conllu(
      "1\tMordor\tMordor\tPROPN\tNNP\t_\t0\troot\t_\t_\n"
      "2\twelcomed\twelcome\tVERB\tVBD\t_\t6\tccomp\t_\t_\n"
      "3\ttalks\ttalk\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "4\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_\n"
      "5\tagency\tagency\tNOUN\tNN\t_\t6\tnsubj\t_\t_\n"
      "6\tsaid\tsay\tVERB\tVBD\t_\t1\tdep\t_\t_\n\n",
      "r");
  ASSERT_EQ(reported.size(), 1u);
  Sentence r = reported[0];
  Parser::reroot_finite_verb(r);
  EXPECT_EQ(r.token(2).head, 0);
  EXPECT_EQ(r.token(1).head, 2);
  EXPECT_EQ(r.token(1).deprel, "nsubj");
  EXPECT_EQ(r.token(6).head, 2);
  EXPECT_EQ(r.token(6).deprel, "parataxis");
  EXPECT_EQ(r.build_tree(), "");
  // "The US , Russia , and Georgia met ." with the last conjunct as the
  // verb's subject: the coordination is rebuilt under the noun.
  auto split = parse_conllu(
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tUS\tUS\tPROPN\tNNP\t_\t0\troot\t_\t_\n"
      "3\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\t_\n"
      "4\tRussia\tRussia\tPROPN\tNNP\t_\t2\tappos\t_\t_\n"
      "5\t,\t,\tPUNCT\t,\t_\t8\tpunct\t_\t_\n"
      "6\tand\tand\tCCONJ\tCC\t_\t8\tcc\t_\t_\n"
      "7\tGeorgia\tGeorgia\tPROPN\tNNP\t_\t8\tnsubj\t_\t_\n"
      "8\tmet\tmeet\tVERB\tVBD\t_\t2\tdep\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_\n\n",
      "c");
  Sentence c = split[0];
  Parser::reroot_finite_verb(c);
  EXPECT_EQ(c.token(8).head, 0);
  EXPECT_EQ(c.token(2).head, 8);
  EXPECT_EQ(c.token(2).deprel, "nsubj");
  EXPECT_EQ(c.token(4).deprel, "conj");
  EXPECT_EQ(c.token(7).head, 2);
  EXPECT_EQ(c.token(7).deprel, "conj");
  EXPECT_EQ(c.token(6).head, 7);
  EXPECT_EQ(c.build_tree(), "");
  // A verb that has a subject of its own is left where it is.
  Sentence t = sentences[0];
  t.tokens[6].deprel = "nsubj";  // "shells" as the verb's subject
  Parser::reroot_finite_verb(t);
  EXPECT_EQ(t.token(3).head, 0);
}

// "A report released in Kigali alleged that ...", parsed with "released" as
// the main verb: "alleged" becomes the root, "report" its subject, and
// "released" a clause of "report". A first verb with an object of its own
// "civilians were released yesterday by Putin", parsed with "were" a
// copula of "yesterday" and "released" its adjective: "were" is the
// passive auxiliary of "released", which takes the place of "yesterday".
TEST(Parser, BeBeforeAParticipleIsThePassiveAuxiliary) {
  auto sentences = parse_conllu(
      "1\tcivilians\tcivilian\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n"
      "2\twere\tbe\tAUX\tVBD\t_\t4\tcop\t_\t_\n"
      "3\treleased\trelease\tVERB\tVBN\t_\t4\tamod\t_\t_\n"
      "4\tyesterday\tyesterday\tNOUN\tNN\t_\t0\troot\t_\t_\n"
      "5\tby\tby\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "6\tPutin\tPutin\tPROPN\tNNP\t_\t4\tnmod\t_\t_\n\n",
      "b");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::reattach_reduced_relative(s);
  EXPECT_EQ(s.token(3).head, 0);
  EXPECT_EQ(s.token(3).deprel, "root");
  EXPECT_EQ(s.token(2).deprel, "aux:pass");
  EXPECT_EQ(s.token(1).deprel, "nsubj:pass");
  EXPECT_EQ(s.token(1).head, 3);
  EXPECT_EQ(s.token(4).head, 3);
  EXPECT_EQ(s.token(6).head, 3);
  EXPECT_EQ(s.build_tree(), "");
  // "were happy": no participle, the copula stays.
  Sentence happy = sentences[0];
  happy.tokens[2].upos = "ADJ";
  happy.tokens[2].xpos = "JJ";
  Parser::reattach_reduced_relative(happy);
  EXPECT_EQ(happy.token(2).deprel, "cop");
}

// "conditions of an agreement forced on Qatar by Arnor", parsed with
// "forced" a conjunct of the main verb: it modifies "agreement".
TEST(Parser, ParticipleAfterANounIsNoConjunct) {
  auto sentences = parse_conllu(
      "1\tGondor\tGondor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tan\ta\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tagreement\tagreement\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\tforced\tforce\tVERB\tVBN\t_\t2\tconj\t_\t_\n"
      "6\ton\ton\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "7\tit\tit\tPRON\tPRP\t_\t5\tobl\t_\t_\n\n",
      "f");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::reattach_reduced_relative(s);
  EXPECT_EQ(s.token(5).head, 4);
  EXPECT_EQ(s.token(5).deprel, "acl");
  EXPECT_EQ(s.build_tree(), "");
  // "signed an agreement and forced ..." is a conjunct.
  Sentence joined = sentences[0];
  joined.tokens[2] = joined.tokens[3];
  joined.tokens[2].id = 3;
  joined.tokens[3].form = joined.tokens[3].lemma = "and";
  joined.tokens[3].upos = "CCONJ";
  joined.tokens[3].head = 5;
  joined.tokens[3].deprel = "cc";
  Parser::reattach_reduced_relative(joined);
  EXPECT_EQ(joined.token(5).deprel, "conj");
}

// is left alone.
TEST(Parser, ReducedRelativeClauseIsNotTheMainVerb) {
  const std::string text =
      "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\treport\treport\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
      "3\treleased\trelease\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tKigali\tKigali\tPROPN\tNNP\t_\t3\tobl\t_\t_\n"
      "6\talleged\tallege\tVERB\tVBN\t_\t5\tacl\t_\t_\n"
      "7\tthat\tthat\tSCONJ\tIN\t_\t9\tmark\t_\t_\n"
      "8\tFrance\tFrance\tPROPN\tNNP\t_\t9\tnsubj\t_\t_\n"
      "9\tknew\tknow\tVERB\tVBD\t_\t6\tccomp\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
  auto sentences = parse_conllu(text, "r");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::reattach_reduced_relative(s);
  EXPECT_EQ(s.token(6).head, 0);
  EXPECT_EQ(s.token(6).deprel, "root");
  EXPECT_EQ(s.token(2).head, 6);
  EXPECT_EQ(s.token(3).head, 2);
  EXPECT_EQ(s.token(3).deprel, "acl");
  EXPECT_EQ(s.token(5).head, 3);
  EXPECT_EQ(s.token(10).head, 6);
  EXPECT_EQ(s.build_tree(), "");
  // "The civilians imprisoned for protests were released", the passive
  // parsed as a conjunct of "imprisoned": "civilians" is its passive subject.
  auto passive = parse_conllu(
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tcivilians\tcivilian\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
      "3\timprisoned\timprison\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tfor\tfor\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tprotests\tprotest\tNOUN\tNNS\t_\t3\tobl\t_\t_\n"
      "6\twere\tbe\tAUX\tVBD\t_\t7\taux:pass\t_\t_\n"
      "7\treleased\trelease\tVERB\tVBN\t_\t3\tconj\t_\t_\n\n",
      "p");
  ASSERT_EQ(passive.size(), 1u);
  Parser::reattach_reduced_relative(passive[0]);
  EXPECT_EQ(passive[0].token(7).head, 0);
  EXPECT_EQ(passive[0].token(2).deprel, "nsubj:pass");
  EXPECT_EQ(passive[0].token(3).deprel, "acl");
  EXPECT_EQ(passive[0].build_tree(), "");
  // "released documents in Kigali": an object of its own, left alone.
  Sentence object = sentences[0];
  object.tokens[4].deprel = "obj";
  object.tokens[4].upos = "NOUN";
  Parser::reattach_reduced_relative(object);
  EXPECT_EQ(object.token(3).head, 0);
}

// "an attack by Hamas militants" split after the name: the noun heads the
// prepositional phrase, the name its compound; a time noun ("in Gaza
// today") is left alone.
TEST(Parser, NameBeforeItsNounIsOnePhrase) {
  auto sentences = parse_conllu(
      "1\tIsrael\tIsrael\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tan\ta\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tattack\tattack\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "5\tby\tby\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "6\tHamas\tHamas\tPROPN\tNNP\t_\t4\tnmod\t_\t_\n"
      "7\tmilitants\tmilitant\tNOUN\tNNS\t_\t2\tobl\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
      "h");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::join_name_to_its_noun(s);
  EXPECT_EQ(s.token(7).head, 4);
  EXPECT_EQ(s.token(7).deprel, "nmod");
  EXPECT_EQ(s.token(6).head, 7);
  EXPECT_EQ(s.token(6).deprel, "compound");
  EXPECT_EQ(s.token(5).head, 7);
  EXPECT_EQ(s.build_tree(), "");
  Sentence today = sentences[0];
  today.tokens[6].form = "today";
  today.tokens[6].lemma = "today";
  Parser::join_name_to_its_noun(today);
  EXPECT_EQ(today.token(7).head, 2);
}

// "The leaders of France , Germany and Italy criticized Russia" with
// "Germany and Italy" a second subject: one coordination under "France".
TEST(Parser, ListOfNamesIsOneCoordination) {
  auto sentences = parse_conllu(
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tleaders\tleader\tNOUN\tNNS\t_\t9\tnsubj\t_\t_\n"
      "3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_\n"
      "4\tFrance\tFrance\tPROPN\tNNP\t_\t2\tnmod\t_\t_\n"
      "5\t,\t,\tPUNCT\t,\t_\t2\tpunct\t_\t_\n"
      "6\tGermany\tGermany\tPROPN\tNNP\t_\t9\tnsubj\t_\t_\n"
      "7\tand\tand\tCCONJ\tCC\t_\t8\tcc\t_\t_\n"
      "8\tItaly\tItaly\tPROPN\tNNP\t_\t6\tconj\t_\t_\n"
      "9\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "10\tRussia\tRussia\tPROPN\tNNP\t_\t9\tobj\t_\t_\n\n",
      "l");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::join_list_of_names(s);
  EXPECT_EQ(s.token(6).head, 4);
  EXPECT_EQ(s.token(6).deprel, "conj");
  EXPECT_EQ(s.token(8).head, 4);
  EXPECT_EQ(s.token(5).head, 6);
  EXPECT_EQ(s.build_tree(), "");
  // Without "and Italy" the second name may be a subject of its own.
  Sentence alone = sentences[0];
  alone.tokens[7].deprel = "appos";
  Parser::join_list_of_names(alone);
  EXPECT_EQ(alone.token(6).head, 9);
}

// "Arnor , Calenardhon and Gondor" with "Calenardhon" attached to "Arnor"
// otherwise: a conjunct too. A bare `dep` with a preposition is an oblique;
// an adjective before a noun, attached past it as `advmod`, is its `amod`.
TEST(Parser, MiddleNameOfAListAndStrayDependents) {
  auto list = parse_conllu(
      "1\tArnor\tArnor\tPROPN\tNNP\t_\t6\tnsubj\t_\t_\n"
      "2\t,\t,\tPUNCT\t,\t_\t3\tpunct\t_\t_\n"
      "3\tCalenardhon\tCalenardhon\tPROPN\tNNP\t_\t1\tnmod:unmarked\t_\t_\n"
      "4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_\n"
      "5\tGondor\tGondor\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
      "6\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\n",
      "m");
  ASSERT_EQ(list.size(), 1u);
  Parser::join_list_of_names(list[0]);
  EXPECT_EQ(list[0].token(3).deprel, "conj");
  EXPECT_EQ(list[0].token(3).head, 1);
  // The same with the middle name joined by "flat" across its comma; an
  // initial after a comma ("Duckworth , A.") stays flat.
  Sentence flat = parse_conllu(
      "1\tArnor\tArnor\tPROPN\tNNP\t_\t6\tnsubj\t_\t_\n"
      "2\t,\t,\tPUNCT\t,\t_\t3\tpunct\t_\t_\n"
      "3\tCalenardhon\tCalenardhon\tPROPN\tNNP\t_\t1\tflat\t_\t_\n"
      "4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_\n"
      "5\tGondor\tGondor\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
      "6\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\n",
      "f")[0];
  Sentence initial = flat;
  Parser::join_list_of_names(flat);
  EXPECT_EQ(flat.token(3).deprel, "conj");
  initial.tokens[2].form = "A.";
  Parser::join_list_of_names(initial);
  EXPECT_EQ(initial.token(3).deprel, "flat");
  // "Mordor , Arnor , and Gondor welcomed" with two subjects and an
  // apposition: one coordinated subject of three names.
  auto subjects = parse_conllu(
      "1\tMordor\tMordor\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n"
      "2\t,\t,\tPUNCT\t,\t_\t3\tpunct\t_\t_\n"
      "3\tArnor\tArnor\tPROPN\tNNP\t_\t1\tappos\t_\t_\n"
      "4\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
      "5\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_\n"
      "6\tGondor\tGondor\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n"
      "7\twelcomed\twelcome\tVERB\tVBD\t_\t0\troot\t_\t_\n\n",
      "t");
  ASSERT_EQ(subjects.size(), 1u);
  Parser::join_list_of_names(subjects[0]);
  EXPECT_EQ(subjects[0].token(6).head, 1);
  EXPECT_EQ(subjects[0].token(6).deprel, "conj");
  EXPECT_EQ(subjects[0].token(5).head, 6);
  EXPECT_EQ(subjects[0].token(3).deprel, "conj");
  EXPECT_EQ(subjects[0].build_tree(), "");
  auto stray = parse_conllu(
      "1\tRussian\tRussian\tADJ\tJJ\t_\t3\tadvmod\t_\t_\n"
      "2\tpolice\tpolice\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
      "3\tfired\tfire\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tat\tat\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tGeorgia\tGeorgia\tPROPN\tNNP\t_\t3\tdep\t_\t_\n\n",
      "s");
  ASSERT_EQ(stray.size(), 1u);
  Parser::label_stray_dependents(stray[0]);
  EXPECT_EQ(stray[0].token(1).head, 2);
  EXPECT_EQ(stray[0].token(1).deprel, "amod");
  EXPECT_EQ(stray[0].token(5).deprel, "obl");
  EXPECT_EQ(stray[0].build_tree(), "");
  // A name before a verb with no subject, with no comma, is its subject;
  // "Putin, come here" is addressed.
  auto vocative = parse_conllu(
      "1\tMinister\tMinister\tPROPN\tNNP\t_\t2\tcompound\t_\t_\n"
      "2\tPutin\tPutin\tPROPN\tNNP\t_\t3\tvocative\t_\t_\n"
      "3\tcame\tcome\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\there\there\tADV\tRB\t_\t3\tadvmod\t_\t_\n\n",
      "v");
  ASSERT_EQ(vocative.size(), 1u);
  Sentence named = vocative[0];
  Parser::label_stray_dependents(named);
  EXPECT_EQ(named.token(2).deprel, "nsubj");
  Sentence addressed = vocative[0];
  addressed.tokens[0].form = ",";
  addressed.tokens[0].upos = "PUNCT";
  addressed.tokens[2].form = "come";
  Parser::label_stray_dependents(addressed);
  EXPECT_EQ(addressed.token(2).deprel, "vocative");
  // "The civilians imprisoned for ..." with "imprisoned" tagged as a past
  // tense: a clause of the noun with no subject is the participle.
  auto imprisoned = parse_conllu(
      "1\tcivilians\tcivilian\tNOUN\tNNS\t_\t3\tnsubj:pass\t_\t_\n"
      "2\timprisoned\timprison\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t1\tacl\t_\t_\n"
      "3\treleased\trelease\tVERB\tVBN\t_\t0\troot\t_\t_\n\n",
      "i");
  ASSERT_EQ(imprisoned.size(), 1u);
  Parser::label_stray_dependents(imprisoned[0]);
  EXPECT_EQ(imprisoned[0].token(2).xpos, "VBN");
  EXPECT_EQ(imprisoned[0].token(2).feats, "Tense=Past|VerbForm=Part");
  // "Before leaving , President Bush scheduled a speech" with "Bush" an
  // oblique of "leaving": the main verb's subject.
  auto opening = parse_conllu(
      "1\tBefore\tbefore\tSCONJ\tIN\t_\t2\tmark\t_\t_\n"
      "2\tleaving\tleave\tVERB\tVBG\t_\t6\tadvcl\t_\t_\n"
      "3\t,\t,\tPUNCT\t,\t_\t5\tpunct\t_\t_\n"
      "4\tPresident\tPresident\tPROPN\tNNP\t_\t5\tcompound\t_\t_\n"
      "5\tBush\tBush\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
      "6\tscheduled\tschedule\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "7\tspeech\tspeech\tNOUN\tNN\t_\t6\tobj\t_\t_\n\n",
      "o");
  ASSERT_EQ(opening.size(), 1u);
  Sentence bush = opening[0];
  Parser::label_stray_dependents(bush);
  EXPECT_EQ(bush.token(5).head, 6);
  EXPECT_EQ(bush.token(5).deprel, "nsubj");
  EXPECT_EQ(bush.build_tree(), "");
  // Without the comma it stays ("Before leaving Bush scheduled" is left
  // to the parser).
  Sentence no_comma = opening[0];
  no_comma.tokens[2].form = "-";
  Parser::label_stray_dependents(no_comma);
  EXPECT_EQ(no_comma.token(5).deprel, "obl");
}

// "came as Israel announced ...", parsed with "as Israel" a prepositional
// "US and British activists staged" parsed with "US" the subject and
// "activists" its conjunct: "activists" is the subject, "US" and "British"
// its coordinated modifiers.
TEST(Parser, NameAndNationalityModifyOneNoun) {
  auto sentences = parse_conllu(
      "1\tUS\tUS\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
      "2\tand\tand\tCCONJ\tCC\t_\t4\tcc\t_\t_\n"
      "3\tBritish\tBritish\tADJ\tJJ\t_\t4\tamod\t_\t_\n"
      "4\tactivists\tactivist\tNOUN\tNNS\t_\t1\tconj\t_\t_\n"
      "5\tstaged\tstage\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "6\tprotests\tprotest\tNOUN\tNNS\t_\t5\tobj\t_\t_\n\n",
      "u");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::join_name_to_its_noun(s);
  EXPECT_EQ(s.token(4).head, 5);
  EXPECT_EQ(s.token(4).deprel, "nsubj");
  EXPECT_EQ(s.token(1).head, 4);
  EXPECT_EQ(s.token(3).head, 1);
  EXPECT_EQ(s.token(3).deprel, "conj");
  EXPECT_EQ(s.token(2).head, 3);
  EXPECT_EQ(s.build_tree(), "");
  // "Russia and local activists": a lower-case adjective is no nationality;
  // the coordination stays.
  Sentence local = sentences[0];
  local.tokens[2].form = "local";
  Parser::join_name_to_its_noun(local);
  EXPECT_EQ(local.token(4).deprel, "conj");
}

// "The Malaysia Airlines Boeing flight was blown up", parsed with
// "Airlines" the subject of "flight" (itself the verb's subject, with no
// copula): the name is a compound of the noun. A noun that is the
// predicate keeps its subject.
TEST(Parser, NameTakenForTheSubjectOfANounModifiesIt) {
  auto sentences = parse_conllu(
      "1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_\n"
      "2\tMalaysia\tMalaysia\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n"
      "3\tAirlines\tAirlines\tPROPN\tNNPS\t_\t5\tnsubj\t_\t_\n"
      "4\tBoeing\tBoeing\tPROPN\tNNP\t_\t3\tappos\t_\t_\n"
      "5\tflight\tflight\tNOUN\tNN\t_\t7\tnsubj:pass\t_\t_\n"
      "6\twas\tbe\tAUX\tVBD\t_\t7\taux:pass\t_\t_\n"
      "7\tblown\tblow\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "8\tup\tup\tADP\tRP\t_\t7\tcompound:prt\t_\t_\n\n",
      "u");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::join_name_to_its_noun(s);
  EXPECT_EQ(s.token(3).head, 5);
  EXPECT_EQ(s.token(3).deprel, "compound");
  EXPECT_EQ(s.token(5).deprel, "nsubj:pass");
  EXPECT_EQ(s.build_tree(), "");
  // "Airlines ... was the flight": the noun is the root, with its copula,
  // and keeps its subject.
  Sentence predicate = sentences[0];
  predicate.tokens[4].head = 0;
  predicate.tokens[4].deprel = "root";
  predicate.tokens[5].head = 5;
  predicate.tokens[5].deprel = "cop";
  predicate.tokens[6].head = 5;
  predicate.tokens[6].deprel = "acl";
  predicate.tokens[7].head = 7;
  Parser::join_name_to_its_noun(predicate);
  EXPECT_EQ(predicate.token(3).deprel, "nsubj");
}

// The full stop that ends a sentence hangs from the root, wherever the
// parser put it; one before a closing quotation mark is left alone.
TEST(Parser, FinalPunctuationHangsFromTheRoot) {
  auto sentences = parse_conllu(
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\twarned\twarn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tGeorgia\tGeorgia\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n",
      "p");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::attach_final_punctuation(s);
  EXPECT_EQ(s.token(4).head, 2);
  EXPECT_EQ(s.build_tree(), "");
  Sentence quoted = sentences[0];
  quoted.tokens[3].form.assign(1, '"');
  Parser::attach_final_punctuation(quoted);
  EXPECT_EQ(quoted.token(4).head, 3);
}

// phrase: "as" marks "announced", "Israel" is its subject.
TEST(Parser, SubordinatorTakenForAPreposition) {
  auto sentences = parse_conllu(
      "1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      "2\tended\tend\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tas\tas\tADP\tIN\t_\t4\tcase\t_\t_\n"
      "4\tIsrael\tIsrael\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
      "5\tannounced\tannounce\tVERB\tVBD\t_\t2\txcomp\t_\t_\n"
      "6\traids\traid\tNOUN\tNNS\t_\t5\tobj\t_\t_\n\n",
      "a");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::subject_after_subordinator(s);
  EXPECT_EQ(s.token(5).head, 2);
  EXPECT_EQ(s.token(5).deprel, "advcl");
  EXPECT_EQ(s.token(4).head, 5);
  EXPECT_EQ(s.token(4).deprel, "nsubj");
  EXPECT_EQ(s.token(3).deprel, "mark");
  EXPECT_EQ(s.build_tree(), "");
  // "ended after crowds trashed ..." with "crowds" an oblique of "trashed"
  // and "trashed" parataxis: "crowds" is its subject, the clause adverbial.
  Sentence own = sentences[0];
  own.tokens[2].form = own.tokens[2].lemma = "after";
  own.tokens[3].head = 5;
  own.tokens[4].deprel = "parataxis";
  Parser::subject_after_subordinator(own);
  EXPECT_EQ(own.token(4).head, 5);
  EXPECT_EQ(own.token(4).deprel, "nsubj");
  EXPECT_EQ(own.token(3).deprel, "mark");
  EXPECT_EQ(own.token(5).head, 2);
  EXPECT_EQ(own.token(5).deprel, "advcl");
  EXPECT_EQ(own.build_tree(), "");
  // "after crowds burned down its embassy" with "burned" tagged as a
  // participle: taking an object, it is the finite verb.
  Sentence burned = own;
  burned.tokens[3] = own.tokens[3];
  burned.tokens[3].head = 2;
  burned.tokens[3].deprel = "obl";
  burned.tokens[4].xpos = "VBN";
  burned.tokens[4].head = 2;
  burned.tokens[4].deprel = "acl";
  burned.tokens[2].head = 4;
  burned.tokens[2].deprel = "case";
  Parser::subject_after_subordinator(burned);
  EXPECT_EQ(burned.token(4).deprel, "nsubj");
  EXPECT_EQ(burned.token(5).deprel, "advcl");
  EXPECT_EQ(burned.token(5).xpos, "VBD");
  EXPECT_EQ(burned.build_tree(), "");
  // "ended as Israel's raids" (no verb after the phrase) is left alone.
  Sentence noun = sentences[0];
  noun.tokens[4].upos = "NOUN";
  Parser::subject_after_subordinator(noun);
  EXPECT_EQ(noun.token(4).deprel, "obl");
}

// "Rebels engaged peacekeepers , military officials said ." parsed with
// "officials" a conjunct of the object and "said" of the main verb: the
// closing attribution's speakers are its subject, "said" parataxis.
TEST(Parser, ClosingAttributionHasItsSpeakersAsSubject) {
  auto sentences = parse_conllu(
      "1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      "2\tengaged\tengage\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tpeacekeepers\tpeacekeeper\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "4\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_\n"
      "5\tmilitary\tmilitary\tADJ\tJJ\t_\t6\tamod\t_\t_\n"
      "6\tofficials\tofficial\tNOUN\tNNS\t_\t3\tconj\t_\t_\n"
      "7\tsaid\tsay\tVERB\tVBD\t_\t2\tconj\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
      "c");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::attach_closing_attribution(s);
  EXPECT_EQ(s.token(6).head, 7);
  EXPECT_EQ(s.token(6).deprel, "nsubj");
  EXPECT_EQ(s.token(7).head, 2);
  EXPECT_EQ(s.token(7).deprel, "parataxis");
  EXPECT_EQ(s.token(4).head, 7);
  EXPECT_EQ(s.build_tree(), "");
  // With the speakers already its subject, "said" still becomes parataxis
  // of the root, and takes its comma.
  Sentence own = sentences[0];
  own.tokens[5].head = 7;
  own.tokens[5].deprel = "nsubj";
  Parser::attach_closing_attribution(own);
  EXPECT_EQ(own.token(7).deprel, "parataxis");
  EXPECT_EQ(own.token(7).head, 2);
  EXPECT_EQ(own.token(6).head, 7);
  EXPECT_EQ(own.token(4).head, 7);
  EXPECT_EQ(own.build_tree(), "");
  // "..., a very senior official said", "said" a clause of the speaker
  // joined to the object: the same repair, "very" modifying "senior".
  auto very = parse_conllu(
      "1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      "2\tengaged\tengage\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tpeacekeepers\tpeacekeeper\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "4\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
      "5\tvery\tvery\tADV\tRB\t_\t7\tadvmod\t_\t_\n"
      "6\tsenior\tsenior\tADJ\tJJ\t_\t7\tamod\t_\t_\n"
      "7\tofficials\tofficial\tNOUN\tNNS\t_\t3\tconj\t_\t_\n"
      "8\tsaid\tsay\tVERB\tVBD\t_\t7\tacl\t_\t_\n\n",
      "v");
  ASSERT_EQ(very.size(), 1u);
  Parser::attach_closing_attribution(very[0]);
  EXPECT_EQ(very[0].token(8).deprel, "parataxis");
  EXPECT_EQ(very[0].token(7).deprel, "nsubj");
  EXPECT_EQ(very[0].build_tree(), "");
  // "..., and military officials said" is a conjunct and is left alone.
  Sentence joined = own;
  joined.tokens[3].form = "and";
  joined.tokens[3].upos = "CCONJ";
  joined.tokens[3].head = 7;
  joined.tokens[3].deprel = "cc";
  joined.tokens[6].deprel = "conj";
  Parser::attach_closing_attribution(joined);
  EXPECT_EQ(joined.token(7).deprel, "conj");
}

// "..., Secretary Jeffrey Kupfer said here Wednesday ." parsed with "said"
// a clause of the object and "Wednesday" a second subject: "said" is
// parataxis of the root and "Wednesday" a time.
TEST(Parser, ClosingAttributionBelowAnObject) {
  auto sentences = parse_conllu(
      "1\tBrazil\tBrazil\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tseeks\tseek\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
      "3\tpartnership\tpartnership\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "4\t,\t,\tPUNCT\t,\t_\t5\tpunct\t_\t_\n"
      "5\tSecretary\tSecretary\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n"
      "6\tKupfer\tKupfer\tPROPN\tNNP\t_\t5\tflat\t_\t_\n"
      "7\tsaid\tsay\tVERB\tVBD\t_\t3\tadvcl\t_\t_\n"
      "8\tWednesday\tWednesday\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
      "k");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::attach_closing_attribution(s);
  EXPECT_EQ(s.token(7).head, 2);
  EXPECT_EQ(s.token(7).deprel, "parataxis");
  EXPECT_EQ(s.token(8).deprel, "obl:unmarked");
  EXPECT_EQ(s.token(5).deprel, "nsubj");
  EXPECT_EQ(s.build_tree(), "");
  // A participle clause after the attribution is adverbial; the relative
  // clause within it does not stop the repair.
  auto participle = parse_conllu(
      "1\tUS\tUS\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tstruck\tstrike\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\t_\n"
      "4\tCommand\tCommand\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
      "5\tsaid\tsay\tVERB\tVBD\t_\t2\tconj\t_\t_\n"
      "6\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
      "7\texpanding\texpand\tVERB\tVBG\t_\t5\tccomp\t_\t_\n"
      "8\tcampaign\tcampaign\tNOUN\tNN\t_\t7\tobj\t_\t_\n"
      "9\tthat\tthat\tPRON\tWDT\t_\t10\tnsubj\t_\t_\n"
      "10\tgrew\tgrow\tVERB\tVBD\t_\t8\tacl:relcl\t_\t_\n\n",
      "p");
  ASSERT_EQ(participle.size(), 1u);
  Parser::attach_closing_attribution(participle[0]);
  EXPECT_EQ(participle[0].token(5).deprel, "parataxis");
  EXPECT_EQ(participle[0].token(7).deprel, "advcl");
  EXPECT_EQ(participle[0].build_tree(), "");
  // A title the parser left outside the name is the subject's.
  auto titled = parse_conllu(
      "1\tBrazil\tBrazil\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tseeks\tseek\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
      "3\tpartnership\tpartnership\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "4\t,\t,\tPUNCT\t,\t_\t5\tpunct\t_\t_\n"
      "5\tSecretary\tSecretary\tPROPN\tNNP\t_\t3\tappos\t_\t_\n"
      "6\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "7\tEnergy\tEnergy\tPROPN\tNNP\t_\t5\tnmod\t_\t_\n"
      "8\tKupfer\tKupfer\tPROPN\tNNP\t_\t9\tnsubj\t_\t_\n"
      "9\tsaid\tsay\tVERB\tVBD\t_\t3\tadvcl\t_\t_\n"
      "10\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
      "t");
  ASSERT_EQ(titled.size(), 1u);
  Parser::attach_closing_attribution(titled[0]);
  EXPECT_EQ(titled[0].token(9).deprel, "parataxis");
  EXPECT_EQ(titled[0].token(5).head, 8);
  EXPECT_EQ(titled[0].token(7).head, 5);
  EXPECT_EQ(titled[0].build_tree(), "");
  // Without the comma the clause is not a closing attribution.
  Sentence bare = sentences[0];
  bare.tokens[3].form = "-";
  Parser::attach_closing_attribution(bare);
  EXPECT_EQ(bare.token(7).deprel, "advcl");
}

// "The Malaysia Airlines flight MH17 was blown up" with "Airlines" an
// active subject beside the passive one: one passive subject.
TEST(Parser, SplitSubjectIsOnePassiveSubject) {
  auto sentences = parse_conllu(
      "1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_\n"
      "2\tMalaysia\tMalaysia\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n"
      "3\tAirlines\tAirlines\tPROPN\tNNPS\t_\t7\tnsubj\t_\t_\n"
      "4\tflight\tflight\tNOUN\tNN\t_\t5\tcompound\t_\t_\n"
      "5\tMH17\tMH17\tPROPN\tNNP\t_\t7\tnsubj:pass\t_\t_\n"
      "6\twas\tbe\tAUX\tVBD\t_\t7\taux:pass\t_\t_\n"
      "7\tdowned\tdown\tVERB\tVBN\t_\t0\troot\t_\t_\n\n",
      "m");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::join_split_subject(s);
  EXPECT_EQ(s.token(3).head, 5);
  EXPECT_EQ(s.token(3).deprel, "compound");
  EXPECT_EQ(s.token(1).head, 5);
  EXPECT_EQ(s.build_tree(), "");
}

// "Kazakh Senate Chairman Maulen Ashimbayev met ..." with "Senate" and
// "Maulen" both subjects of "met": one subject, the first word its modifier.
TEST(Parser, TwoActiveSubjectsInARunOfNamesAreOne) {
  auto sentences = parse_conllu(
      "1\tSenate\tSenate\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
      "2\tChairman\tChairman\tPROPN\tNNP\t_\t3\tnmod:desc\t_\t_\n"
      "3\tMaulen\tMaulen\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
      "4\tAshimbayev\tAshimbayev\tPROPN\tNNP\t_\t3\tflat\t_\t_\n"
      "5\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\n",
      "k");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::join_split_subject(s);
  EXPECT_EQ(s.token(1).head, 3);
  EXPECT_EQ(s.token(1).deprel, "compound");
  EXPECT_EQ(s.token(3).deprel, "nsubj");
  EXPECT_EQ(s.build_tree(), "");
}

// "Ararat Mirzoyan and Foreign Minister Jeyhun Bayramov" with "Minister"
// and "Bayramov" both conjuncts of "Ararat": the title is the name's.
TEST(Parser, TitleTakenForAConjunctIsTheNextNamesTitle) {
  const std::string text =
      "1\tArarat\tArarat\tPROPN\tNNP\t_\t0\troot\t_\t_\n"
      "2\tand\tand\tCCONJ\tCC\t_\t4\tcc\t_\t_\n"
      "3\tForeign\tforeign\tADJ\tJJ\t_\t4\tamod\t_\t_\n"
      "4\tMinister\tMinister\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
      "5\tJeyhun\tJeyhun\tPROPN\tNNP\t_\t6\tcompound\t_\t_\n"
      "6\tBayramov\tBayramov\tPROPN\tNNP\t_\t1\tconj\t_\t_\n\n";
  auto sentences = parse_conllu(text, "t");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::join_titled_names(s);
  EXPECT_EQ(s.token(4).head, 6);
  EXPECT_EQ(s.token(4).deprel, "nmod:desc");
  EXPECT_EQ(s.token(2).head, 6);
  EXPECT_EQ(s.token(6).deprel, "conj");
  EXPECT_EQ(s.build_tree(), "");
  // A conjunct that is no title stays one: "Ararat and Rocket Bayramov".
  Sentence other = sentences[0];
  other.tokens[3].form = "Rocket";
  Parser::join_titled_names(other);
  EXPECT_EQ(other.token(4).head, 1);
}

// "President Ilham Aliyev and Prime Minister Nikol Pashinyan met" with
// "Ilham" a compound of "Pashinyan": the first name heads the coordination.
TEST(Parser, NameTakenForACompoundOfTheNextTitledNameIsItsConjunct) {
  auto sentences = parse_conllu(
      "1\tIlham\tIlham\tPROPN\tNNP\t_\t7\tcompound\t_\t_\n"
      "2\tAliyev\tAliyev\tPROPN\tNNP\t_\t1\tflat\t_\t_\n"
      "3\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_\n"
      "4\tPrime\tprime\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
      "5\tMinister\tMinister\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
      "6\tNikol\tNikol\tPROPN\tNNP\t_\t7\tcompound\t_\t_\n"
      "7\tPashinyan\tPashinyan\tPROPN\tNNP\t_\t8\tnsubj\t_\t_\n"
      "8\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\n",
      "a");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::join_titled_names(s);
  EXPECT_EQ(s.token(1).head, 8);
  EXPECT_EQ(s.token(1).deprel, "nsubj");
  EXPECT_EQ(s.token(7).head, 1);
  EXPECT_EQ(s.token(7).deprel, "conj");
  EXPECT_EQ(s.token(5).head, 7);
  EXPECT_EQ(s.token(5).deprel, "nmod:desc");
  EXPECT_EQ(s.token(3).head, 7);
  EXPECT_EQ(s.build_tree(), "");
}

// "met European Commission President Ursula von der Leyen" with the name
// left as "dep": a noun after a verb with no object is its object.
TEST(Parser, StrayNounAfterAVerbWithNoObjectIsItsObject) {
  const std::string text =
      "1\tPashinyan\tPashinyan\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tUrsula\tUrsula\tPROPN\tNNP\t_\t2\tdep\t_\t_\n\n";
  auto sentences = parse_conllu(text, "d");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::label_stray_dependents(s);
  EXPECT_EQ(s.token(3).deprel, "obj");
  // Not across punctuation: "... -- CBC.ca" is a credit line.
  auto credit = parse_conllu(
      "1\tPashinyan\tPashinyan\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\t--\t--\tPUNCT\t:\t_\t4\tpunct\t_\t_\n"
      "4\tCBC.ca\tCBC.ca\tPROPN\tNNP\t_\t2\tdep\t_\t_\n\n",
      "c");
  Parser::label_stray_dependents(credit[0]);
  EXPECT_EQ(credit[0].token(4).deprel, "dep");
}

// "to expel exiled leaders" with "exiled" a verb taking "leaders": the
// noun is the first verb's object, the participle its modifier.
TEST(Parser, ParticipleBeforeAnObjectModifiesIt) {
  auto sentences = parse_conllu(
      "1\tQatar\tQatar\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\texpelled\texpel\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\texiled\texile\tVERB\tVBN\t_\t2\tparataxis\t_\t_\n"
      "4\tleaders\tleader\tNOUN\tNNS\t_\t3\tobj\t_\t_\n\n",
      "p");
  ASSERT_EQ(sentences.size(), 1u);
  Sentence s = sentences[0];
  Parser::participle_before_object(s);
  EXPECT_EQ(s.token(4).head, 2);
  EXPECT_EQ(s.token(4).deprel, "obj");
  EXPECT_EQ(s.token(3).head, 4);
  EXPECT_EQ(s.token(3).deprel, "amod");
  EXPECT_EQ(s.build_tree(), "");
}

}  // namespace
}  // namespace dyad
