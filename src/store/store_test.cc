#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <thread>

namespace dyad {
namespace {

namespace fs = std::filesystem;

struct TempDb {
  fs::path path;
  explicit TempDb(const std::string& name) : path(fs::temp_directory_path() / name) {
    fs::remove(path);
    fs::remove(path.string() + "-wal");
    fs::remove(path.string() + "-shm");
  }
  ~TempDb() {
    fs::remove(path);
    fs::remove(path.string() + "-wal");
    fs::remove(path.string() + "-shm");
  }
};

StoredDocument doc(const std::string& id, const std::string& outlet, const std::string& date,
                   const std::string& text,
                   std::vector<std::pair<std::string, std::string>> dyads) {
  StoredDocument d;
  d.article.id = id;
  d.article.source = outlet;
  d.article.date = date;
  d.article.url = "https://example.org/" + id;
  d.article.text = text;
  d.hash = content_hash(text);
  d.status = "coded";
  d.sentences = 1;
  for (const auto& [source, target] : dyads) {
    Event e;
    e.doc_id = id;
    e.sentence_id = 1;
    e.date = date;
    e.source = source;
    e.target = target;
    e.code = "163";
    d.events.push_back(e);
  }
  return d;
}

TEST(Store, CreatesTheSchemaAndStoresDocumentsOnce) {
  TempDb db("dyad_store_test.db");
  std::string error;
  auto store = Store::open(db.path.string(), &error);
  ASSERT_TRUE(store) << error;
  EXPECT_EQ(store->schema_version(), Store::kSchemaVersion);
  std::vector<StoredDocument> docs = {
      doc("a", "Steppe Wire", "20240601", "Armenia boycotted the CSTO.", {{"ARM", "IGOCST"}}),
      doc("b", "Caucasus Daily", "20240602", "Armenia has boycotted the CSTO.",
          {{"ARM", "IGOCST"}}),
      doc("c", "Steppe Wire", "20240620", "Armenia boycotts the CSTO again.", {{"ARM", "IGOCST"}})};
  StoredDocument skipped;
  skipped.article.id = "r";
  skipped.article.text = "Армения бойкотировала ОДКБ.";
  skipped.hash = content_hash(skipped.article.text);
  skipped.status = "skipped";
  skipped.reason = "language ru: no model";
  docs.push_back(skipped);
  Quotation q;
  q.text = "We will not take part";
  q.speaker = "ARMGOV";
  q.verb = "said";
  docs[0].quotations.push_back(q);
  docs[1].quotations.push_back(q);
  EXPECT_EQ(store->add(docs, &error), 4) << error;
  auto quotes = store->quotations("not take");
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].quotation.speaker, "ARMGOV");
  ASSERT_EQ(quotes[0].reports.size(), 2u);
  EXPECT_EQ(quotes[0].reports[0].outlet, "Steppe Wire");
  EXPECT_TRUE(store->quotations("no such words").empty());
  // A re-run stores nothing twice.
  EXPECT_EQ(store->add(docs, &error), 0) << error;
  EXPECT_TRUE(store->has_document(content_hash("Armenia boycotted the CSTO.")));
  Store::Counts c = store->counts();
  EXPECT_EQ(c.documents, 4);
  EXPECT_EQ(c.coded, 3);
  EXPECT_EQ(c.skipped, 1);
  EXPECT_EQ(c.events, 3);
  // Across articles: the two reports a day apart are one event, first told by
  // Steppe Wire; the report three weeks later is another.
  auto events = store->events(2);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].outlet, "Steppe Wire");
  EXPECT_EQ(events[0].mentions, 2);
  EXPECT_EQ(events[0].sources, 2);
  EXPECT_EQ(events[0].articles, 2);
  EXPECT_EQ(events[0].url, "https://example.org/a");
  ASSERT_EQ(events[0].reports.size(), 2u);
  EXPECT_EQ(events[0].reports[0].outlet, "Steppe Wire");
  EXPECT_EQ(events[0].reports[1].outlet, "Caucasus Daily");
  EXPECT_EQ(events[0].reports[1].date, "20240602");
  EXPECT_EQ(events[1].mentions, 1);
}

TEST(Store, ReopensAndRefusesANewerSchema) {
  TempDb db("dyad_store_schema_test.db");
  std::string error;
  {
    auto store = Store::open(db.path.string(), &error);
    ASSERT_TRUE(store) << error;
  }
  {
    auto store = Store::open(db.path.string(), &error);
    ASSERT_TRUE(store) << error;
    EXPECT_EQ(store->schema_version(), Store::kSchemaVersion);
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.path.string().c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "PRAGMA user_version = 99;", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  EXPECT_FALSE(Store::open(db.path.string(), &error));
  EXPECT_NE(error.find("expected schema version " + std::to_string(Store::kSchemaVersion) +
                       " or older, found 99"),
            std::string::npos)
      << error;
}

// A database written by the first schema is migrated and keeps its data.
TEST(Store, MigratesAVersionOneDatabase) {
  TempDb db("dyad_store_migrate_test.db");
  std::string error;
  {
    auto store = Store::open(db.path.string(), &error);
    ASSERT_TRUE(store) << error;
    ASSERT_EQ(store->add({doc("a", "Steppe Wire", "20240601", "Armenia boycotted the CSTO.",
                              {{"ARM", "IGOCST"}})},
                         &error),
              1);
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.path.string().c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "ALTER TABLE events DROP COLUMN date_source; ALTER TABLE events DROP "
                         "COLUMN date_precision; "
                         "DROP TABLE quotations; ALTER TABLE documents DROP COLUMN "
                         "near_duplicate_of; ALTER TABLE documents DROP COLUMN minhash; PRAGMA "
                         "user_version = 1;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  auto store = Store::open(db.path.string(), &error);
  ASSERT_TRUE(store) << error;
  EXPECT_EQ(store->schema_version(), Store::kSchemaVersion);
  EXPECT_EQ(store->counts().documents, 1);
  EXPECT_TRUE(store->quotations().empty());
  EXPECT_EQ(store->counts().events, 1);
  EXPECT_EQ(store->near_duplicates(), 0);
}

// An event dated by its text keeps that date, where it came from, and the
// story's date beside it.
TEST(Store, KeepsWhereAnEventsDateCameFrom) {
  TempDb db("dyad_store_dates_test.db");
  std::string error;
  auto store = Store::open(db.path.string(), &error);
  ASSERT_TRUE(store) << error;
  StoredDocument d =
      doc("a", "Steppe Wire", "2024-05-31", "Putin said in 2014 ...", {{"RUSGOV", "KAZ"}});
  d.events[0].date = "20140101";
  d.events[0].date_source = "text";
  d.events[0].date_precision = "year";
  ASSERT_EQ(store->add({d}, &error), 1) << error;
  auto events = store->events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.date, "20140101");
  EXPECT_EQ(events[0].event.story_date, "20240531");
  EXPECT_EQ(events[0].event.date_source, "text");
  EXPECT_EQ(events[0].event.date_precision, "year");
}

// Several processes (here threads, each with its own connection) opening a
// new database at once: every one gets the current schema, none fails on a
// migration another has already applied.
TEST(Store, ConcurrentOpeningsOfANewDatabaseAllSucceed) {
  for (int round = 0; round < 20; ++round) {
    TempDb db("dyad_store_race_test.db");
    std::vector<std::string> errors(4);
    std::vector<int> versions(4, -1);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < errors.size(); ++i) {
      threads.emplace_back([&, i] {
        auto store = Store::open(db.path.string(), &errors[i]);
        if (store) versions[i] = store->schema_version();
      });
    }
    for (auto& t : threads) t.join();
    for (std::size_t i = 0; i < errors.size(); ++i) {
      EXPECT_EQ(versions[i], Store::kSchemaVersion) << "round " << round << ": " << errors[i];
    }
  }
}

TEST(Store, ContentHashDependsOnEveryByte) {
  EXPECT_EQ(content_hash("abc"), content_hash("abc"));
  EXPECT_NE(content_hash("abc"), content_hash("abd"));
  EXPECT_NE(content_hash(""), content_hash(" "));
  EXPECT_EQ(content_hash("x").size(), 32u);
}

}  // namespace
}  // namespace dyad
