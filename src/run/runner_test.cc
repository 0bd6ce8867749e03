#include "run/runner.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "dictionaries/dyad_format.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

// A folder of inputs written by the test, removed afterwards.
struct Corpus {
  fs::path dir;
  explicit Corpus(const std::string& name) : dir(fs::temp_directory_path() / name) {
    fs::remove_all(dir);
    fs::create_directories(dir / "in");
  }
  ~Corpus() { fs::remove_all(dir); }
  void write(const std::string& file, const std::string& text) const {
    std::ofstream(dir / "in" / file, std::ios::binary) << text;
  }
  std::string db() const { return (dir / "dyad.db").string(); }
};

struct Engine {
  SyntaxPipeline syntax;
  std::unique_ptr<Dictionaries> dict;
  Engine() {
    EXPECT_EQ(syntax.load(std::string(DYAD_SOURCE_DIR) + "/models"), "");
    dict = load_dyad_dictionaries(default_dictionary_dirs());
  }
};

const Engine& engine() {
  static const Engine e;
  return e;
}

const char* kJsonl =
    R"({"id": "n1", "date": "2024-05-30", "source": "Steppe Wire", "url": "https://example.org/n1", "title": "Boycott", "text": "Armenia boycotted the CSTO meeting in Almaty on Friday."})"
    "\n"
    R"({"id": "n2", "date": "2024-05-31", "source": "Caucasus Daily", "text": "Russian President Vladimir Putin criticized Armenia."})"
    "\n"
    "{not json\n"
    R"({"id": "n4", "date": "2024-05-31", "title": "no text here"})"
    "\n"
    R"({"id": "n5", "text": "Армения не приняла участия во встрече министров обороны стран ОДКБ в Алматы в пятницу, сообщило министерство обороны республики."})"
    "\n"
    R"({"id": "n6", "date": "2024-05-30", "source": "Copy Desk", "text": "Armenia boycotted the CSTO meeting in Almaty on Friday."})"
    "\n";

TEST(Runner, AccountsForEveryDocumentAndReRunsIdempotently) {
  Corpus c("dyad_runner_test");
  c.write("news.jsonl", kJsonl);
  c.write("2024-06-01-note.txt",
          "Kazakhstan hosted talks with Kyrgyzstan.\xff Tajikistan sent aid.");
  c.write("image.png", "not an article");
  std::string error;
  auto store = Store::open(c.db(), &error);
  ASSERT_TRUE(store) << error;
  RunOptions options;
  RunSummary s =
      run_articles({(c.dir / "in").string()}, engine().syntax, *engine().dict, *store, options);
  EXPECT_EQ(s.read, 7u);
  EXPECT_EQ(s.coded, 3u);           // n1, n2 and the text file
  EXPECT_EQ(s.failed, 2u);          // the broken line and the record without text
  EXPECT_EQ(s.stored_skipped, 1u);  // the Russian article: stored, not coded
  EXPECT_EQ(s.already, 1u);         // n6 repeats n1 word for word
  EXPECT_EQ(s.skip_reasons["language ru"], 1u);
  EXPECT_EQ(s.repaired_utf8, 1u);
  ASSERT_EQ(s.errors.size(), 2u);
  EXPECT_NE(s.errors[0].find("news.jsonl:3: expected one JSON object per line"), std::string::npos)
      << s.errors[0];
  EXPECT_NE(s.errors[1].find("news.jsonl:4: expected a \"text\" string field"), std::string::npos)
      << s.errors[1];
  ASSERT_EQ(s.ignored.size(), 1u);
  EXPECT_GT(s.events, 0u);
  Store::Counts counts = store->counts();
  EXPECT_EQ(counts.documents, 6);
  EXPECT_EQ(counts.coded, 3);
  EXPECT_EQ(counts.failed, 2);
  EXPECT_EQ(counts.skipped, 1);
  EXPECT_EQ(counts.events, static_cast<long long>(s.events));

  // Again, with two threads: nothing new.
  options.threads = 2;
  RunSummary again =
      run_articles({(c.dir / "in").string()}, engine().syntax, *engine().dict, *store, options);
  EXPECT_EQ(again.read, 7u);
  EXPECT_EQ(again.already, 7u);
  EXPECT_EQ(store->counts().documents, 6);
  EXPECT_EQ(store->counts().events, counts.events);
}

TEST(Runner, ReadsHtmlWarcAndFeedsAndReportsCorruptArchives) {
  Corpus c("dyad_runner_formats_test");
  c.write("page.html",
          "<html><head><meta property=\"og:site_name\" content=\"Steppe Wire\"></head><body>"
          "<nav>Home</nav><article><p>Russia criticized Georgia on Monday.</p></article>"
          "<div class=\"comments\">Leave a Reply</div></body></html>");
  std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
      "<html><body><p>Kazakhstan hosted talks with Kyrgyzstan.</p></body></html>";
  c.write("crawl.warc",
          "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://ex.org/k"
          "\r\nWARC-Date: 2024-06-01T00:00:00Z\r\nContent-Length: " +
              std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n");
  c.write("broken.warc.gz", "\x1f\x8b\x08\x00 not really gzip");
  c.write("feed.rss",
          "<rss><channel><title>Caucasus Daily</title><item><title>T</title>"
          "<link>https://cd.example/1</link><description>Georgia criticized Russia.</description>"
          "</item></channel></rss>");
  std::string error;
  auto store = Store::open(c.db(), &error);
  ASSERT_TRUE(store) << error;
  RunSummary s = run_articles({(c.dir / "in").string()}, engine().syntax, *engine().dict, *store,
                              RunOptions{});
  EXPECT_EQ(s.read, 4u);
  EXPECT_EQ(s.coded, 3u);
  EXPECT_EQ(s.failed, 1u);  // the corrupt archive, reported and accounted for
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_NE(s.errors[0].find("broken.warc.gz"), std::string::npos) << s.errors[0];
  EXPECT_EQ(store->counts().documents, 4);
}

TEST(Runner, WireCopiesAreLinkedAcrossRuns) {
  Corpus c("dyad_runner_wire_test");
  c.write("a.txt",
          "Armenia did not take part in a meeting of CSTO defence ministers in Almaty on Friday, "
          "the Armenian defence ministry said.");
  c.write("b.txt",
          "ALMATY - Armenia did not take part in a meeting of CSTO defence ministers in Almaty on "
          "Friday, the Armenian defence ministry said on Saturday.");
  std::string error;
  auto store = Store::open(c.db(), &error);
  ASSERT_TRUE(store) << error;
  RunSummary s = run_articles({(c.dir / "in" / "a.txt").string()}, engine().syntax, *engine().dict,
                              *store, RunOptions{});
  EXPECT_EQ(s.near_duplicates, 0u);
  s = run_articles({(c.dir / "in").string()}, engine().syntax, *engine().dict, *store,
                   RunOptions{});
  EXPECT_EQ(s.already, 1u);
  EXPECT_EQ(s.near_duplicates, 1u);
  EXPECT_EQ(store->near_duplicates(), 1);
}

TEST(Runner, OversizedArticleIsStoredUncodedAndTheRestGoesOn) {
  Corpus c("dyad_runner_big_test");
  std::string big(6 * 1024 * 1024, 'a');
  c.write("a-big.txt", big);
  c.write("b-small.txt", "Russia criticized Georgia.");
  std::string error;
  auto store = Store::open(c.db(), &error);
  ASSERT_TRUE(store) << error;
  RunSummary s = run_articles({(c.dir / "in").string()}, engine().syntax, *engine().dict, *store,
                              RunOptions{});
  EXPECT_EQ(s.read, 2u);
  EXPECT_EQ(s.coded, 1u);
  EXPECT_EQ(s.skip_reasons["too large"], 1u);
  EXPECT_EQ(store->counts().documents, 2);
}

// `dyad run` killed with SIGKILL midway and started again ends with every
// document stored once and the same events as a run that was never killed.
TEST(Runner, KilledRunResumesWithNothingLostOrDoubled) {
  Corpus c("dyad_runner_kill_test");
  {
    std::ofstream out(c.dir / "in" / "wire.jsonl");
    const char* sentences[] = {
        "Armenia boycotted the CSTO meeting in Almaty.", "Russia criticized Georgia.",
        "Kazakhstan hosted talks with Kyrgyzstan.", "Ukraine accused Russia of shelling Kharkiv.",
        "Tajikistan sent humanitarian aid to Kyrgyzstan."};
    for (int i = 0; i < 3000; ++i) {
      out << R"({"id": "w)" << i << R"(", "date": "2024-05-)" << (10 + i % 20)
          << R"(", "source": "Wire )" << i % 7 << R"(", "text": ")" << sentences[i % 5]
          << " Report number " << i << R"(."})"
          << "\n";
    }
  }
  std::string cli = DYAD_CLI_PATH;
  std::string common = " run " + (c.dir / "in").string() + " --models " +
                       std::string(DYAD_SOURCE_DIR) + "/models --quiet > /dev/null 2>&1";
  // The reference: one uninterrupted run.
  std::string reference_db = (c.dir / "reference.db").string();
  ASSERT_EQ(std::system((cli + common + " --db " + reference_db).c_str()), 0);
  // Killed midway (once its first batches are committed), then run again.
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    std::string in = (c.dir / "in").string(), models = std::string(DYAD_SOURCE_DIR) + "/models",
                db = c.db();
    execl(cli.c_str(), cli.c_str(), "run", in.c_str(), "--models", models.c_str(), "--db",
          db.c_str(), "--quiet", static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int tries = 0; tries < 600; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::string e;
    auto partial = fs::exists(c.db()) ? Store::open(c.db(), &e) : nullptr;
    if (partial && partial->counts().documents >= 64) break;
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status)) << "the run ended before it could be killed";
  {
    std::string e;
    auto partial = Store::open(c.db(), &e);
    ASSERT_TRUE(partial) << e;
    EXPECT_LT(partial->counts().documents, 3000);
  }
  ASSERT_EQ(std::system((cli + common + " --db " + c.db()).c_str()), 0);
  std::string error;
  auto reference = Store::open(reference_db, &error);
  auto resumed = Store::open(c.db(), &error);
  ASSERT_TRUE(reference && resumed) << error;
  EXPECT_EQ(resumed->counts().documents, 3000);
  EXPECT_EQ(resumed->counts().documents, reference->counts().documents);
  EXPECT_EQ(resumed->counts().events, reference->counts().events);
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// Reading commands do not create a database that is not there.
TEST(Runner, ReportOnAMissingDatabaseIsAClearError) {
  fs::path db = fs::temp_directory_path() / "dyad_no_such.db";
  fs::remove(db);
  fs::path out = fs::temp_directory_path() / "dyad_no_such.txt";
  std::string cmd =
      std::string(DYAD_CLI_PATH) + " report --db " + db.string() + " > " + out.string() + " 2>&1";
  EXPECT_NE(std::system(cmd.c_str()), 0);
  EXPECT_FALSE(fs::exists(db));
  std::ifstream in(out);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("expected an existing dyad database"), std::string::npos) << text;
  fs::remove(out);
}

}  // namespace
}  // namespace dyad
