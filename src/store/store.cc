#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <tuple>

#include "events/cameo.h"

namespace dyad {
namespace {

// Schema migrations: entry k brings the database from version k to k + 1.
constexpr const char* kMigrations[] = {
    R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  date TEXT,
  source TEXT,
  url TEXT,
  title TEXT,
  origin TEXT,
  language TEXT,
  status TEXT NOT NULL CHECK (status IN ('coded', 'skipped', 'failed')),
  reason TEXT,
  sentences INTEGER NOT NULL DEFAULT 0,
  added TEXT NOT NULL
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id),
  sentence_id INTEGER NOT NULL,
  date TEXT,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  code TEXT NOT NULL,
  root TEXT,
  quad_class INTEGER,
  goldstein REAL,
  source_text TEXT,
  target_text TEXT,
  verb TEXT,
  pattern TEXT,
  negated INTEGER NOT NULL DEFAULT 0,
  speaker TEXT,
  speaker_text TEXT
);
CREATE INDEX events_by_dyad ON events(source, target, date);
CREATE INDEX events_by_document ON events(document);
)sql",
    // 2: wire copies: each document's MinHash signature, and the earlier
    // document it nearly repeats.
    R"sql(
ALTER TABLE documents ADD COLUMN minhash BLOB;
ALTER TABLE documents ADD COLUMN near_duplicate_of TEXT;
)sql",
    // 3: direct quotations with their speakers and text spans.
    R"sql(
CREATE TABLE quotations (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id),
  sentence_id INTEGER NOT NULL,
  last_sentence_id INTEGER NOT NULL,
  begin_offset INTEGER,
  end_offset INTEGER,
  text TEXT NOT NULL,
  speaker TEXT,
  speaker_text TEXT,
  verb TEXT
);
CREATE INDEX quotations_by_document ON quotations(document);
)sql",
    // 4: where each event's date came from (text, paragraph, story) and its
    // precision (day, month, year).
    R"sql(
ALTER TABLE events ADD COLUMN date_source TEXT;
ALTER TABLE events ADD COLUMN date_precision TEXT;
)sql",
};

// A prepared statement, finalised when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return stmt_ != nullptr; }
  sqlite3_stmt* get() const { return stmt_; }
  void text(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void integer(int i, long long v) { sqlite3_bind_int64(stmt_, i, v); }
  void real(int i, double v) {
    if (std::isnan(v)) {
      sqlite3_bind_null(stmt_, i);
    } else {
      sqlite3_bind_double(stmt_, i, v);
    }
  }
  int step() { return sqlite3_step(stmt_); }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string column_text(int i) const {
    const unsigned char* t = sqlite3_column_text(stmt_, i);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  long long column_int(int i) const { return sqlite3_column_int64(stmt_, i); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

bool exec(sqlite3* db, const char* sql, std::string* error) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
  if (error) *error = message ? message : "unknown SQLite error";
  sqlite3_free(message);
  return false;
}

// "2024-05-30" or "20240530" -> days since 1970 (0 when unknown).
int day_number(const std::string& date) {
  std::string digits;
  for (char c : date) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  if (digits.size() < 8) return 0;
  int y = std::stoi(digits.substr(0, 4)), m = std::stoi(digits.substr(4, 2)),
      d = std::stoi(digits.substr(6, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
  using namespace std::chrono;
  return static_cast<int>(
      sys_days{year{y} / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}}
          .time_since_epoch()
          .count());
}

}  // namespace

void set_date_origin(Event& e, std::string_view document_date, std::string_view source,
                     std::string_view precision) {
  e.story_date.clear();
  for (char c : document_date) {
    if (c != '-') e.story_date.push_back(c);
  }
  if (!source.empty()) e.date_source = source;
  if (!precision.empty()) e.date_precision = precision;
}

std::string utc_timestamp() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &tm);
  return buf;
}

std::string content_hash(std::string_view text) {
  std::uint64_t a = 14695981039346656037ull, b = 0x9ae16a3b2f90404full;
  for (unsigned char c : text) {
    a = (a ^ c) * 1099511628211ull;
    b = (b ^ c) * 0x100000001b3ull + 0x7f4a7c15ull;
    b ^= b >> 29;
  }
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return buf;
}

namespace {

// The SQLite store (the default): one file, WAL journal.
class SqliteStore : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override { sqlite3_close(db_); }
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  static std::unique_ptr<Store> open(const std::string& path, std::string* error);
  int schema_version() const override;
  bool has_document(const std::string& hash) const override;
  int add(const std::vector<StoredDocument>& documents, std::string* error) override;
  Counts counts() const override;
  long long near_duplicates() const override;
  std::vector<std::pair<std::string, MinHash>> signatures() const override;

 protected:
  std::vector<EventRow> event_rows() const override;
  std::vector<QuotationRow> quotation_rows(const std::string& words) const override;

 private:
  sqlite3* db_;
};

std::unique_ptr<Store> SqliteStore::open(const std::string& path, std::string* error) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    if (error) *error = path + ": cannot open the database: " + sqlite3_errmsg(db);
    sqlite3_close(db);
    return nullptr;
  }
  auto store = std::make_unique<SqliteStore>(db);
  sqlite3_busy_timeout(db, 10000);
  std::string e;
  // Switching a new database to WAL needs it alone; a connection racing
  // another to do so is told "locked" at once, not after the busy timeout,
  // so it tries again for as long.
  for (int waited_ms = 0;
       !exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", &e);
       waited_ms += 20) {
    if (sqlite3_errcode(db) != SQLITE_BUSY || waited_ms >= 10000) {
      if (error) *error = path + ": " + e;
      return nullptr;
    }
    sqlite3_sleep(20);
  }
  // Each migration step reads the version again inside its write
  // transaction, so two processes opening a new database at once never both
  // apply a step; an up-to-date database is opened without a write lock.
  int version = store->schema_version();
  while (version < kSchemaVersion) {
    if (!exec(db, "BEGIN IMMEDIATE;", &e)) {
      if (error) *error = path + ": starting a schema migration: " + e;
      return nullptr;
    }
    version = store->schema_version();
    if (version >= kSchemaVersion) {
      exec(db, "COMMIT;", nullptr);
      break;
    }
    const std::string sql = std::string(kMigrations[version]) +
                            "PRAGMA user_version = " + std::to_string(version + 1) + "; COMMIT;";
    if (!exec(db, sql.c_str(), &e)) {
      exec(db, "ROLLBACK;", nullptr);
      if (error) {
        *error = path + ": migration to schema version " + std::to_string(version + 1) + ": " + e;
      }
      return nullptr;
    }
    ++version;
  }
  if (version > kSchemaVersion) {
    if (error) {
      *error = path + ": expected schema version " + std::to_string(kSchemaVersion) +
               " or older, found " + std::to_string(version) + " (a newer dyad wrote it)";
    }
    return nullptr;
  }
  return store;
}

int SqliteStore::schema_version() const {
  Statement s(db_, "PRAGMA user_version;");
  return s.ok() && s.step() == SQLITE_ROW ? static_cast<int>(s.column_int(0)) : 0;
}

bool SqliteStore::has_document(const std::string& hash) const {
  Statement s(db_, "SELECT 1 FROM documents WHERE content_hash = ?;");
  s.text(1, hash);
  return s.step() == SQLITE_ROW;
}

int SqliteStore::add(const std::vector<StoredDocument>& documents, std::string* error) {
  std::string e;
  if (!exec(db_, "BEGIN IMMEDIATE;", &e)) {
    if (error) *error = e;
    return -1;
  }
  Statement doc(db_,
                "INSERT OR IGNORE INTO documents (doc_id, content_hash, date, source, url, title, "
                "origin, language, status, reason, sentences, added, minhash, near_duplicate_of) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?);");
  Statement ev(db_,
               "INSERT INTO events (document, sentence_id, date, source, target, code, root, "
               "quad_class, goldstein, source_text, target_text, verb, pattern, negated, speaker, "
               "speaker_text, date_source, date_precision) "
               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);");
  Statement quote(db_,
                  "INSERT INTO quotations (document, sentence_id, last_sentence_id, begin_offset, "
                  "end_offset, text, speaker, speaker_text, verb) VALUES (?,?,?,?,?,?,?,?,?);");
  if (!doc.ok() || !ev.ok() || !quote.ok()) {
    if (error) *error = sqlite3_errmsg(db_);
    exec(db_, "ROLLBACK;", nullptr);
    return -1;
  }
  const std::string added = utc_timestamp();
  int fresh = 0;
  auto fail = [&](const char* what) {
    if (error) *error = std::string(what) + ": " + sqlite3_errmsg(db_);
    exec(db_, "ROLLBACK;", nullptr);
    return -1;
  };
  for (const StoredDocument& d : documents) {
    doc.reset();
    doc.text(1, d.article.id);
    doc.text(2, d.hash);
    doc.text(3, d.article.date);
    doc.text(4, d.article.source);
    doc.text(5, d.article.url);
    doc.text(6, d.article.title);
    doc.text(7, d.article.origin);
    doc.text(8, d.language);
    doc.text(9, d.status);
    doc.text(10, d.reason);
    doc.integer(11, d.sentences);
    doc.text(12, added);
    if (d.has_signature) {
      sqlite3_bind_blob(doc.get(), 13, d.signature.data(),
                        static_cast<int>(sizeof(std::uint32_t) * d.signature.size()),
                        SQLITE_TRANSIENT);
    }
    if (!d.near_duplicate_of.empty()) doc.text(14, d.near_duplicate_of);
    if (doc.step() != SQLITE_DONE) return fail("storing a document");
    if (sqlite3_changes(db_) == 0) continue;  // already stored: idempotent re-run
    ++fresh;
    long long id = sqlite3_last_insert_rowid(db_);
    for (const Quotation& q : d.quotations) {
      quote.reset();
      quote.integer(1, id);
      quote.integer(2, q.sentence_id);
      quote.integer(3, q.last_sentence_id);
      quote.integer(4, static_cast<long long>(q.begin));
      quote.integer(5, static_cast<long long>(q.end));
      quote.text(6, q.text);
      quote.text(7, q.speaker);
      quote.text(8, q.speaker_text);
      quote.text(9, q.verb);
      if (quote.step() != SQLITE_DONE) return fail("storing a quotation");
    }
    for (const Event& x : d.events) {
      ev.reset();
      ev.integer(1, id);
      ev.integer(2, x.sentence_id);
      ev.text(3, x.date);
      ev.text(4, x.source);
      ev.text(5, x.target);
      ev.text(6, x.code);
      ev.text(7, std::string(root_code(x.code)));
      ev.integer(8, quad_class(x.code));
      ev.real(9, goldstein(x.code));
      ev.text(10, x.source_text);
      ev.text(11, x.target_text);
      ev.text(12, x.verb_text);
      ev.text(13, x.pattern);
      ev.integer(14, x.negated ? 1 : 0);
      ev.text(15, x.speaker);
      ev.text(16, x.speaker_text);
      ev.text(17, x.date_source);
      ev.text(18, x.date_precision);
      if (ev.step() != SQLITE_DONE) return fail("storing an event");
    }
  }
  if (!exec(db_, "COMMIT;", &e)) {
    if (error) *error = e;
    exec(db_, "ROLLBACK;", nullptr);
    return -1;
  }
  return fresh;
}

Store::Counts SqliteStore::counts() const {
  Counts c;
  Statement s(db_, "SELECT status, COUNT(*) FROM documents GROUP BY status;");
  while (s.step() == SQLITE_ROW) {
    std::string status = s.column_text(0);
    long long n = s.column_int(1);
    c.documents += n;
    if (status == "coded") c.coded = n;
    if (status == "skipped") c.skipped = n;
    if (status == "failed") c.failed = n;
  }
  Statement e(db_, "SELECT COUNT(*) FROM events;");
  if (e.step() == SQLITE_ROW) c.events = e.column_int(0);
  return c;
}

std::vector<QuotationRow> SqliteStore::quotation_rows(const std::string& words) const {
  Statement s(
      db_,
      "SELECT q.text, q.speaker, q.speaker_text, q.verb, q.sentence_id, q.last_sentence_id, "
      "q.begin_offset, q.end_offset, d.date, d.source, d.url, d.doc_id FROM quotations q "
      "JOIN documents d ON d.id = q.document "
      "WHERE ?1 = '' OR instr(lower(q.text), lower(?1)) > 0 "
      "ORDER BY d.date, d.added, q.id;");
  s.text(1, words);
  std::vector<QuotationRow> out;
  while (s.step() == SQLITE_ROW) {
    QuotationRow r;
    r.quotation.text = s.column_text(0);
    r.quotation.speaker = s.column_text(1);
    r.quotation.speaker_text = s.column_text(2);
    r.quotation.verb = s.column_text(3);
    r.quotation.sentence_id = static_cast<int>(s.column_int(4));
    r.quotation.last_sentence_id = static_cast<int>(s.column_int(5));
    r.quotation.begin = static_cast<std::size_t>(s.column_int(6));
    r.quotation.end = static_cast<std::size_t>(s.column_int(7));
    r.report = {s.column_text(8), s.column_text(9), s.column_text(10), s.column_text(11)};
    out.push_back(std::move(r));
  }
  return out;
}

long long SqliteStore::near_duplicates() const {
  Statement s(db_, "SELECT COUNT(*) FROM documents WHERE near_duplicate_of IS NOT NULL;");
  return s.step() == SQLITE_ROW ? s.column_int(0) : 0;
}

std::vector<std::pair<std::string, MinHash>> SqliteStore::signatures() const {
  std::vector<std::pair<std::string, MinHash>> out;
  Statement s(db_, "SELECT content_hash, minhash FROM documents WHERE minhash IS NOT NULL;");
  while (s.step() == SQLITE_ROW) {
    const void* blob = sqlite3_column_blob(s.get(), 1);
    int bytes = sqlite3_column_bytes(s.get(), 1);
    MinHash m{};
    if (!blob || bytes != static_cast<int>(sizeof(std::uint32_t) * m.size())) continue;
    std::memcpy(m.data(), blob, static_cast<std::size_t>(bytes));
    out.emplace_back(s.column_text(0), m);
  }
  return out;
}

std::vector<EventRow> SqliteStore::event_rows() const {
  Statement s(
      db_,
      "SELECT e.id, e.sentence_id, e.date, e.source, e.target, e.code, e.source_text, "
      "e.target_text, e.verb, e.pattern, e.negated, e.speaker, e.speaker_text, d.doc_id, "
      "d.url, d.source, d.added, d.id, d.date, e.date_source, e.date_precision "
      "FROM events e JOIN documents d ON d.id = e.document ORDER BY e.date, d.added, e.id;");
  std::vector<EventRow> out;
  while (s.step() == SQLITE_ROW) {
    EventRow r;
    r.id = s.column_int(0);
    r.event.sentence_id = static_cast<int>(s.column_int(1));
    r.event.date = s.column_text(2);
    r.event.source = s.column_text(3);
    r.event.target = s.column_text(4);
    r.event.code = s.column_text(5);
    r.event.source_text = s.column_text(6);
    r.event.target_text = s.column_text(7);
    r.event.verb_text = s.column_text(8);
    r.event.pattern = s.column_text(9);
    r.event.negated = s.column_int(10) != 0;
    r.event.speaker = s.column_text(11);
    r.event.speaker_text = s.column_text(12);
    r.event.doc_id = s.column_text(13);
    r.url = s.column_text(14);
    r.outlet = s.column_text(15);
    r.added = s.column_text(16);
    r.document = s.column_int(17);
    set_date_origin(r.event, s.column_text(18), s.column_text(19), s.column_text(20));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::unique_ptr<Store> Store::open(const std::string& location, std::string* error) {
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
    return open_postgres_store(location, error);
  }
  return SqliteStore::open(location, error);
}

std::vector<ExportEvent> Store::events(int window_days) const {
  std::vector<ExportEvent> out;
  // (source, target, code) -> indices of merged events, for the window test
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::size_t>> seen;
  struct Tally {
    std::vector<std::string> outlets;
    std::vector<long long> documents;
    int first_day = 0;
  };
  std::vector<Tally> tallies;
  for (EventRow& row : event_rows()) {
    Event& x = row.event;
    int day = day_number(x.date);
    EventReport report{x.date, row.outlet, row.url, x.doc_id};
    auto key = std::make_tuple(x.source, x.target, x.code);
    std::size_t into = out.size();
    for (std::size_t i : seen[key]) {
      if (day != 0 && std::abs(day - tallies[i].first_day) <= window_days) into = i;
    }
    if (into == out.size()) {
      ExportEvent e;
      e.id = row.id;
      e.event = std::move(x);
      e.url = row.url;
      e.outlet = row.outlet;
      e.added = row.added;
      e.mentions = e.sources = e.articles = 0;
      out.push_back(std::move(e));
      tallies.push_back({{}, {}, day});
      seen[key].push_back(into);
    }
    ExportEvent& e = out[into];
    Tally& t = tallies[into];
    ++e.mentions;
    e.reports.push_back(std::move(report));
    if (std::find(t.outlets.begin(), t.outlets.end(), row.outlet) == t.outlets.end()) {
      t.outlets.push_back(row.outlet);
      ++e.sources;
    }
    if (std::find(t.documents.begin(), t.documents.end(), row.document) == t.documents.end()) {
      t.documents.push_back(row.document);
      ++e.articles;
    }
  }
  return out;
}

std::vector<StoredQuotation> Store::quotations(const std::string& words) const {
  std::vector<StoredQuotation> out;
  std::map<std::string, std::size_t> by_text;
  for (QuotationRow& r : quotation_rows(words)) {
    std::string date;
    for (char c : r.report.date) {
      if (c != '-') date.push_back(c);
    }
    r.report.date = date;
    auto [it, fresh] = by_text.emplace(r.quotation.text, out.size());
    if (fresh) out.push_back({std::move(r.quotation), {}});
    out[it->second].reports.push_back(std::move(r.report));
  }
  return out;
}

}  // namespace dyad
