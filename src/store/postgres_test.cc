// The PostgreSQL store against a real server started for the test from
// Debian's packages (initdb + pg_ctl in a temporary folder, Unix socket
// only). Skips with a message when the server binaries are absent.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/store.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

std::string server_bin() {
  std::error_code ec;
  for (const auto& v : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    fs::path bin = v.path() / "bin";
    if (fs::exists(bin / "initdb") && fs::exists(bin / "pg_ctl")) return bin.string();
  }
  return "";
}

// A throwaway server; `url` is empty when it could not be started.
class LocalServer {
 public:
  LocalServer() {
    bin_ = server_bin();
    if (bin_.empty()) return;
    // Under /tmp, not the test's scratch folder: when the server runs as the
    // postgres user, every folder above its data must be open to that user.
    dir_ = fs::path(fs::exists("/tmp") ? "/tmp" : fs::temp_directory_path().string()) /
           ("dyad_pg_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // initdb refuses to run as root: run the server as the postgres user then.
    if (geteuid() == 0) {
      if (std::system("id -u postgres > /dev/null 2>&1") != 0) return;
      as_ = "runuser -u postgres -- ";
      std::system(("chown postgres " + dir_.string()).c_str());
    }
    std::string data = (dir_ / "data").string();
    std::string log = (dir_ / "server.log").string();  // written by the server's user
    if (run(bin_ + "/initdb -D " + data + " -A trust -U postgres --no-sync > " +
            (dir_ / "initdb.log").string() + " 2>&1") != 0) {
      return;
    }
    std::string opts = "-k " + dir_.string() + " -p 54329 -c listen_addresses='' -c fsync=off";
    if (run(bin_ + "/pg_ctl -D " + data + " -o \"" + opts + "\" -w -l " + log +
            " start > /dev/null 2>&1") != 0) {
      return;
    }
    url_ = "postgresql:///postgres?host=" + dir_.string() + "&port=54329&user=postgres";
  }
  ~LocalServer() {
    if (!url_.empty()) {
      run(bin_ + "/pg_ctl -D " + (dir_ / "data").string() + " -m immediate stop > /dev/null 2>&1");
    }
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  const std::string& url() const { return url_; }
  std::string log() const {
    std::string out;
    for (const char* name : {"initdb.log", "server.log"}) {
      std::ifstream in(dir_ / name);
      out += std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
    return out;
  }

 private:
  int run(const std::string& cmd) { return std::system((as_ + cmd).c_str()); }
  std::string bin_, as_, url_;
  fs::path dir_;
};

StoredDocument doc(const std::string& id, const std::string& outlet, const std::string& date,
                   const std::string& text) {
  StoredDocument d;
  d.article.id = id;
  d.article.source = outlet;
  d.article.date = date;
  d.article.url = "https://example.org/" + id;
  d.article.text = text;
  d.hash = content_hash(text);
  d.status = "coded";
  d.sentences = 1;
  d.signature = minhash(text);
  d.has_signature = true;
  Event e;
  e.doc_id = id;
  e.sentence_id = 1;
  e.date = date;
  e.source = "ARM";
  e.target = "IGOCST";
  e.code = "163";
  e.source_text = "Armenia";
  d.events.push_back(e);
  Quotation q;
  q.text = "We will not take part";
  q.speaker = "ARMGOV";
  q.verb = "said";
  d.quotations.push_back(q);
  return d;
}

TEST(Postgres, StoresMergesAndReRunsIdempotentlyOnARealServer) {
  LocalServer server;
  if (server_bin().empty()) GTEST_SKIP() << "PostgreSQL server binaries absent: test skipped";
  ASSERT_FALSE(server.url().empty()) << "could not start a local PostgreSQL server:\n"
                                     << server.log();
  std::string error;
  auto store = Store::open(server.url(), &error);
  ASSERT_TRUE(store) << error;
  EXPECT_EQ(store->schema_version(), Store::kSchemaVersion);
  std::vector<StoredDocument> docs = {
      doc("a", "Steppe Wire", "20240601", "Armenia boycotted the CSTO."),
      doc("b", "Caucasus Daily", "20240602", "Armenia has boycotted the CSTO.")};
  EXPECT_EQ(store->add(docs, &error), 2) << error;
  EXPECT_EQ(store->add(docs, &error), 0) << error;  // idempotent
  EXPECT_TRUE(store->has_document(content_hash("Armenia boycotted the CSTO.")));
  Store::Counts c = store->counts();
  EXPECT_EQ(c.documents, 2);
  EXPECT_EQ(c.coded, 2);
  EXPECT_EQ(c.events, 2);
  auto events = store->events(2);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].mentions, 2);
  EXPECT_EQ(events[0].sources, 2);
  EXPECT_EQ(events[0].outlet, "Steppe Wire");
  auto quotes = store->quotations("NOT TAKE");
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].reports.size(), 2u);
  auto signatures = store->signatures();
  ASSERT_EQ(signatures.size(), 2u);
  EXPECT_EQ(signatures[0].second, minhash("Armenia boycotted the CSTO."));
  // A second connection sees the same database, already migrated.
  auto again = Store::open(server.url(), &error);
  ASSERT_TRUE(again) << error;
  EXPECT_EQ(again->counts().documents, 2);

  // dyad run end to end into the server.
  fs::path in = fs::temp_directory_path() / "dyad_pg_run.jsonl";
  std::ofstream(in)
      << R"({"id": "r1", "date": "2024-06-03", "source": "Kyiv Ledger", "text": "Russia criticized Georgia."})"
      << "\n";
  std::string cmd = std::string(DYAD_CLI_PATH) + " run " + in.string() + " --models " +
                    DYAD_SOURCE_DIR + "/models --quiet --db '" + server.url() +
                    "' > /dev/null 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  fs::remove(in);
  EXPECT_EQ(again->counts().documents, 3);
}

TEST(Postgres, UnreachableServerIsAClearError) {
  std::string error;
  auto store = Store::open("postgresql:///postgres?host=/nonexistent-dir&port=1", &error);
  EXPECT_FALSE(store);
  EXPECT_NE(error.find("cannot connect"), std::string::npos) << error;
}

}  // namespace
}  // namespace dyad
