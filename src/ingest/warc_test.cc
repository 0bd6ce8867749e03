#include "ingest/warc.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

namespace dyad {
namespace {

namespace fs = std::filesystem;

std::string record(const std::string& type, const std::string& uri, const std::string& body) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-05-30T10:00:00Z\r\nContent-Type: application/http; "
         "msgtype=response\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body + "\r\n\r\n";
}

std::string http(const std::string& html) {
  return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
}

void gzip_to(const fs::path& p, const std::string& data) {
  gzFile f = gzopen(p.string().c_str(), "wb");
  gzwrite(f, data.data(), static_cast<unsigned>(data.size()));
  gzclose(f);
}

// One folder per test: ctest runs the tests of this file at the same time.
struct Dir {
  fs::path path =
      fs::temp_directory_path() /
      (std::string("dyad_warc_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  Dir() { fs::create_directories(path); }
  ~Dir() { fs::remove_all(path); }
};

TEST(Warc, ReadsPlainAndGzippedRecords) {
  Dir d;
  std::string data = record("warcinfo", "", "software: test\r\n") +
                     record("response", "https://example.org/a", http("<p>First page</p>")) +
                     record("response", "https://example.org/b", http("<p>Second page</p>"));
  std::ofstream(d.path / "a.warc", std::ios::binary) << data;
  gzip_to(d.path / "a.warc.gz", data);
  for (const char* name : {"a.warc", "a.warc.gz"}) {
    std::vector<WarcRecord> records;
    std::string error =
        read_warc((d.path / name).string(), [&](WarcRecord r) { records.push_back(std::move(r)); });
    EXPECT_EQ(error, "") << name;
    ASSERT_EQ(records.size(), 3u) << name;
    EXPECT_EQ(records[1].type, "response");
    EXPECT_EQ(records[1].uri, "https://example.org/a");
    EXPECT_EQ(records[1].content_type, "text/html; charset=utf-8");
    EXPECT_EQ(records[1].payload, "<p>First page</p>");
    EXPECT_EQ(records[2].payload, "<p>Second page</p>");
  }
}

TEST(Warc, TruncatedAndCorruptFilesKeepTheRecordsBefore) {
  Dir d;
  std::string data = record("response", "https://example.org/a", http("<p>First page</p>")) +
                     record("response", "https://example.org/b", http("<p>Second page</p>"));
  std::ofstream(d.path / "cut.warc", std::ios::binary) << data.substr(0, data.size() - 20);
  std::vector<WarcRecord> records;
  std::string error = read_warc((d.path / "cut.warc").string(),
                                [&](WarcRecord r) { records.push_back(std::move(r)); });
  EXPECT_EQ(records.size(), 1u);
  EXPECT_NE(error.find("truncated: expected"), std::string::npos) << error;

  // A gzip file cut short: the first record still comes through.
  gzip_to(d.path / "full.warc.gz", data + std::string(4096, ' '));
  std::string gz;
  {
    std::ifstream in(d.path / "full.warc.gz", std::ios::binary);
    gz.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::ofstream(d.path / "cut.warc.gz", std::ios::binary) << gz.substr(0, gz.size() / 2 + 40);
  records.clear();
  error = read_warc((d.path / "cut.warc.gz").string(),
                    [&](WarcRecord r) { records.push_back(std::move(r)); });
  EXPECT_FALSE(error.empty());
  EXPECT_LE(records.size(), 2u);

  // Garbage: a clear message, nothing handed over.
  std::ofstream(d.path / "junk.warc", std::ios::binary) << "this is not a WARC file\n";
  records.clear();
  error = read_warc((d.path / "junk.warc").string(),
                    [&](WarcRecord r) { records.push_back(std::move(r)); });
  EXPECT_TRUE(records.empty());
  EXPECT_NE(error.find("expected a WARC/1.x version line"), std::string::npos) << error;
}

}  // namespace
}  // namespace dyad
