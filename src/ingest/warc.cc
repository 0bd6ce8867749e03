#include "ingest/warc.h"

#include <zlib.h>

#include <algorithm>
#include <memory>

#include "text/ascii_case.h"

namespace dyad {
namespace {

// A gzip (or plain) byte stream with line and block reads.
class Source {
 public:
  explicit Source(const std::string& path) : file_(gzopen(path.c_str(), "rb"), &gzclose) {
    if (file_) gzbuffer(file_.get(), 256 * 1024);
  }
  bool ok() const { return file_ != nullptr; }
  std::size_t offset() const { return offset_; }
  // One line without its CR LF; false at the end.
  bool line(std::string& out) {
    out.clear();
    while (true) {
      int c = gzgetc(file_.get());
      if (c < 0) return !out.empty();
      ++offset_;
      if (c == '\n') break;
      out.push_back(static_cast<char>(c));
      if (out.size() > 64 * 1024) break;  // not a header line; the caller will complain
    }
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return true;
  }
  // Reads n bytes into out; returns how many were read.
  std::size_t read(std::size_t n, std::string& out) {
    out.resize(n);
    std::size_t got = 0;
    while (got < n) {
      unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(n - got, 1u << 30));
      int r = gzread(file_.get(), out.data() + got, chunk);
      if (r <= 0) break;
      got += static_cast<std::size_t>(r);
    }
    out.resize(got);
    offset_ += got;
    return got;
  }
  std::string error() {
    int code = 0;
    const char* message = gzerror(file_.get(), &code);
    return code < 0 && message ? message : "";
  }

 private:
  std::unique_ptr<gzFile_s, decltype(&gzclose)> file_;
  std::size_t offset_ = 0;
};

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

// Splits an HTTP response into its headers' content type and its body.
void strip_http(WarcRecord& r) {
  if (r.payload.rfind("HTTP/", 0) != 0) return;
  std::size_t end = r.payload.find("\r\n\r\n");
  std::size_t skip = 4;
  if (end == std::string::npos) {
    end = r.payload.find("\n\n");
    skip = 2;
  }
  if (end == std::string::npos) return;
  std::string headers = r.payload.substr(0, end);
  std::size_t pos = 0;
  while (pos < headers.size()) {
    std::size_t eol = headers.find('\n', pos);
    if (eol == std::string::npos) eol = headers.size();
    std::string line = headers.substr(pos, eol - pos);
    std::size_t colon = line.find(':');
    if (colon != std::string::npos &&
        to_lower_ascii(trimmed(line.substr(0, colon))) == "content-type") {
      r.content_type = trimmed(line.substr(colon + 1));
    }
    pos = eol + 1;
  }
  r.payload.erase(0, end + skip);
}

}  // namespace

std::string read_warc(const std::string& path, const std::function<void(WarcRecord)>& take) {
  Source in(path);
  if (!in.ok()) return path + ": cannot read";
  std::string line;
  while (true) {
    // Skip the blank lines between records.
    bool more = false;
    while ((more = in.line(line)) && line.empty()) {
    }
    if (!more) {
      std::string e = in.error();
      return e.empty() ? "" : path + ": " + e;
    }
    WarcRecord r;
    r.offset = in.offset() - line.size() - 1;
    const std::string where = path + ": record at byte " + std::to_string(r.offset);
    if (line.rfind("WARC/", 0) != 0) return where + ": expected a WARC/1.x version line";
    long long length = -1;
    while (true) {
      if (!in.line(line)) return where + ": expected the record headers, found the end of the file";
      if (line.empty()) break;
      std::size_t colon = line.find(':');
      if (colon == std::string::npos) return where + ": expected 'Name: value' header lines";
      std::string name = to_lower_ascii(trimmed(line.substr(0, colon)));
      std::string value = trimmed(line.substr(colon + 1));
      if (name == "content-length") {
        try {
          length = std::stoll(value);
        } catch (...) {
          return where + ": expected a number in Content-Length, found '" + value + "'";
        }
      } else if (name == "warc-type") {
        r.type = value;
      } else if (name == "warc-target-uri") {
        r.uri = value;
      } else if (name == "warc-date") {
        r.date = value;
      } else if (name == "content-type") {
        r.content_type = value;
      }
    }
    if (length < 0) return where + ": expected a Content-Length header";
    std::size_t got = in.read(static_cast<std::size_t>(length), r.payload);
    if (got < static_cast<std::size_t>(length)) {
      return where + ": truncated: expected " + std::to_string(length) +
             " bytes of content, found " + std::to_string(got);
    }
    if (r.type == "response") strip_http(r);
    take(std::move(r));
  }
}

}  // namespace dyad
