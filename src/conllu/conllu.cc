#include "conllu/conllu.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <string_view>

namespace dyad {
namespace {

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

// Splits on tabs into exactly `n` fields; returns the number found.
std::size_t split_tabs(std::string_view line, std::string_view* fields, std::size_t n) {
  std::size_t count = 0;
  while (true) {
    std::size_t tab = line.find('\t');
    if (count < n) fields[count] = line.substr(0, tab);
    ++count;
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return count;
}

}  // namespace

std::string InputError::to_string() const {
  return file + ":" + std::to_string(line) + ": " + message;
}

ConlluReader::ConlluReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}

std::string ConlluReader::parse_line(const std::string& raw, Sentence& out) {
  std::string_view line = raw;
  std::string_view f[10];
  std::size_t n = split_tabs(line, f, 10);
  if (n != 10) return "expected 10 tab-separated columns, found " + std::to_string(n);
  std::string_view id = f[0];
  if (std::size_t dash = id.find('-'); dash != std::string_view::npos) {
    MultiwordToken m;
    if (!parse_int(id.substr(0, dash), m.first) || !parse_int(id.substr(dash + 1), m.last) ||
        m.first > m.last) {
      return "expected a multiword range N-M in column 1, found '" + std::string(id) + "'";
    }
    if (m.first != static_cast<int>(out.tokens.size()) + 1) {
      return "expected multiword range to start at word " + std::to_string(out.tokens.size() + 1);
    }
    m.line = raw;
    out.multiword_tokens.push_back(std::move(m));
    return {};
  }
  if (std::size_t dot = id.find('.'); dot != std::string_view::npos) {
    EmptyNode e;
    int sub = 0;
    if (!parse_int(id.substr(0, dot), e.after) || !parse_int(id.substr(dot + 1), sub) ||
        e.after != static_cast<int>(out.tokens.size())) {
      return "expected an empty node id N.M after word N, found '" + std::string(id) + "'";
    }
    e.line = raw;
    out.empty_nodes.push_back(std::move(e));
    return {};
  }
  Token t;
  if (!parse_int(id, t.id)) return "expected an integer word id, found '" + std::string(id) + "'";
  if (t.id != static_cast<int>(out.tokens.size()) + 1) {
    return "expected word id " + std::to_string(out.tokens.size() + 1) + ", found " +
           std::string(id);
  }
  if (f[6] == "_") {
    t.head = -1;
  } else if (!parse_int(f[6], t.head) || t.head < 0) {
    return "expected an integer head in column 7, found '" + std::string(f[6]) + "'";
  }
  t.form = f[1];
  t.lemma = f[2];
  t.upos = f[3];
  t.xpos = f[4];
  t.feats = f[5];
  t.deprel = f[7];
  t.deps = f[8];
  t.misc = f[9];
  out.tokens.push_back(std::move(t));
  return {};
}

bool ConlluReader::next(Sentence& out) {
  std::string line;
  out = Sentence{};
  std::string error;
  std::size_t error_line = 0;
  std::size_t start_line = 0;
  bool have_content = false;
  auto finish = [&]() -> bool {
    if (error.empty()) {
      error = out.build_tree();
      error_line = start_line;
    }
    if (!error.empty()) {
      errors_.push_back({name_, error_line, error});
      ++skipped_;
      out = Sentence{};
      error.clear();
      have_content = false;
      return false;  // the caller goes on with the next sentence
    }
    ++read_;
    return true;
  };
  while (std::getline(in_, line)) {
    ++line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!have_content) continue;
      if (finish()) return true;
      continue;
    }
    if (!have_content) start_line = line_;
    have_content = true;
    if (!error.empty()) continue;  // skipping the rest of a bad sentence
    if (line[0] == '#') {
      if (!out.tokens.empty()) {
        error = "expected comments before the first word of a sentence";
        error_line = line_;
      } else {
        out.comments.push_back(line);
      }
      continue;
    }
    std::string problem = parse_line(line, out);
    if (!problem.empty()) {
      error = std::move(problem);
      error_line = line_;
    }
  }
  if (have_content) {
    if (out.tokens.empty() && error.empty()) {
      error = "expected word lines after the comments";
      error_line = start_line;
    }
    return finish();
  }
  return false;
}

void write_conllu(std::ostream& out, const Sentence& s) {
  for (const auto& c : s.comments) out << c << '\n';
  std::size_t m = 0;
  std::size_t e = 0;
  while (e < s.empty_nodes.size() && s.empty_nodes[e].after == 0)
    out << s.empty_nodes[e++].line << '\n';
  for (const Token& t : s.tokens) {
    while (m < s.multiword_tokens.size() && s.multiword_tokens[m].first == t.id) {
      out << s.multiword_tokens[m++].line << '\n';
    }
    out << t.id << '\t' << t.form << '\t' << t.lemma << '\t' << t.upos << '\t' << t.xpos << '\t'
        << t.feats << '\t';
    if (t.head < 0) {
      out << '_';
    } else {
      out << t.head;
    }
    out << '\t' << t.deprel << '\t' << t.deps << '\t' << t.misc << '\n';
    while (e < s.empty_nodes.size() && s.empty_nodes[e].after == t.id) {
      out << s.empty_nodes[e++].line << '\n';
    }
  }
  out << '\n';
}

std::vector<Sentence> parse_conllu(const std::string& text, const std::string& name,
                                   std::vector<InputError>* errors) {
  std::istringstream in(text);
  ConlluReader reader(in, name);
  std::vector<Sentence> out;
  Sentence s;
  while (reader.next(s)) out.push_back(std::move(s));
  if (errors) *errors = reader.errors();
  return out;
}

std::vector<Sentence> read_corpus_split(const std::string& dir, const std::string& split) {
  std::vector<Sentence> out;
  std::ifstream table(dir + "/splits.tsv");
  for (std::string line; std::getline(table, line);) {
    std::size_t tab = line.find('\t');
    if (tab == std::string::npos || line.substr(tab + 1) != split) continue;
    std::string doc = dir + "/" + line.substr(0, tab) + ".conllu";
    std::ifstream in(doc);
    ConlluReader reader(in, doc);
    Sentence s;
    while (reader.next(s)) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace dyad
