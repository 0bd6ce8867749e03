#include "document/document.h"

#include <algorithm>
#include <array>
#include <utility>

namespace dyad {
namespace {

struct RelationLabel {
  std::string_view label;
  Relation relation;
};

constexpr std::array<RelationLabel, 47> kLabels{{
    {"acl", Relation::kAcl},
    {"advcl", Relation::kAdvcl},
    {"advmod", Relation::kAdvmod},
    {"amod", Relation::kAmod},
    {"appos", Relation::kAppos},
    {"aux", Relation::kAux},
    {"auxpass", Relation::kAuxPass},
    {"case", Relation::kCase},
    {"cc", Relation::kCc},
    {"ccomp", Relation::kCcomp},
    {"clf", Relation::kClf},
    {"compound", Relation::kCompound},
    {"conj", Relation::kConj},
    {"cop", Relation::kCop},
    {"csubj", Relation::kCsubj},
    {"csubjpass", Relation::kCsubjPass},
    {"dep", Relation::kDep},
    {"det", Relation::kDet},
    {"discourse", Relation::kDiscourse},
    {"dislocated", Relation::kDislocated},
    {"dobj", Relation::kObj},
    {"expl", Relation::kExpl},
    {"fixed", Relation::kFixed},
    {"flat", Relation::kFlat},
    {"foreign", Relation::kFlat},
    {"goeswith", Relation::kGoeswith},
    {"iobj", Relation::kIobj},
    {"list", Relation::kList},
    {"mark", Relation::kMark},
    {"mwe", Relation::kFixed},
    {"name", Relation::kFlat},
    {"neg", Relation::kAdvmod},
    {"nmod", Relation::kNmod},
    {"nsubj", Relation::kNsubj},
    {"nsubjpass", Relation::kNsubjPass},
    {"nummod", Relation::kNummod},
    {"obj", Relation::kObj},
    {"obl", Relation::kObl},
    {"orphan", Relation::kOrphan},
    {"parataxis", Relation::kParataxis},
    {"punct", Relation::kPunct},
    {"remnant", Relation::kOrphan},
    {"reparandum", Relation::kReparandum},
    {"root", Relation::kRoot},
    {"ROOT", Relation::kRoot},
    {"vocative", Relation::kVocative},
    {"xcomp", Relation::kXcomp},
}};

bool is_predicate_head(const Token& t) {
  return t.upos == "VERB" || t.upos == "AUX" || t.upos == "ADJ" || t.upos == "ADV";
}

}  // namespace

Relation relation_from_label(std::string_view deprel) {
  std::string_view base = deprel.substr(0, deprel.find(':'));
  std::string_view subtype =
      base.size() < deprel.size() ? deprel.substr(base.size() + 1) : std::string_view{};
  for (const auto& l : kLabels) {
    if (l.label == base) {
      if (subtype == "pass") {
        if (l.relation == Relation::kNsubj) return Relation::kNsubjPass;
        if (l.relation == Relation::kAux) return Relation::kAuxPass;
        if (l.relation == Relation::kCsubj) return Relation::kCsubjPass;
      }
      if (l.relation == Relation::kNmod && subtype == "agent") return Relation::kObl;
      return l.relation;
    }
  }
  return Relation::kUnknown;
}

std::string_view relation_name(Relation r) {
  switch (r) {
    case Relation::kAuxPass:
      return "aux:pass";
    case Relation::kNsubjPass:
      return "nsubj:pass";
    case Relation::kCsubjPass:
      return "csubj:pass";
    case Relation::kObj:
      return "obj";
    case Relation::kAdvmod:
      return "advmod";
    case Relation::kFlat:
      return "flat";
    case Relation::kFixed:
      return "fixed";
    case Relation::kOrphan:
      return "orphan";
    case Relation::kRoot:
      return "root";
    case Relation::kUnknown:
      return "_";
    default:
      break;
  }
  for (const auto& l : kLabels) {
    if (l.relation == r) return l.label;
  }
  return "_";
}

std::string_view Token::feature(std::string_view name) const {
  std::string_view f = feats;
  while (!f.empty()) {
    std::size_t bar = f.find('|');
    std::string_view item = f.substr(0, bar);
    std::size_t eq = item.find('=');
    if (eq != std::string_view::npos && item.substr(0, eq) == name) return item.substr(eq + 1);
    if (bar == std::string_view::npos) break;
    f.remove_prefix(bar + 1);
  }
  return {};
}

bool Token::is_negation() const {
  if (v1_negation) return true;
  if (relation != Relation::kAdvmod && relation != Relation::kDet) return false;
  if (feature("Polarity") == "Neg") return true;
  std::string lower;
  for (char c : form) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  return lower == "not" || lower == "n't" || lower == "never" || lower == "no" || lower == "nt";
}

std::string_view Sentence::comment_value(std::string_view key) const {
  for (const auto& line : comments) {
    std::string_view c = line;
    c.remove_prefix(1);
    while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
    if (c.substr(0, key.size()) != key) continue;
    c.remove_prefix(key.size());
    while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
    if (c.empty() || c.front() != '=') continue;
    c.remove_prefix(1);
    while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
    return c;
  }
  return {};
}

std::string Sentence::build_tree() {
  const int n = static_cast<int>(tokens.size());
  roots_.clear();
  std::vector<int> counts(static_cast<std::size_t>(n) + 2, 0);
  for (int i = 0; i < n; ++i) {
    Token& t = tokens[static_cast<std::size_t>(i)];
    if (t.id != i + 1) return "word ids are not 1, 2, 3, ... in order";
    if (t.head < -1 || t.head > n)
      return "head " + std::to_string(t.head) + " of word " + std::to_string(t.id) +
             " is outside the sentence";
    if (t.head == t.id) return "word " + std::to_string(t.id) + " is its own head";
    t.v1_negation = t.deprel == "neg";
    t.relation = relation_from_label(t.deprel);
    if (t.head == 0) roots_.push_back(t.id);
    if (t.head > 0) ++counts[static_cast<std::size_t>(t.head)];
  }
  // UD v1 attached oblique modifiers of predicates as nmod.
  for (Token& t : tokens) {
    if (t.relation == Relation::kNmod && t.head > 0 && is_predicate_head(token(t.head)) &&
        t.deprel.find("poss") == std::string::npos) {
      t.relation = Relation::kObl;
    }
  }
  child_offsets_.assign(static_cast<std::size_t>(n) + 2, 0);
  for (int i = 1; i <= n + 1; ++i) {
    child_offsets_[static_cast<std::size_t>(i)] =
        child_offsets_[static_cast<std::size_t>(i - 1)] + counts[static_cast<std::size_t>(i - 1)];
  }
  child_ids_.assign(static_cast<std::size_t>(child_offsets_.back()), 0);
  std::vector<int> fill(child_offsets_.begin(), child_offsets_.end() - 1);
  for (const Token& t : tokens) {
    if (t.head > 0)
      child_ids_[static_cast<std::size_t>(fill[static_cast<std::size_t>(t.head)]++)] = t.id;
  }
  // Cycle check and subtree spans: walk up from every word.
  span_first_.assign(static_cast<std::size_t>(n) + 1, 0);
  span_last_.assign(static_cast<std::size_t>(n) + 1, 0);
  for (int i = 1; i <= n; ++i) {
    span_first_[static_cast<std::size_t>(i)] = i;
    span_last_[static_cast<std::size_t>(i)] = i;
  }
  for (int i = 1; i <= n; ++i) {
    int steps = 0;
    for (int h = token(i).head; h > 0; h = token(h).head) {
      if (++steps > n) return "the tree has a cycle through word " + std::to_string(i);
      auto hs = static_cast<std::size_t>(h);
      span_first_[hs] = std::min(span_first_[hs], i);
      span_last_[hs] = std::max(span_last_[hs], i);
    }
  }
  // A file with no syntax yet (every HEAD '_', as a tokenizer writes) is fine.
  bool annotated =
      std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.head >= 0; });
  if (n > 0 && annotated && roots_.empty()) return "no word has head 0";
  return {};
}

std::span<const int> Sentence::children(int id) const {
  auto i = static_cast<std::size_t>(id);
  if (id <= 0 || i + 1 >= child_offsets_.size()) return {};
  return std::span<const int>(child_ids_)
      .subspan(static_cast<std::size_t>(child_offsets_[i]),
               static_cast<std::size_t>(child_offsets_[i + 1] - child_offsets_[i]));
}

int Sentence::child(int id, Relation r) const {
  for (int c : children(id)) {
    if (token(c).relation == r) return c;
  }
  return 0;
}

std::vector<int> Sentence::children(int id, Relation r) const {
  std::vector<int> out;
  for (int c : children(id)) {
    if (token(c).relation == r) out.push_back(c);
  }
  return out;
}

std::pair<int, int> Sentence::subtree_span(int id) const {
  auto i = static_cast<std::size_t>(id);
  return {span_first_[i], span_last_[i]};
}

std::vector<int> Sentence::subtree(int id) const {
  std::vector<int> out;
  auto [first, last] = subtree_span(id);
  for (int i = first; i <= last; ++i) {
    if (dominates(id, i)) out.push_back(i);
  }
  return out;
}

bool Sentence::dominates(int ancestor, int id) const {
  int steps = 0;
  for (int h = id; h > 0 && steps <= static_cast<int>(tokens.size()); h = token(h).head, ++steps) {
    if (h == ancestor) return true;
  }
  return false;
}

std::string Sentence::span_text(int first, int last) const {
  std::string out;
  for (int i = std::max(first, 1); i <= last && i <= static_cast<int>(tokens.size()); ++i) {
    if (!out.empty()) out.push_back(' ');
    out += token(i).form;
  }
  return out;
}

std::string Sentence::text() const {
  std::string_view t = comment_value("text");
  if (!t.empty()) return std::string(t);
  return span_text(1, static_cast<int>(tokens.size()));
}

}  // namespace dyad
