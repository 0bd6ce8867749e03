#include "syntax/parser.h"

#include <algorithm>
#include <istream>
#include <map>
#include <ostream>
#include <string_view>

namespace dyad {
namespace {

constexpr std::string_view kMagic = "DYADPRS1";
constexpr std::size_t kShift = 0;
constexpr std::size_t kReduce = 1;
std::size_t left_arc(std::size_t label) { return 2 + 2 * label; }
std::size_t right_arc(std::size_t label) { return 3 + 2 * label; }

std::string lower(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Is every arc's span dominated by its head (no crossing arcs)?
bool projective(const Sentence& s) {
  const int n = static_cast<int>(s.size());
  for (int d = 1; d <= n; ++d) {
    int h = s.token(d).head;
    if (h < 0) return false;
    int lo = std::min(h, d), hi = std::max(h, d);
    for (int k = lo + 1; k < hi; ++k) {
      int a = k;
      while (a != 0 && a != h) a = s.token(a).head;
      if (a != h) return false;
    }
  }
  return true;
}

}  // namespace

// A parser configuration: the stack, the next buffer word and the arcs so far.
struct Parser::State {
  int n = 0;
  std::vector<int> stack{0};
  int next = 1;  // first buffer word; n + 1 when the buffer is empty
  std::vector<int> head, label, leftmost, rightmost, children;
  bool has_root = false;
  // Per-word feature ids (lower-cased form, tag), index 0 = the root.
  std::vector<std::uint64_t> word, tag;

  explicit State(const Sentence& s)
      : n(static_cast<int>(s.size())),
        head(static_cast<std::size_t>(n) + 1, -1),
        label(static_cast<std::size_t>(n) + 1, -1),
        leftmost(static_cast<std::size_t>(n) + 1, 0),
        rightmost(static_cast<std::size_t>(n) + 1, 0),
        children(static_cast<std::size_t>(n) + 1, 0),
        word(static_cast<std::size_t>(n) + 3, feature_key(90, "<none>")),
        tag(static_cast<std::size_t>(n) + 3, feature_key(91, "<none>")) {
    word[0] = feature_key(90, "<root>");
    tag[0] = feature_key(91, "<root>");
    for (int i = 1; i <= n; ++i) {
      word[static_cast<std::size_t>(i)] = feature_key(90, lower(s.token(i).form));
      tag[static_cast<std::size_t>(i)] = feature_key(91, s.token(i).upos);
    }
  }
  int s0() const { return stack.back(); }
  int s1() const { return stack.size() > 1 ? stack[stack.size() - 2] : -1; }
  bool buffer_empty() const { return next > n; }

  bool legal(std::size_t action) const {
    if (action == kShift) return !buffer_empty();
    if (action == kReduce) return s0() != 0 && head[static_cast<std::size_t>(s0())] >= 0;
    bool left = (action - 2) % 2 == 0;
    if (buffer_empty()) return false;
    if (left) return s0() != 0 && head[static_cast<std::size_t>(s0())] < 0;
    return s0() != 0 || !has_root;
  }

  void attach(int h, int d, int l) {
    head[static_cast<std::size_t>(d)] = h;
    label[static_cast<std::size_t>(d)] = l;
    if (h == 0) has_root = true;
    auto hs = static_cast<std::size_t>(h);
    ++children[hs];
    if (leftmost[hs] == 0 || d < leftmost[hs]) leftmost[hs] = d;
    if (rightmost[hs] == 0 || d > rightmost[hs]) rightmost[hs] = d;
  }

  void apply(std::size_t action) {
    if (action == kShift) {
      stack.push_back(next++);
    } else if (action == kReduce) {
      stack.pop_back();
    } else if ((action - 2) % 2 == 0) {  // left arc: b0 -> s0
      attach(next, s0(), static_cast<int>((action - 2) / 2));
      stack.pop_back();
    } else {  // right arc: s0 -> b0
      attach(s0(), next, static_cast<int>((action - 3) / 2));
      stack.push_back(next++);
    }
  }
};

void Parser::features(const State& st, std::vector<std::uint64_t>& out) const {
  out.clear();
  auto W = [&](int i) {
    return i < 0 ? feature_key(90, "<none>") : st.word[static_cast<std::size_t>(i)];
  };
  auto P = [&](int i) {
    return i < 0 ? feature_key(91, "<none>") : st.tag[static_cast<std::size_t>(i)];
  };
  auto L = [&](int i) -> std::uint64_t {
    return i <= 0 ? 0xFFFF : static_cast<std::uint64_t>(st.label[static_cast<std::size_t>(i)] + 1);
  };
  const int s0 = st.s0();
  const int s1 = st.s1();
  const int b0 = st.buffer_empty() ? -1 : st.next;
  const int b1 = st.next + 1 <= st.n ? st.next + 1 : -1;
  const int b2 = st.next + 2 <= st.n ? st.next + 2 : -1;
  const int s0h = s0 > 0 ? st.head[static_cast<std::size_t>(s0)] : -1;
  const int s0l = s0 >= 0 ? st.leftmost[static_cast<std::size_t>(s0)] : 0;
  const int s0r = s0 >= 0 ? st.rightmost[static_cast<std::size_t>(s0)] : 0;
  const int b0l = b0 > 0 ? st.leftmost[static_cast<std::size_t>(b0)] : 0;
  const std::uint64_t dist = b0 > 0 ? static_cast<std::uint64_t>(std::min(b0 - s0, 6)) : 7;
  const std::uint64_t s0v =
      s0 >= 0 ? static_cast<std::uint64_t>(std::min(st.children[static_cast<std::size_t>(s0)], 4))
              : 0;
  const std::uint64_t b0v =
      b0 > 0 ? static_cast<std::uint64_t>(std::min(st.children[static_cast<std::size_t>(b0)], 4))
             : 0;
  out.push_back(feature_key(0, 0));
  out.push_back(feature_key(1, W(s0)));
  out.push_back(feature_key(2, P(s0)));
  out.push_back(feature_key(3, W(s0), P(s0)));
  out.push_back(feature_key(4, W(b0)));
  out.push_back(feature_key(5, P(b0)));
  out.push_back(feature_key(6, W(b0), P(b0)));
  out.push_back(feature_key(7, W(b1)));
  out.push_back(feature_key(8, P(b1)));
  out.push_back(feature_key(9, P(b2)));
  out.push_back(feature_key(10, W(s0), W(b0)));
  out.push_back(feature_key(11, P(s0), P(b0)));
  out.push_back(feature_key(12, W(s0), P(s0), P(b0)));
  out.push_back(feature_key(13, P(s0), W(b0), P(b0)));
  out.push_back(feature_key(14, P(s0), P(b0), P(b1)));
  out.push_back(feature_key(15, P(s1), P(s0), P(b0)));
  out.push_back(feature_key(16, P(s0h), P(s0), P(b0)));
  out.push_back(feature_key(17, P(s0), L(s0l), P(b0)));
  out.push_back(feature_key(18, P(s0), L(s0r), P(b0)));
  out.push_back(feature_key(19, P(s0), P(b0), L(b0l)));
  out.push_back(feature_key(20, dist, P(s0), P(b0)));
  out.push_back(feature_key(21, dist, W(s0)));
  out.push_back(feature_key(22, s0v, P(s0)));
  out.push_back(feature_key(23, b0v, P(b0)));
  out.push_back(feature_key(24, L(s0), P(s0)));
  out.push_back(feature_key(25, W(s1)));
  out.push_back(feature_key(26, P(s1), P(s0)));
  out.push_back(feature_key(27, P(b0), P(b1), P(b2)));
  out.push_back(feature_key(28, W(s0), P(b0)));
  out.push_back(feature_key(29, P(s0), W(b0)));
  out.push_back(feature_key(30, dist, W(b0)));
  out.push_back(feature_key(31, P(s0), P(s0l), P(b0)));
  out.push_back(feature_key(32, P(s0), P(s0r), P(b0)));
  out.push_back(feature_key(33, W(b0), P(b1)));
  out.push_back(feature_key(34, st.has_root ? 1 : 0, P(b0)));
  // Second-order context: words of s0's children and head, s1 with b0.
  const int s0hh = s0h > 0 ? st.head[static_cast<std::size_t>(s0h)] : -1;
  out.push_back(feature_key(35, W(s0h), P(s0)));
  out.push_back(feature_key(36, P(s0hh), P(s0h), P(s0)));
  out.push_back(feature_key(37, W(s0r), P(s0)));
  out.push_back(feature_key(38, W(b0l), P(b0)));
  out.push_back(feature_key(39, P(s1), P(b0)));
  out.push_back(feature_key(40, W(s1), P(b0)));
  out.push_back(feature_key(41, W(s0), W(b0), P(b0)));
  out.push_back(feature_key(42, W(s0), P(s0), W(b0)));
  out.push_back(feature_key(43, L(s0l), L(s0r), P(s0)));
}

Parser Parser::train(const std::vector<Sentence>& sentences, int epochs, std::string metadata) {
  Parser p;
  p.metadata_ = std::move(metadata);
  std::map<std::string, int> label_ids;
  for (const Sentence& s : sentences) {
    for (const Token& t : s.tokens) label_ids.emplace(t.deprel, 0);
  }
  for (auto& [l, id] : label_ids) {
    id = static_cast<int>(p.labels_.size());
    p.labels_.push_back(l);
  }
  const std::size_t classes = 2 + 2 * p.labels_.size();
  p.model_ = Perceptron(classes);
  std::vector<const Sentence*> usable;
  for (const Sentence& s : sentences) {
    if (s.size() > 0 && projective(s)) usable.push_back(&s);
  }
  std::vector<std::uint64_t> feats;
  std::vector<float> scores(classes);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::vector<std::size_t> order(usable.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::uint64_t seed = 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(epoch);
    for (std::size_t i = order.size(); i > 1; --i) {
      seed ^= seed << 13;
      seed ^= seed >> 7;
      seed ^= seed << 17;
      std::swap(order[i - 1], order[seed % i]);
    }
    for (std::size_t idx : order) {
      const Sentence& s = *usable[idx];
      State st(s);
      auto gold_head = [&](int i) { return s.token(i).head; };
      auto gold_label = [&](int i) {
        return static_cast<std::size_t>(label_ids[s.token(i).deprel]);
      };
      while (!st.buffer_empty() || st.stack.size() > 1) {
        if (st.buffer_empty()) {  // only reductions remain
          st.stack.pop_back();
          continue;
        }
        // Static oracle.
        const int s0 = st.s0();
        const int b0 = st.next;
        std::size_t gold;
        if (s0 != 0 && gold_head(s0) == b0) {
          gold = left_arc(gold_label(s0));
        } else if (gold_head(b0) == s0) {
          gold = right_arc(gold_label(b0));
        } else {
          bool done = s0 != 0 && st.head[static_cast<std::size_t>(s0)] >= 0;
          for (int w = b0; done && w <= st.n; ++w) done = gold_head(w) != s0;
          gold = done ? kReduce : kShift;
        }
        if (!st.legal(gold)) gold = st.legal(kShift) ? kShift : kReduce;
        p.features(st, feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        p.model_.score(feats, scores);
        std::size_t guess = gold;
        float best = -1e30f;
        for (std::size_t a = 0; a < classes; ++a) {
          if (st.legal(a) && scores[a] > best) {
            best = scores[a];
            guess = a;
          }
        }
        p.model_.update(feats, gold, guess);
        p.model_.tick();
        st.apply(gold);
      }
    }
  }
  p.model_.finish();
  return p;
}

void Parser::parse(Sentence& sentence) const {
  if (sentence.size() == 0 || labels_.empty()) return;
  State st(sentence);
  std::vector<std::uint64_t> feats;
  std::vector<float> scores(model_.classes());
  while (!st.buffer_empty()) {
    features(st, feats);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.score(feats, scores);
    std::size_t best_action = kShift;
    float best = -1e30f;
    for (std::size_t a = 0; a < scores.size(); ++a) {
      if (st.legal(a) && scores[a] > best) {
        best = scores[a];
        best_action = a;
      }
    }
    st.apply(best_action);
  }
  // Words left without a head: the first becomes the root if there is
  // none, the others depend on the root.
  int root = 0;
  for (int i = 1; i <= st.n; ++i) {
    if (st.head[static_cast<std::size_t>(i)] == 0) root = i;
  }
  for (int i = 1; i <= st.n; ++i) {
    Token& t = sentence.tokens[static_cast<std::size_t>(i - 1)];
    int h = st.head[static_cast<std::size_t>(i)];
    if (h < 0) {
      if (root == 0) {
        root = i;
        t.head = 0;
        t.deprel = "root";
      } else {
        t.head = root;
        t.deprel = "dep";
      }
      continue;
    }
    t.head = h;
    t.deprel = labels_[static_cast<std::size_t>(st.label[static_cast<std::size_t>(i)])];
    if (h == 0) t.deprel = "root";
  }
  sentence.build_tree();
}

void Parser::save(std::ostream& out) const {
  write_model_header(out, kMagic, metadata_, labels_);
  model_.save(out);
}

std::string Parser::load(std::istream& in) {
  Parser p;
  if (std::string e = read_model_header(in, kMagic, "parser model", p.metadata_, p.labels_);
      !e.empty()) {
    return e;
  }
  if (std::string e = p.model_.load(in); !e.empty()) return e;
  if (p.model_.classes() != 2 + 2 * p.labels_.size()) return "expected one action per relation";
  *this = std::move(p);
  return {};
}

}  // namespace dyad
