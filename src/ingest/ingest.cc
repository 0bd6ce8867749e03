#include "ingest/ingest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ingest/feed.h"
#include "ingest/html.h"
#include "ingest/warc.h"
#include "text/ascii_case.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

enum class FileKind { kText, kJsonl, kHtml, kWarc, kFeed, kOther };

FileKind kind_of(const fs::path& p) {
  std::string ext = to_lower_ascii(p.extension().string());
  if (ext == ".txt") return FileKind::kText;
  if (ext == ".jsonl" || ext == ".ndjson") return FileKind::kJsonl;
  if (ext == ".html" || ext == ".htm") return FileKind::kHtml;
  if (ext == ".warc") return FileKind::kWarc;
  if (ext == ".gz" && to_lower_ascii(p.stem().extension().string()) == ".warc")
    return FileKind::kWarc;
  if (ext == ".rss" || ext == ".atom" || ext == ".xml") return FileKind::kFeed;
  return FileKind::kOther;
}

// Every file under the paths, in name order.
std::vector<fs::path> files_of(const std::vector<std::string>& paths) {
  std::vector<fs::path> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> found;
      for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.emplace_back(p);
    }
  }
  return out;
}

bool read_file(const fs::path& p, std::string& text) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

std::string field(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return "";
}

}  // namespace

std::string normalise_date(std::string_view t) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::string s(t.substr(0, std::min<std::size_t>(t.size(), 40)));
  // YYYY-MM-DD... or YYYYMMDD
  if (s.size() >= 10 && std::all_of(s.begin(), s.begin() + 4, digit) && s[4] == '-' &&
      digit(s[5]) && digit(s[6]) && s[7] == '-' && digit(s[8]) && digit(s[9])) {
    return s.substr(0, 10);
  }
  if (s.size() == 8 && std::all_of(s.begin(), s.end(), digit)) {
    return s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2);
  }
  // "30 May 2024", "May 30, 2024"
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string l = to_lower_ascii(s);
  int month = 0, day = 0, year = 0;
  std::size_t i = 0;
  while (i < l.size()) {
    while (i < l.size() && !std::isalnum(static_cast<unsigned char>(l[i]))) ++i;
    std::size_t b = i;
    while (i < l.size() && std::isalnum(static_cast<unsigned char>(l[i]))) ++i;
    std::string w = l.substr(b, i - b);
    if (w.empty()) continue;
    if (std::all_of(w.begin(), w.end(), digit)) {
      int v = std::stoi(w.substr(0, 6));
      if (w.size() == 4 && year == 0 && v >= 1000 && v < 3000) {
        year = v;
      } else if (w.size() <= 2 && v >= 1 && v <= 31 && day == 0) {
        day = v;
      }
    } else if (w.size() >= 3) {
      for (int m = 0; m < 12; ++m) {
        if (w.compare(0, 3, kMonths[m]) == 0) month = m + 1;
      }
    }
  }
  if (year < 1900 || month == 0 || day == 0) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year % 10000, month % 100, day % 100);
  return buf;
}

std::string url_host(std::string_view url) {
  std::size_t start = url.find("://");
  if (start == std::string_view::npos) return "";
  start += 3;
  std::size_t end = url.find_first_of("/?#", start);
  std::string host(url.substr(start, end == std::string_view::npos ? url.npos : end - start));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

std::size_t repair_utf8(std::string& text) {
  std::size_t bad = 0;
  std::string out;
  std::size_t i = 0, n = text.size();
  auto cont = [&](std::size_t k) {
    return k < n && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80;
  };
  bool changed = false;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t len = 0;
    if (c < 0x80) {
      len = 1;
    } else if (c >= 0xC2 && c <= 0xDF && cont(i + 1)) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF && cont(i + 1) && cont(i + 2)) {
      unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
      if (!(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0)) len = 3;
    } else if (c >= 0xF0 && c <= 0xF4 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
      unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
      if (!(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90)) len = 4;
    }
    if (len == 0) {
      if (!changed) {
        out.assign(text, 0, i);
        changed = true;
      }
      out += "\xEF\xBF\xBD";
      ++bad;
      ++i;
      continue;
    }
    if (changed) out.append(text, i, len);
    i += len;
  }
  if (changed) text = std::move(out);
  return bad;
}

std::size_t count_inputs(const std::vector<std::string>& paths) {
  std::size_t n = 0;
  for (const fs::path& p : files_of(paths)) {
    FileKind k = kind_of(p);
    if (k == FileKind::kOther) continue;
    if (k != FileKind::kJsonl) {
      ++n;
      continue;
    }
    std::ifstream in(p, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") != std::string::npos) ++n;
    }
  }
  return n;
}

void read_inputs(const std::vector<std::string>& paths, const std::function<void(IngestItem)>& take,
                 std::vector<std::string>& ignored) {
  for (const fs::path& p : files_of(paths)) {
    const std::string name = p.string();
    FileKind k = kind_of(p);
    if (k == FileKind::kOther) {
      ignored.push_back(
          name + ": not a .txt, .jsonl, .html, .warc, .warc.gz or feed (.rss, .atom, .xml) file");
      continue;
    }
    if (k == FileKind::kJsonl) {
      std::ifstream in(p, std::ios::binary);
      if (!in) {
        IngestItem item;
        item.article.origin = name;
        item.error = name + ": cannot read";
        item.raw = name;
        take(std::move(item));
        continue;
      }
      std::string line;
      std::size_t number = 0;
      while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        IngestItem item;
        item.article.origin = name + ":" + std::to_string(number);
        nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) {
          item.error = item.article.origin + ": expected one JSON object per line";
        } else if (!j.contains("text") || !j["text"].is_string()) {
          item.error = item.article.origin + ": expected a \"text\" string field";
        }
        if (!item.error.empty()) {
          item.raw = line;
          if (j.is_object()) item.article.id = field(j, "id");
          take(std::move(item));
          continue;
        }
        Article& a = item.article;
        a.id = field(j, "id");
        if (a.id.empty()) a.id = p.stem().string() + "-" + std::to_string(number);
        std::string date = field(j, "date");
        a.date = normalise_date(date);
        a.source = field(j, "source");
        a.url = field(j, "url");
        a.title = field(j, "title");
        a.text = j["text"].get<std::string>();
        take(std::move(item));
      }
      continue;
    }
    if (k == FileKind::kWarc) {
      std::string error = read_warc(name, [&](WarcRecord r) {
        if (r.type != "response" && r.type != "resource") return;
        std::string type = to_lower_ascii(r.content_type);
        IngestItem item;
        if (type.find("html") != std::string::npos) {
          item.article = article_from_html(r.payload, name);
        } else if (type.find("text/plain") != std::string::npos) {
          item.article.text = std::move(r.payload);
        } else {
          ignored.push_back(name + ": record at byte " + std::to_string(r.offset) + " (" + r.uri +
                            "): not text or HTML (" + r.content_type + ")");
          return;
        }
        item.article.origin = name + "@" + std::to_string(r.offset);
        item.article.id = r.uri.empty() ? item.article.origin : r.uri;
        if (item.article.url.empty()) item.article.url = r.uri;
        if (item.article.date.empty()) item.article.date = normalise_date(r.date);
        take(std::move(item));
      });
      if (!error.empty()) {
        IngestItem item;
        item.article.origin = name;
        item.error = error;
        item.raw = error;
        take(std::move(item));
      }
      continue;
    }
    IngestItem item;
    item.article.origin = name;
    item.article.id = p.stem().string();
    std::string bytes;
    if (!read_file(p, bytes)) {
      item.error = name + ": cannot read";
      item.raw = name;
      take(std::move(item));
      continue;
    }
    if (k == FileKind::kFeed) {
      std::string error;
      auto articles = articles_from_feed(bytes, name, &error);
      for (Article& a : articles) {
        IngestItem entry;
        entry.article = std::move(a);
        take(std::move(entry));
      }
      if (!error.empty()) {
        item.error = error;
        item.raw = bytes;
        take(std::move(item));
      }
      continue;
    }
    if (k == FileKind::kHtml) {
      std::string id = item.article.id;
      item.article = article_from_html(bytes, name);
      item.article.id = id;
      if (item.article.date.empty()) item.article.date = normalise_date(id);
    } else {
      item.article.text = std::move(bytes);
      item.article.date = normalise_date(p.stem().string());  // "2024-05-30-story.txt"
    }
    take(std::move(item));
  }
}

}  // namespace dyad
