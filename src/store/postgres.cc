// The PostgreSQL store: the same tables as the SQLite store, for teams that
// share one database (`dyad run --db postgresql://...`). Schema versions are
// kept in a dyad_meta table and migrations run under an advisory lock.
#include <libpq-fe.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>

#include "events/cameo.h"
#include "store/store.h"

namespace dyad {
namespace {

// Migrations: entry k brings the database from version k to k + 1.
constexpr const char* kMigrations[] = {
    R"sql(
CREATE TABLE documents (
  id BIGSERIAL PRIMARY KEY,
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
  id BIGSERIAL PRIMARY KEY,
  document BIGINT NOT NULL REFERENCES documents(id),
  sentence_id INTEGER NOT NULL,
  date TEXT,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  code TEXT NOT NULL,
  root TEXT,
  quad_class INTEGER,
  goldstein DOUBLE PRECISION,
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
    R"sql(
ALTER TABLE documents ADD COLUMN minhash BYTEA;
ALTER TABLE documents ADD COLUMN near_duplicate_of TEXT;
)sql",
    R"sql(
CREATE TABLE quotations (
  id BIGSERIAL PRIMARY KEY,
  document BIGINT NOT NULL REFERENCES documents(id),
  sentence_id INTEGER NOT NULL,
  last_sentence_id INTEGER NOT NULL,
  begin_offset BIGINT,
  end_offset BIGINT,
  text TEXT NOT NULL,
  speaker TEXT,
  speaker_text TEXT,
  verb TEXT
);
CREATE INDEX quotations_by_document ON quotations(document);
)sql",
    R"sql(
ALTER TABLE events ADD COLUMN date_source TEXT;
ALTER TABLE events ADD COLUMN date_precision TEXT;
)sql",
};

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::string hex(const MinHash& m) {
  std::string out = "\\x";
  const auto* bytes = reinterpret_cast<const unsigned char*>(m.data());
  char buf[3];
  for (std::size_t i = 0; i < sizeof(std::uint32_t) * m.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%02x", bytes[i]);
    out += buf;
  }
  return out;
}

class PostgresStore : public Store {
 public:
  explicit PostgresStore(PGconn* conn) : conn_(conn, &PQfinish) {}

  // Brings the schema up to date; "" or what went wrong.
  std::string migrate() {
    std::string e;
    if (!exec("BEGIN") || !exec("SELECT pg_advisory_xact_lock(7254001)") ||
        !exec("CREATE TABLE IF NOT EXISTS dyad_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")) {
      return error_text();
    }
    int version = schema_version();
    if (version > kSchemaVersion) {
      exec("ROLLBACK");
      return "expected schema version " + std::to_string(kSchemaVersion) + " or older, found " +
             std::to_string(version) + " (a newer dyad wrote it)";
    }
    for (int v = version; v < kSchemaVersion; ++v) {
      if (!exec(kMigrations[v])) {
        e = "migration to schema version " + std::to_string(v + 1) + ": " + error_text();
        exec("ROLLBACK");
        return e;
      }
    }
    std::string set = "INSERT INTO dyad_meta VALUES ('schema_version', '" +
                      std::to_string(kSchemaVersion) +
                      "') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value";
    if (!exec(set.c_str()) || !exec("COMMIT")) return error_text();
    return "";
  }

  int schema_version() const override {
    Result r = query("SELECT value FROM dyad_meta WHERE key = 'schema_version'", {});
    if (!r || PQntuples(r.get()) == 0) return 0;
    return std::atoi(PQgetvalue(r.get(), 0, 0));
  }

  bool has_document(const std::string& hash) const override {
    Result r = query("SELECT 1 FROM documents WHERE content_hash = $1", {hash});
    return r && PQntuples(r.get()) > 0;
  }

  int add(const std::vector<StoredDocument>& documents, std::string* error) override {
    auto fail = [&](const char* what) {
      if (error) *error = std::string(what) + ": " + error_text();
      exec("ROLLBACK");
      return -1;
    };
    if (!exec("BEGIN")) return fail("starting a transaction");
    const std::string added = utc_timestamp();
    int fresh = 0;
    for (const StoredDocument& d : documents) {
      std::vector<std::string> p = {d.article.id,
                                    d.hash,
                                    d.article.date,
                                    d.article.source,
                                    d.article.url,
                                    d.article.title,
                                    d.article.origin,
                                    d.language,
                                    d.status,
                                    d.reason,
                                    std::to_string(d.sentences),
                                    added,
                                    d.has_signature ? hex(d.signature) : "",
                                    d.near_duplicate_of};
      Result r = query(
          "INSERT INTO documents (doc_id, content_hash, date, source, url, title, origin, "
          "language, status, reason, sentences, added, minhash, near_duplicate_of) VALUES "
          "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11::integer,$12,NULLIF($13,'')::bytea,"
          "NULLIF($14,'')) ON CONFLICT (content_hash) DO NOTHING RETURNING id",
          p);
      if (!r || PQresultStatus(r.get()) != PGRES_TUPLES_OK) return fail("storing a document");
      if (PQntuples(r.get()) == 0) continue;  // already stored: idempotent re-run
      ++fresh;
      std::string id = PQgetvalue(r.get(), 0, 0);
      for (const Quotation& q : d.quotations) {
        Result qr = query(
            "INSERT INTO quotations (document, sentence_id, last_sentence_id, begin_offset, "
            "end_offset, text, speaker, speaker_text, verb) VALUES ($1::bigint,$2::integer,"
            "$3::integer,$4::bigint,$5::bigint,$6,$7,$8,$9)",
            {id, std::to_string(q.sentence_id), std::to_string(q.last_sentence_id),
             std::to_string(q.begin), std::to_string(q.end), q.text, q.speaker, q.speaker_text,
             q.verb});
        if (!qr || PQresultStatus(qr.get()) != PGRES_COMMAND_OK) return fail("storing a quotation");
      }
      for (const Event& x : d.events) {
        double g = goldstein(x.code);
        Result er = query(
            "INSERT INTO events (document, sentence_id, date, source, target, code, root, "
            "quad_class, goldstein, source_text, target_text, verb, pattern, negated, speaker, "
            "speaker_text, date_source, date_precision) VALUES ($1::bigint,$2::integer,$3,$4,$5,"
            "$6,$7,$8::integer,NULLIF($9,'')::double precision,$10,$11,$12,$13,$14::integer,$15,"
            "$16,$17,$18)",
            {id, std::to_string(x.sentence_id), x.date, x.source, x.target, x.code,
             std::string(root_code(x.code)), std::to_string(quad_class(x.code)),
             std::isnan(g) ? "" : std::to_string(g), x.source_text, x.target_text, x.verb_text,
             x.pattern, x.negated ? "1" : "0", x.speaker, x.speaker_text, x.date_source,
             x.date_precision});
        if (!er || PQresultStatus(er.get()) != PGRES_COMMAND_OK) return fail("storing an event");
      }
    }
    if (!exec("COMMIT")) return fail("committing");
    return fresh;
  }

  Counts counts() const override {
    Counts c;
    Result r = query("SELECT status, COUNT(*) FROM documents GROUP BY status", {});
    for (int i = 0; r && i < PQntuples(r.get()); ++i) {
      std::string status = PQgetvalue(r.get(), i, 0);
      long long n = std::atoll(PQgetvalue(r.get(), i, 1));
      c.documents += n;
      if (status == "coded") c.coded = n;
      if (status == "skipped") c.skipped = n;
      if (status == "failed") c.failed = n;
    }
    Result e = query("SELECT COUNT(*) FROM events", {});
    if (e && PQntuples(e.get()) > 0) c.events = std::atoll(PQgetvalue(e.get(), 0, 0));
    return c;
  }

  long long near_duplicates() const override {
    Result r = query("SELECT COUNT(*) FROM documents WHERE near_duplicate_of IS NOT NULL", {});
    return r && PQntuples(r.get()) > 0 ? std::atoll(PQgetvalue(r.get(), 0, 0)) : 0;
  }

  std::vector<std::pair<std::string, MinHash>> signatures() const override {
    std::vector<std::pair<std::string, MinHash>> out;
    Result r = query(
        "SELECT content_hash, encode(minhash, 'hex') FROM documents WHERE minhash IS NOT NULL", {});
    for (int i = 0; r && i < PQntuples(r.get()); ++i) {
      std::string h = PQgetvalue(r.get(), i, 1);
      MinHash m{};
      if (h.size() != 2 * sizeof(std::uint32_t) * m.size()) continue;
      auto* bytes = reinterpret_cast<unsigned char*>(m.data());
      for (std::size_t k = 0; k < h.size() / 2; ++k) {
        bytes[k] = static_cast<unsigned char>(std::stoi(h.substr(2 * k, 2), nullptr, 16));
      }
      out.emplace_back(PQgetvalue(r.get(), i, 0), m);
    }
    return out;
  }

 protected:
  std::vector<EventRow> event_rows() const override {
    std::vector<EventRow> out;
    Result r = query(
        "SELECT e.id, e.sentence_id, e.date, e.source, e.target, e.code, e.source_text, "
        "e.target_text, e.verb, e.pattern, e.negated, e.speaker, e.speaker_text, d.doc_id, d.url, "
        "d.source, d.added, d.id, d.date, e.date_source, e.date_precision FROM events e "
        "JOIN documents d ON d.id = e.document ORDER BY e.date, d.added, e.id",
        {});
    for (int i = 0; r && i < PQntuples(r.get()); ++i) {
      auto v = [&](int c) { return std::string(PQgetvalue(r.get(), i, c)); };
      EventRow row;
      row.id = std::atoll(v(0).c_str());
      row.event.sentence_id = std::atoi(v(1).c_str());
      row.event.date = v(2);
      row.event.source = v(3);
      row.event.target = v(4);
      row.event.code = v(5);
      row.event.source_text = v(6);
      row.event.target_text = v(7);
      row.event.verb_text = v(8);
      row.event.pattern = v(9);
      row.event.negated = v(10) == "1";
      row.event.speaker = v(11);
      row.event.speaker_text = v(12);
      row.event.doc_id = v(13);
      row.url = v(14);
      row.outlet = v(15);
      row.added = v(16);
      row.document = std::atoll(v(17).c_str());
      set_date_origin(row.event, v(18), v(19), v(20));
      out.push_back(std::move(row));
    }
    return out;
  }

  std::vector<QuotationRow> quotation_rows(const std::string& words) const override {
    std::vector<QuotationRow> out;
    Result r = query(
        "SELECT q.text, q.speaker, q.speaker_text, q.verb, q.sentence_id, q.last_sentence_id, "
        "q.begin_offset, q.end_offset, d.date, d.source, d.url, d.doc_id FROM quotations q JOIN "
        "documents d ON d.id = q.document WHERE $1 = '' OR position(lower($1) in lower(q.text)) "
        "> 0 ORDER BY d.date, d.added, q.id",
        {words});
    for (int i = 0; r && i < PQntuples(r.get()); ++i) {
      auto v = [&](int c) { return std::string(PQgetvalue(r.get(), i, c)); };
      QuotationRow row;
      row.quotation.text = v(0);
      row.quotation.speaker = v(1);
      row.quotation.speaker_text = v(2);
      row.quotation.verb = v(3);
      row.quotation.sentence_id = std::atoi(v(4).c_str());
      row.quotation.last_sentence_id = std::atoi(v(5).c_str());
      row.quotation.begin = static_cast<std::size_t>(std::atoll(v(6).c_str()));
      row.quotation.end = static_cast<std::size_t>(std::atoll(v(7).c_str()));
      row.report = {v(8), v(9), v(10), v(11)};
      out.push_back(std::move(row));
    }
    return out;
  }

 private:
  bool exec(const char* sql) const {
    Result r(PQexec(conn_.get(), sql), &PQclear);
    auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  }

  Result query(const char* sql, const std::vector<std::string>& params) const {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p.c_str());
    Result r(PQexecParams(conn_.get(), sql, static_cast<int>(values.size()), nullptr,
                          values.empty() ? nullptr : values.data(), nullptr, nullptr, 0),
             &PQclear);
    auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return Result(nullptr, &PQclear);
    return r;
  }

  std::string error_text() const {
    std::string e = PQerrorMessage(conn_.get());
    while (!e.empty() && (e.back() == '\n' || e.back() == ' ')) e.pop_back();
    return e;
  }

  std::unique_ptr<PGconn, decltype(&PQfinish)> conn_;
};

}  // namespace

std::unique_ptr<Store> open_postgres_store(const std::string& url, std::string* error) {
  PGconn* raw = PQconnectdb(url.c_str());
  auto store = std::make_unique<PostgresStore>(raw);
  if (!raw || PQstatus(raw) != CONNECTION_OK) {
    if (error) {
      std::string e = raw ? PQerrorMessage(raw) : "out of memory";
      while (!e.empty() && (e.back() == '\n' || e.back() == ' ')) e.pop_back();
      *error = url + ": cannot connect: " + e;
    }
    return nullptr;
  }
  PQsetNoticeProcessor(
      raw, [](void*, const char*) {}, nullptr);
  if (std::string e = store->migrate(); !e.empty()) {
    if (error) *error = url + ": " + e;
    return nullptr;
  }
  return store;
}

}  // namespace dyad
