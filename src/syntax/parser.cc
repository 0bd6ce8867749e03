#include "syntax/parser.h"

#include <algorithm>
#include <istream>
#include <map>
#include <ostream>
#include <string_view>

#include "text/ascii_case.h"

namespace dyad {
namespace {

// DYADPRS3: the root opens the stack; DYADPRS4: the root ends the buffer;
// DYADPRS5: a beam-search model, its width and root layout after the
// labels. (DYADPRS1 models lack the verb-ahead features and are refused.)
constexpr std::string_view kMagic = "DYADPRS3";
constexpr std::string_view kMagicRootLast = "DYADPRS4";
constexpr std::string_view kMagicBeam = "DYADPRS5";
constexpr std::size_t kShift = 0;
constexpr std::size_t kReduce = 1;
// In a beam: a finished configuration carried over unchanged to the next step.
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// An item of a beam: its summed score, where it came from (its index in
// the step before, and the action taken there), and whether its actions so
// far are the gold sequence's (training).
struct BeamItem {
  float score = 0;
  std::size_t parent = 0;
  std::size_t action = kNone;
  bool gold = true;
};

// Beam order: the higher score first; ties by parent, then action, so the
// search is deterministic.
bool better(const BeamItem& a, const BeamItem& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.parent != b.parent) return a.parent < b.parent;
  return a.action < b.action;
}

// The dependent of the first arc whose span its head does not dominate (a
// crossing arc), or 0 when the tree is projective. The heads form a tree.
int crossing_arc(const Sentence& s) {
  const int n = static_cast<int>(s.size());
  for (int d = 1; d <= n; ++d) {
    const int h = s.token(d).head;
    for (int k = std::min(h, d) + 1; k < std::max(h, d); ++k) {
      int a = k;
      while (a != 0 && a != h) a = s.token(a).head;
      if (a != h) return d;
    }
  }
  return 0;
}

// Makes a tree projective by lifting each crossing arc's dependent to its
// head's head (labels kept) until no arc crosses; the parser then learns
// from every training sentence. False if the heads do not form a tree.
bool projectivize(Sentence& s) {
  const int n = static_cast<int>(s.size());
  for (int d = 1; d <= n; ++d) {
    int h = s.token(d).head, steps = 0;
    while (h > 0 && ++steps <= n) h = s.token(h).head;
    if (h != 0) return false;  // a missing head or a cycle
  }
  // Each lift shortens a path to the root, so this ends.
  for (int d = crossing_arc(s); d != 0; d = crossing_arc(s)) {
    Token& t = s.tokens[static_cast<std::size_t>(d - 1)];
    t.head = s.token(t.head).head;
  }
  return true;
}

}  // namespace

// What a configuration reads of its sentence and never changes, shared by
// all configurations of one sentence (a beam copies only what changes).
// The artificial root is word 0, or, with `root_last`, word n + 1 at the
// end of the buffer (Ballesteros and Nivre 2013): then no word is made the
// root before the whole sentence is read, and "Evidence against Russia was
// presented" keeps "Evidence" on the stack for its verb.
struct Parser::Words {
  int n = 0;
  int root = 0;  // 0, or n + 1 with the root last
  // Per-word feature ids (lower-cased form, tag), index 0 = the root.
  std::vector<std::uint64_t> word, tag, fine;
  // The first verb or auxiliary at or after each word (0: none): whether a
  // verb is still to come decides many attachments of the words before it.
  std::vector<int> verb_from;
  // Punctuation: a leaf in UD (8 of GUM's 18,101 training marks head a
  // word), so it is never made a head.
  std::vector<char> punct;

  Words(const Sentence& s, bool root_last)
      : n(static_cast<int>(s.size())),
        root(root_last ? n + 1 : 0),
        word(static_cast<std::size_t>(n) + 3, feature_key(90, "<none>")),
        tag(static_cast<std::size_t>(n) + 3, feature_key(91, "<none>")),
        fine(static_cast<std::size_t>(n) + 3, feature_key(92, "<none>")),
        verb_from(static_cast<std::size_t>(n) + 3, 0),
        punct(static_cast<std::size_t>(n) + 3, 0) {
    const auto r = static_cast<std::size_t>(root);
    word[r] = feature_key(90, "<root>");
    tag[r] = feature_key(91, "<root>");
    fine[r] = feature_key(92, "<root>");
    for (int i = 1; i <= n; ++i) {
      word[static_cast<std::size_t>(i)] = feature_key(90, to_lower_ascii(s.token(i).form));
      tag[static_cast<std::size_t>(i)] = feature_key(91, s.token(i).upos);
      fine[static_cast<std::size_t>(i)] = feature_key(92, s.token(i).xpos);
      punct[static_cast<std::size_t>(i)] = s.token(i).upos == "PUNCT";
    }
    for (int i = n; i >= 1; --i) {
      const std::string& upos = s.token(i).upos;
      verb_from[static_cast<std::size_t>(i)] =
          upos == "VERB" || upos == "AUX" ? i : verb_from[static_cast<std::size_t>(i) + 1];
    }
  }
};

// A parser configuration: the stack, the next buffer word and the arcs so
// far, over the words of `words` (which must outlive it).
struct Parser::State {
  const Words* words;
  int n = 0;
  int root = 0;  // 0, or n + 1 with the root last
  std::vector<int> stack;
  int next = 1;  // first buffer word; past the end when the buffer is empty
  std::vector<int> head, label, leftmost, rightmost, children;
  std::vector<int> leftmost2, rightmost2;          // second-outermost children
  std::vector<std::uint64_t> left_set, right_set;  // labels of left / right children
  bool has_root = false;

  explicit State(const Words& w)
      : words(&w),
        n(w.n),
        root(w.root),
        head(static_cast<std::size_t>(n) + 2, -1),
        label(static_cast<std::size_t>(n) + 2, -1),
        leftmost(static_cast<std::size_t>(n) + 2, 0),
        rightmost(static_cast<std::size_t>(n) + 2, 0),
        children(static_cast<std::size_t>(n) + 2, 0),
        leftmost2(static_cast<std::size_t>(n) + 2, 0),
        rightmost2(static_cast<std::size_t>(n) + 2, 0),
        left_set(static_cast<std::size_t>(n) + 2, 0),
        right_set(static_cast<std::size_t>(n) + 2, 0) {
    if (root == 0) stack.push_back(0);
  }
  int s0() const { return stack.empty() ? -1 : stack.back(); }
  int s1() const { return stack.size() > 1 ? stack[stack.size() - 2] : -1; }
  // The last position of the buffer: the last word, or the root after it.
  int last() const { return std::max(n, root); }
  bool buffer_empty() const { return next > last(); }
  // Parsing ends when the buffer is empty, or (root last) when only the
  // root is left in it and the stack is empty.
  bool done() const { return buffer_empty() || (next == root && stack.empty()); }
  // A real word (not the root) on top of the stack.
  bool word_on_stack() const { return s0() > 0 && s0() != root; }

  bool legal(std::size_t action) const {
    if (action == kShift) return !buffer_empty() && next != root;
    if (action == kReduce) return word_on_stack() && head[static_cast<std::size_t>(s0())] >= 0;
    bool left = (action - 2) % 2 == 0;
    if (buffer_empty()) return false;
    if (left) {
      return word_on_stack() && head[static_cast<std::size_t>(s0())] < 0 &&
             !words->punct[static_cast<std::size_t>(next)];
    }
    if (next == root || s0() < 0 || words->punct[static_cast<std::size_t>(s0())]) return false;
    return s0() != 0 || !has_root;
  }

  void attach(int h, int d, int l) {
    head[static_cast<std::size_t>(d)] = h;
    label[static_cast<std::size_t>(d)] = l;
    if (h == root) has_root = true;
    auto hs = static_cast<std::size_t>(h);
    ++children[hs];
    if (leftmost[hs] == 0 || d < leftmost[hs]) {
      leftmost2[hs] = leftmost[hs];
      leftmost[hs] = d;
    } else if (leftmost2[hs] == 0 || d < leftmost2[hs]) {
      leftmost2[hs] = d;
    }
    if (rightmost[hs] == 0 || d > rightmost[hs]) {
      rightmost2[hs] = rightmost[hs];
      rightmost[hs] = d;
    } else if (rightmost2[hs] == 0 || d > rightmost2[hs]) {
      rightmost2[hs] = d;
    }
    const std::uint64_t bit = std::uint64_t{1} << (static_cast<unsigned>(l) % 64);
    (d < h ? left_set[hs] : right_set[hs]) |= bit;
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
    return i < 0 ? feature_key(90, "<none>") : st.words->word[static_cast<std::size_t>(i)];
  };
  auto P = [&](int i) {
    return i < 0 ? feature_key(91, "<none>") : st.words->tag[static_cast<std::size_t>(i)];
  };
  auto X = [&](int i) {
    return i < 0 ? feature_key(92, "<none>") : st.words->fine[static_cast<std::size_t>(i)];
  };
  auto L = [&](int i) -> std::uint64_t {
    return i <= 0 ? 0xFFFF : static_cast<std::uint64_t>(st.label[static_cast<std::size_t>(i)] + 1);
  };
  const int s0 = st.s0();
  const int s1 = st.s1();
  const int b0 = st.buffer_empty() ? -1 : st.next;
  const int b1 = st.next + 1 <= st.last() ? st.next + 1 : -1;
  const int b2 = st.next + 2 <= st.last() ? st.next + 2 : -1;
  const int s0h = s0 > 0 ? st.head[static_cast<std::size_t>(s0)] : -1;
  const int s0l = s0 >= 0 ? st.leftmost[static_cast<std::size_t>(s0)] : 0;
  const int s0r = s0 >= 0 ? st.rightmost[static_cast<std::size_t>(s0)] : 0;
  const int b0l = b0 > 0 ? st.leftmost[static_cast<std::size_t>(b0)] : 0;
  const std::uint64_t dist =
      b0 > 0 && s0 >= 0 ? static_cast<std::uint64_t>(std::min(b0 - s0, 6)) : 7;
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
  // Penn tags tell participles, tenses and wh-words apart.
  out.push_back(feature_key(44, X(s0), X(b0)));
  out.push_back(feature_key(45, X(s0), X(b0), X(b1)));
  out.push_back(feature_key(46, X(s1), X(s0), X(b0)));
  out.push_back(feature_key(47, W(s0), X(b0)));
  out.push_back(feature_key(48, X(s0), W(b0)));
  out.push_back(feature_key(49, X(s0h), X(s0), X(b0)));
  // Richer non-local context (after Zhang and Nivre 2011): second-outermost
  // children, the label sets of each side, distance with words.
  // A per-word value of the configuration, zero for "no word".
  auto at = [](const auto& v, int i) {
    return i >= 0 ? v[static_cast<std::size_t>(i)]
                  : typename std::decay_t<decltype(v)>::value_type{};
  };
  const int s0l2 = at(st.leftmost2, s0);
  const int s0r2 = at(st.rightmost2, s0);
  const int b0l2 = b0 > 0 ? at(st.leftmost2, b0) : 0;
  out.push_back(feature_key(50, P(s0), L(s0l), L(s0l2)));
  out.push_back(feature_key(51, P(s0), L(s0r), L(s0r2)));
  out.push_back(feature_key(52, P(b0), L(b0l), L(b0l2)));
  out.push_back(feature_key(53, P(s0), P(s0r), P(s0r2)));
  out.push_back(feature_key(54, W(s0), at(st.left_set, s0)));
  out.push_back(feature_key(55, W(s0), at(st.right_set, s0)));
  out.push_back(feature_key(56, P(s0), at(st.right_set, s0), P(b0)));
  out.push_back(feature_key(57, W(b0), at(st.left_set, b0)));
  out.push_back(feature_key(58, dist, W(s0), W(b0)));
  out.push_back(feature_key(59, L(s0h), W(s0h), P(s0)));
  // A verb still to come after b0 (how far, which kind), and one between
  // s0 and b0.
  const int verb_ahead =
      b0 > 0 && b0 < st.n ? st.words->verb_from[static_cast<std::size_t>(b0) + 1] : 0;
  const std::uint64_t ahead =
      verb_ahead == 0 ? 0 : static_cast<std::uint64_t>(std::min(verb_ahead - b0, 5));
  const bool verb_between = s0 >= 0 && b0 > 0 && s0 + 1 < b0 &&
                            st.words->verb_from[static_cast<std::size_t>(s0) + 1] != 0 &&
                            st.words->verb_from[static_cast<std::size_t>(s0) + 1] < b0;
  out.push_back(feature_key(60, P(b0), ahead, X(verb_ahead > 0 ? verb_ahead : -1)));
  out.push_back(feature_key(61, P(s0), P(b0), verb_ahead > 0 ? 1 : 0));
  out.push_back(feature_key(62, P(s0), P(b0), verb_between ? 1 : 0));
}

// A beam search's record for training: the gold actions, each step's items
// (best first; steps[0] holds the start) and the feature vectors of the
// configurations each step expanded, so an update reuses them.
struct Parser::BeamTrace {
  std::vector<std::size_t> gold;
  std::vector<std::vector<BeamItem>> steps;
  std::size_t width = 1;
  std::vector<std::vector<std::uint64_t>> feats;  // [step * width + item]

  std::vector<std::uint64_t>& features(std::size_t step, std::size_t item) {
    const std::size_t at = step * width + item;
    if (feats.size() <= at) feats.resize(at + 1);
    return feats[at];
  }
};

Parser::State Parser::beam_search(const Words& words, int width, BeamTrace* trace) const {
  const auto keep_max = static_cast<std::size_t>(std::max(width, 1));
  std::vector<State> beam{State(words)}, next;
  std::vector<BeamItem> items(1), candidates;
  // This step's feature vectors (when not traced) and action scores, item
  // by item: configurations that differ only where no feature looks have
  // the same features, and are scored once.
  std::vector<std::vector<std::uint64_t>> step_feats(keep_max);
  const std::size_t classes = model_.classes();
  std::vector<float> step_scores(keep_max * classes);
  if (trace != nullptr) {
    trace->width = keep_max;
    trace->steps.assign(1, items);
  }
  for (std::size_t step = 0;; ++step) {
    candidates.clear();
    bool moved = false;
    for (std::size_t k = 0; k < beam.size(); ++k) {
      const State& st = beam[k];
      const std::size_t before = candidates.size();
      if (!st.done()) {
        auto feats_of = [&](std::size_t i) -> std::vector<std::uint64_t>& {
          return trace != nullptr ? trace->features(step, i) : step_feats[i];
        };
        std::vector<std::uint64_t>& f = feats_of(k);
        features(st, f);
        const std::span<float> scores(step_scores.data() + k * classes, classes);
        std::size_t same = 0;
        while (same < k && (beam[same].done() || feats_of(same) != f)) ++same;
        if (same < k) {
          std::copy_n(step_scores.data() + same * classes, classes, scores.data());
        } else {
          std::fill(scores.begin(), scores.end(), 0.0f);
          model_.score(f, scores);
        }
        for (std::size_t a = 0; a < classes; ++a) {
          if (st.legal(a)) candidates.push_back(BeamItem{items[k].score + scores[a], k, a, false});
        }
      }
      if (candidates.size() == before) {
        candidates.push_back(BeamItem{items[k].score, k, kNone, false});
      } else {
        moved = true;
      }
    }
    // Training follows the gold sequence to its end even when the beam has
    // finished before it.
    if (!moved && (trace == nullptr || step >= trace->gold.size())) break;
    const std::size_t keep = std::min(keep_max, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep),
                      candidates.end(), better);
    candidates.resize(keep);
    for (std::size_t j = 0; j < keep; ++j) {
      BeamItem& c = candidates[j];
      if (trace != nullptr) {
        const std::size_t gold_action = step < trace->gold.size() ? trace->gold[step] : kNone;
        c.gold = items[c.parent].gold && c.action == gold_action;
      }
      if (j < next.size()) {
        next[j] = beam[c.parent];
      } else {
        next.push_back(beam[c.parent]);
      }
      if (c.action != kNone) next[j].apply(c.action);
    }
    next.erase(next.begin() + static_cast<std::ptrdiff_t>(keep), next.end());
    std::swap(beam, next);
    items.swap(candidates);
    if (trace != nullptr) trace->steps.push_back(items);
  }
  return beam.front();
}

namespace {

// What each transition costs against the gold tree: the number of gold
// arcs it makes unreachable (a dynamic oracle for arc-eager, Goldberg and
// Nivre 2012), plus one for a wrong label on a right head.
struct ActionCosts {
  int shift = 0, reduce = 0, left = 0, right = 0;
  int left_label = -1, right_label = -1;  // gold label when the head is right
  int of(std::size_t action) const {
    if (action == kShift) return shift;
    if (action == kReduce) return reduce;
    const bool is_left = (action - 2) % 2 == 0;
    const int label = static_cast<int>((action - 2) / 2);
    if (is_left) return left + (left_label >= 0 && label != left_label ? 1 : 0);
    return right + (right_label >= 0 && label != right_label ? 1 : 0);
  }
};

}  // namespace

Parser Parser::train(const std::vector<Sentence>& sentences, int epochs, std::string metadata,
                     std::uint32_t min_updates, bool root_last, int beam,
                     const std::function<void(int epoch, const Parser&)>& after_epoch) {
  Parser p;
  p.metadata_ = std::move(metadata);
  p.root_last_ = root_last;
  p.beam_ = std::max(beam, 1);
  std::map<std::string, int> label_ids;
  for (const Sentence& s : sentences) {
    for (const Token& t : s.tokens) label_ids.emplace(t.deprel, 0);
  }
  label_ids.emplace("dep", 0);
  for (auto& [l, id] : label_ids) {
    id = static_cast<int>(p.labels_.size());
    p.labels_.push_back(l);
  }
  p.dep_label_ = label_ids["dep"];
  const std::size_t classes = 2 + 2 * p.labels_.size();
  p.model_ = Perceptron(classes);
  std::vector<Sentence> usable;  // non-projective trees lifted
  for (const Sentence& s : sentences) {
    Sentence copy = s;
    if (s.size() > 0 && projectivize(copy)) usable.push_back(std::move(copy));
  }
  // The dynamic oracle's costs for the configuration `st`.
  auto action_costs = [](const State& st, const std::vector<int>& gold_head,
                         const std::vector<int>& gold_label) {
    ActionCosts c;
    const int s0 = st.s0();
    const int b0 = st.next;
    auto gh = [&](int i) { return i <= 0 ? -1 : gold_head[static_cast<std::size_t>(i)]; };
    auto has_head = [&](int i) { return i > 0 && st.head[static_cast<std::size_t>(i)] >= 0; };
    int s0_deps_after_b0 = 0;
    bool s0_head_after_b0 = false;
    for (int k = b0 + 1; s0 >= 0 && k <= st.last(); ++k) {
      if (gh(k) == s0) ++s0_deps_after_b0;
      if (gh(s0) == k) s0_head_after_b0 = true;
    }
    const bool b0_head_is_s0 = s0 >= 0 && gh(b0) == s0;
    bool b0_head_below_s0 = false;
    int b0_deps_in_stack = 0;  // headless stack words whose gold head is b0
    for (int k : st.stack) {
      if (gh(b0) == k && k != s0) b0_head_below_s0 = true;
      if (k > 0 && !has_head(k) && gh(k) == b0) ++b0_deps_in_stack;
    }
    const int s0_deps_in_buffer = s0_deps_after_b0 + (b0_head_is_s0 ? 1 : 0);
    // LEFT (b0 -> s0, pop s0): s0 loses a head later in the buffer and its
    // dependents in the buffer.
    c.left = (s0_head_after_b0 ? 1 : 0) + s0_deps_in_buffer;
    if (gh(s0) == b0) c.left_label = gold_label[static_cast<std::size_t>(s0)];
    // RIGHT (s0 -> b0, push b0): b0 loses a head anywhere else, and the
    // stack's headless words lose b0 as theirs.
    c.right = (b0_head_below_s0 || gh(b0) > b0 ? 1 : 0) + b0_deps_in_stack;
    if (b0_head_is_s0) c.right_label = gold_label[static_cast<std::size_t>(b0)];
    // REDUCE (pop s0): its dependents still in the buffer are lost.
    c.reduce = s0_deps_in_buffer;
    // SHIFT (push b0): its head or headless dependents in the stack are lost.
    c.shift = (b0_head_is_s0 || b0_head_below_s0 ? 1 : 0) + b0_deps_in_stack;
    return c;
  };
  // The gold heads (the root as st.root) and label ids of a sentence.
  auto gold_tree = [&](const Sentence& s, const State& st, std::vector<int>& gold_head,
                       std::vector<int>& gold_label) {
    gold_head.assign(static_cast<std::size_t>(st.n) + 2, -1);
    gold_label.assign(static_cast<std::size_t>(st.n) + 2, -1);
    for (int i = 1; i <= st.n; ++i) {
      gold_head[static_cast<std::size_t>(i)] = s.token(i).head == 0 ? st.root : s.token(i).head;
      gold_label[static_cast<std::size_t>(i)] = label_ids[s.token(i).deprel];
    }
  };
  // The epoch's order of the sentences: a fixed shuffle per epoch; `seed`
  // goes on to drive error exploration.
  auto shuffled = [&](int epoch, std::uint64_t& seed) {
    std::vector<std::size_t> order(usable.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    seed = 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(epoch);
    for (std::size_t i = order.size(); i > 1; --i) {
      seed ^= seed << 13;
      seed ^= seed >> 7;
      seed ^= seed << 17;
      std::swap(order[i - 1], order[seed % i]);
    }
    return order;
  };
  auto epoch_done = [&](int epoch) {
    if (!after_epoch) return;
    Parser snapshot = p;
    snapshot.model_.finish(min_updates);
    after_epoch(epoch + 1, snapshot);
  };
  std::vector<std::uint64_t> feats;
  std::vector<float> scores(classes);
  if (p.beam_ > 1) {
    // Global training (Zhang and Nivre 2011): the structured averaged
    // perceptron over whole transition sequences, updated where the beam's
    // best prefix outscores the gold prefix by most (max-violation, Huang
    // et al. 2012). The gold sequence: the oracle's cheapest action, arcs
    // before REDUCE before SHIFT (on a projective tree, the static oracle).
    BeamTrace trace;
    std::vector<int> gold_head, gold_label;
    std::vector<std::vector<std::uint64_t>> gold_feats;
    std::vector<float> gold_sum;  // the gold prefix's score after each step
    for (int epoch = 0; epoch < epochs; ++epoch) {
      std::uint64_t seed = 0;
      for (std::size_t idx : shuffled(epoch, seed)) {
        const Sentence& s = usable[idx];
        const Words words(s, root_last);
        State g(words);
        gold_tree(s, g, gold_head, gold_label);
        trace.gold.clear();
        gold_sum.assign(1, 0.0f);
        for (std::size_t t = 0; !g.done(); ++t) {
          const ActionCosts cost = action_costs(g, gold_head, gold_label);
          std::size_t best = kNone;
          int least = 1 << 30;
          for (std::size_t i = 0; i < classes; ++i) {
            const std::size_t a = i + 2 < classes ? i + 2 : classes - 1 - i;  // arcs, REDUCE, SHIFT
            if (g.legal(a) && cost.of(a) < least) {
              least = cost.of(a);
              best = a;
            }
          }
          if (best == kNone) break;
          if (gold_feats.size() <= t) gold_feats.resize(t + 1);
          p.features(g, gold_feats[t]);
          std::fill(scores.begin(), scores.end(), 0.0f);
          p.model_.score(gold_feats[t], scores);
          gold_sum.push_back(gold_sum.back() + scores[best]);
          trace.gold.push_back(best);
          g.apply(best);
        }
        p.beam_search(words, p.beam_, &trace);
        // The step of largest violation: the best item not gold, by most
        // above the gold prefix of the same length.
        const std::size_t gold_steps = trace.gold.size();
        std::size_t worst = 0;
        float violation = -1e30f;
        for (std::size_t t = 1; t < trace.steps.size(); ++t) {
          const BeamItem& top = trace.steps[t].front();
          const float v = top.score - gold_sum[std::min(t, gold_steps)];
          if (!top.gold && v > violation) {
            violation = v;
            worst = t;
          }
        }
        if (worst > 0) {
          // The best path back to where it leaves the gold sequence, less;
          // the gold sequence from there, more.
          std::size_t item = 0, t = worst;
          for (; t > 0; --t) {
            const BeamItem& it = trace.steps[t][item];
            if (it.gold) break;
            if (it.action != kNone) {
              p.model_.add(trace.features(t - 1, it.parent), it.action, -1.0f);
            }
            item = it.parent;
          }
          for (std::size_t u = t; u < std::min(worst, gold_steps); ++u) {
            p.model_.add(gold_feats[u], trace.gold[u], 1.0f);
          }
        }
        p.model_.tick();
      }
      epoch_done(epoch);
    }
    p.model_.finish(min_updates);
    return p;
  }
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::uint64_t seed = 0;
    for (std::size_t idx : shuffled(epoch, seed)) {
      const Sentence& s = usable[idx];
      const Words words(s, root_last);
      State st(words);
      std::vector<int> gold_head, gold_label;
      gold_tree(s, st, gold_head, gold_label);
      while (!st.done()) {
        p.features(st, feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        p.model_.score(feats, scores);
        const ActionCosts cost = action_costs(st, gold_head, gold_label);
        int least = 1 << 30;
        for (std::size_t a = 0; a < classes; ++a) {
          if (st.legal(a)) least = std::min(least, cost.of(a));
        }
        std::size_t guess = classes, best_gold = classes;
        for (std::size_t a = 0; a < classes; ++a) {
          if (!st.legal(a)) continue;
          if (guess == classes || scores[a] > scores[guess]) guess = a;
          if (cost.of(a) == least && (best_gold == classes || scores[a] > scores[best_gold])) {
            best_gold = a;
          }
        }
        if (guess == classes) break;
        if (cost.of(guess) > least) p.model_.update(feats, best_gold, guess);
        p.model_.tick();
        // Error exploration (Goldberg and Nivre 2012): after the first
        // epoch, usually follow the model's own choice, right or wrong, so
        // the parser learns to recover from its mistakes.
        bool explore = false;
        if (epoch > 0) {
          seed ^= seed << 13;
          seed ^= seed >> 7;
          seed ^= seed << 17;
          explore = seed % 10 != 0;
        }
        st.apply(explore ? guess : best_gold);
      }
    }
    epoch_done(epoch);
  }
  p.model_.finish(min_updates);
  return p;
}

void Parser::parse(Sentence& sentence) const {
  if (sentence.size() == 0 || labels_.empty()) return;
  const Words words(sentence, root_last_);
  State st(words);
  std::vector<std::uint64_t> feats;
  std::vector<float> scores(model_.classes());
  if (beam_ > 1) st = beam_search(words, beam_, nullptr);
  while (!st.done()) {
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
  if (st.root != 0) {
    // Root last: every word has a head, perhaps several the root. One of
    // them stays the root (the first labelled so, a verb before others;
    // else the first verb; else the first); the others depend on it.
    int chosen = 0, best_rank = -1;
    for (int i = 1; i <= st.n; ++i) {
      if (st.head[static_cast<std::size_t>(i)] != st.root) continue;
      const Token& t = sentence.tokens[static_cast<std::size_t>(i - 1)];
      const bool labelled_root =
          labels_[static_cast<std::size_t>(st.label[static_cast<std::size_t>(i)])] == "root";
      const bool verb = t.upos == "VERB" || t.upos == "AUX";
      const int rank = 2 * labelled_root + verb;
      if (rank > best_rank) {
        best_rank = rank;
        chosen = i;
      }
    }
    for (int i = 1; i <= st.n; ++i) {
      auto& h = st.head[static_cast<std::size_t>(i)];
      if (h != st.root) continue;
      h = i == chosen ? 0 : chosen;
      auto& l = st.label[static_cast<std::size_t>(i)];
      if (i != chosen && labels_[static_cast<std::size_t>(l)] == "root") l = dep_label_;
    }
  }
  // Words left without a head: if there is no root yet, the first verb
  // among them (else the first word) becomes it; the others depend on the
  // root, a nominal before it as its subject.
  int root = 0;
  for (int i = 1; i <= st.n; ++i) {
    if (st.head[static_cast<std::size_t>(i)] == 0) root = i;
  }
  if (root == 0) {
    for (const char* upos : {"VERB", "AUX", ""}) {
      for (int i = 1; i <= st.n && root == 0; ++i) {
        if (st.head[static_cast<std::size_t>(i)] < 0 &&
            (*upos == 0 || sentence.tokens[static_cast<std::size_t>(i - 1)].upos == upos)) {
          root = i;
        }
      }
      if (root != 0) break;
    }
  }
  bool subject = false;
  for (int i = 1; i <= st.n; ++i) {
    const std::string& l =
        labels_[static_cast<std::size_t>(std::max(0, st.label[static_cast<std::size_t>(i)]))];
    if (st.head[static_cast<std::size_t>(i)] == root && l.starts_with("nsubj")) subject = true;
  }
  for (int i = 1; i <= st.n; ++i) {
    Token& t = sentence.tokens[static_cast<std::size_t>(i - 1)];
    int h = st.head[static_cast<std::size_t>(i)];
    if (h < 0) {
      if (i == root) {
        t.head = 0;
        t.deprel = "root";
      } else {
        t.head = root;
        const bool nominal = t.upos == "NOUN" || t.upos == "PROPN" || t.upos == "PRON";
        if (t.upos == "PUNCT") {
          t.deprel = "punct";
        } else if (nominal && i < root && !subject) {
          t.deprel = "nsubj";
          subject = true;
        } else {
          t.deprel = "dep";
        }
      }
      continue;
    }
    t.head = h;
    t.deprel = labels_[static_cast<std::size_t>(st.label[static_cast<std::size_t>(i)])];
    if (h == 0) t.deprel = "root";
  }
  // The repairs below each keep a tree; should one not (a cycle on a parse
  // it did not foresee), that repair is undone and the others stay.
  std::vector<std::pair<int, std::string>> before;
  before.reserve(sentence.tokens.size());
  for (auto* repair : {&Parser::reroot_finite_verb, &Parser::subject_after_subordinator,
                       &Parser::reattach_reduced_relative, &Parser::join_name_to_its_noun,
                       &Parser::join_list_of_names, &Parser::label_stray_dependents,
                       &Parser::attach_closing_attribution, &Parser::join_split_subject,
                       &Parser::join_titled_names, &Parser::participle_before_object,
                       &Parser::attach_final_punctuation}) {
    before.clear();
    for (const Token& t : sentence.tokens) before.emplace_back(t.head, t.deprel);
    repair(sentence);
    // Only a moved head can break the tree.
    bool moved = false;
    for (std::size_t i = 0; i < before.size() && !moved; ++i) {
      moved = sentence.tokens[i].head != before[i].first;
    }
    if (moved && !sentence.build_tree().empty()) {
      for (std::size_t i = 0; i < before.size(); ++i) {
        sentence.tokens[i].head = before[i].first;
        sentence.tokens[i].deprel = before[i].second;
      }
    }
  }
  sentence.build_tree();
}

namespace {

// The HEAD and DEPREL columns of a sentence whose parse is being repaired,
// words numbered from 1, read and written before the tree index is rebuilt.
class Arcs {
 public:
  explicit Arcs(Sentence& s) : tokens_(s.tokens) {}
  int size() const { return static_cast<int>(tokens_.size()); }
  Token& operator()(int i) { return tokens_[static_cast<std::size_t>(i - 1)]; }
  const Token& operator()(int i) const { return tokens_[static_cast<std::size_t>(i - 1)]; }
  // The first dependent of `head` whose relation passes `is`, or 0.
  template <class Is>
  int child_where(int head, Is&& is) const {
    for (int i = 1; i <= size(); ++i) {
      if ((*this)(i).head == head && is((*this)(i).deprel)) return i;
    }
    return 0;
  }
  int child(int head, std::string_view relation) const {
    return child_where(head, [&](const std::string& r) { return r == relation; });
  }
  // The first subject of `head` (nsubj, nsubj:pass, ...), or 0.
  int subject(int head) const {
    return child_where(head, [](const std::string& r) { return r.starts_with("nsubj"); });
  }
  // `word` takes the place of `old` in the tree (its head and relation);
  // `old` hangs from `word` by `relation`.
  void take_place(int word, int old, std::string_view relation) {
    Token& w = (*this)(word);
    Token& o = (*this)(old);
    w.head = o.head;
    w.deprel = o.head == 0 ? "root" : o.deprel;
    o.head = word;
    o.deprel = relation;
  }
  // `word` hangs from `head` by `relation`.
  void attach(int word, int head, std::string_view relation) {
    (*this)(word).head = head;
    (*this)(word).deprel = relation;
  }
  // `word` is `top` or lies below it.
  bool within(int word, int top) const {
    for (int h = word, steps = 0; h > 0 && steps <= size(); h = (*this)(h).head, ++steps) {
      if (h == top) return true;
    }
    return false;
  }

 private:
  std::vector<Token>& tokens_;
};

}  // namespace

// The full stop, question or exclamation mark that ends a sentence hangs
// from its root, as UD has it (all 8,146 such marks in GUM do).
void Parser::attach_final_punctuation(Sentence& sentence) {
  Arcs at(sentence);
  const int n = at.size();
  if (n < 2) return;
  Token& last = at(n);
  static constexpr std::string_view kFinal[] = {".", "?", "!", "...", "…"};
  if (last.upos != "PUNCT" ||
      std::find(std::begin(kFinal), std::end(kFinal), last.form) == std::end(kFinal)) {
    return;
  }
  int root = 0;
  for (int i = 1; i <= n; ++i) {
    if (at(i).head == n) return;  // a mark that heads something is left alone
    if (at(i).head == 0) root = i;
  }
  if (root == 0 || root == n) return;
  last.head = root;
  last.deprel = "punct";
}

// "pledged to expel exiled leaders", parsed with "exiled" a verb of its own
// taking "leaders" as object: a past participle right after a verb with no
// object, itself with an object right after it and no subject or auxiliary,
// modifies that object, which is the first verb's.
void Parser::participle_before_object(Sentence& sentence) {
  Arcs at(sentence);
  const int n = at.size();
  for (int v = 1; v + 2 <= n; ++v) {
    const int participle = v + 1, noun = v + 2;
    if (at(v).upos != "VERB" || at(participle).xpos != "VBN" || at(noun).upos != "NOUN") continue;
    if (at(noun).head != participle || at(noun).deprel != "obj") continue;
    if (at(participle).deprel == "conj" || at(participle).deprel == "amod") continue;
    if (at.child(v, "obj")) continue;
    if (at.child_where(participle, [](const std::string& r) {
          return r.starts_with("nsubj") || r.starts_with("aux") || r == "mark";
        })) {
      continue;
    }
    // The participle's other dependents follow the noun phrase.
    for (int i = 1; i <= n; ++i) {
      if (at(i).head == participle && i != noun) at(i).head = noun;
    }
    at.attach(noun, v, "obj");
    at.attach(participle, noun, "amod");
  }
}

// "The Malaysia Airlines Boeing 777 flight MH17 was blown up", parsed with
// "Airlines" an active subject and "MH17" the passive one of the same verb,
// or "Kazakh Senate Chairman Maulen Ashimbayev met ..." with "Senate" and
// "Maulen" both subjects: a verb has one subject, so a run of nominal words
// up to the later subject is that subject's name.
void Parser::join_split_subject(Sentence& sentence) {
  Arcs at(sentence);
  const int n = at.size();
  for (int pass = 2; pass <= n; ++pass) {
    const int verb = at(pass).head;
    if ((at(pass).deprel != "nsubj:pass" && at(pass).deprel != "nsubj") || verb <= pass) continue;
    int active = 0;
    for (int i = 1; i < pass; ++i) {
      if (at(i).head == verb && at(i).deprel == "nsubj") active = i;
    }
    if (active == 0) continue;
    bool nominal = true;  // nothing but names, nouns and numbers between
    for (int k = active; k <= pass && nominal; ++k) {
      const std::string& u = at(k).upos;
      nominal = u == "PROPN" || u == "NOUN" || u == "NUM";
    }
    if (!nominal) continue;
    for (int k = active; k < pass; ++k) {
      Token& t = at(k);
      if (t.head > active && t.head <= pass) continue;  // already inside the name
      if (t.head >= active && t.head < k) continue;
      t.head = pass;
      t.deprel = t.upos == "NUM" ? "nummod" : "compound";
    }
    // Words of the name that hung from the verb (a determiner, "the").
    for (int k = 1; k < active; ++k) {
      if (at(k).head == active && at(k).deprel == "det") at(k).head = pass;
    }
  }
}

void Parser::join_titled_names(Sentence& sentence) {
  Arcs at(sentence);
  const int n = at.size();
  // "Ararat Mirzoyan and Azerbaijani Foreign Minister Jeyhun Bayramov",
  // parsed with "Minister" and "Bayramov" both conjuncts of "Ararat": a
  // title right before a name conjoined to the same word is the name's
  // title (GUM's nmod:desc), and the conjunction is the name's.
  static constexpr std::string_view kTitles[] = {
      "mr.",       "mrs.",     "ms.",        "dr.",        "prof.",    "president",  "minister",
      "secretary", "chairman", "chairwoman", "speaker",    "governor", "ambassador", "general",
      "senator",   "mayor",    "premier",    "chancellor", "king",     "queen",      "prince",
      "princess",  "sheikh",   "emir",       "commander",  "judge",    "justice",    "professor"};
  auto is_title = [&](int k) {
    const std::string lower = to_lower_ascii(at(k).form);
    return std::find(std::begin(kTitles), std::end(kTitles), lower) != std::end(kTitles);
  };
  for (int name = 3; name <= n; ++name) {
    if (at(name).deprel != "conj" || at(name).upos != "PROPN") continue;
    const int head = at(name).head;
    int title = 0;
    for (int k = name - 1; k > head && k >= 1; --k) {
      if (at(k).upos != "PROPN" && at(k).upos != "NOUN") break;
      if (at(k).head == head && at(k).deprel == "conj" && is_title(k)) title = k;
    }
    if (title == 0 || title >= name) continue;
    for (int k = title + 1; k < name; ++k) {  // the name's own first words
      if (at(k).head == title) at(k).head = name;
    }
    for (int k = 1; k < title; ++k) {
      if (at(k).head == title && at(k).deprel == "cc") at(k).head = name;
    }
    at(title).head = name;
    at(title).deprel = "nmod:desc";
  }
  // "President Ilham Aliyev and Prime Minister Nikol Pashinyan met",
  // parsed with "Ilham" a compound of "Pashinyan" and "Minister" its
  // conjunct: a name joined by "and" to a titled name after it heads the
  // coordination, and the title is the second name's.
  for (int first = 1; first <= n; ++first) {
    const int second = at(first).head;
    if (at(first).deprel != "compound" || at(first).upos != "PROPN" || second <= first ||
        at(second).upos != "PROPN") {
      continue;
    }
    int cc = 0, title = 0;
    for (int k = first + 1; k < second; ++k) {
      if (at(k).upos == "CCONJ" && cc == 0) cc = k;
      if (at(k).head == first && at(k).deprel == "conj" && is_title(k)) title = k;
    }
    if (cc == 0 || title == 0 || title < cc) continue;
    at.take_place(first, second, "conj");
    at.attach(cc, second, "cc");
    for (int k = title + 1; k < second; ++k) {  // the second name's first words
      if (at(k).head == title || at(k).head == first) at(k).head = second;
    }
    at.attach(title, second, "nmod:desc");
    for (int k = cc + 1; k < title; ++k) {  // the title's own modifiers
      if (at(k).head == first) at(k).head = title;
    }
  }
}

// "..., defense and military officials said.": the attribution that closes
// a news sentence, parsed with its speakers joined to an earlier phrase and
// "said" to the main verb. A saying verb with no subject, nothing after it
// but its own dependents and punctuation, and a noun phrase between a comma
// and itself takes that phrase as its subject and hangs from the main verb
// as parataxis.
namespace {

// "..., the U.S. Central Command said on Monday night." parsed with the
// speakers as the subject but "said" hanging from a word of the main clause
// (a conjunct of the root, a clause of its object): the attribution is
// parataxis of the root, its comma its own. A conjunct joined by "and" is
// left alone. A weekday taken for a second subject ("said here Wednesday")
// is a time.
void reattach_attribution_with_subject(Arcs& at, int verb, int subject, int root) {
  if (subject > verb || at(verb).head == 0) return;
  if (at(verb).deprel == "parataxis") return;  // of the root, or of the clause it closes
  if (at.child(verb, "cc")) return;
  int first = subject;  // the subject phrase's first word
  for (int i = subject - 1; i >= 1 && at(i).upos != "PUNCT" && at.within(i, subject); --i) {
    first = i;
  }
  // Title words the parser left outside the name ("US Deputy Secretary of
  // Energy Jeffrey Kupfer") belong to the subject.
  int comma = first - 1;
  while (comma >= 1 && first - comma <= 8 && at(comma).form != ",") {
    const Token& t = at(comma);
    const bool title_word = t.upos == "DET" || t.upos == "ADJ" || t.upos == "NOUN" ||
                            t.upos == "PROPN" || t.upos == "NUM" ||
                            (t.upos == "ADP" && to_lower_ascii(t.form) == "of");
    if (!title_word) return;
    --comma;
  }
  if (comma < 2 || at(comma).form != "," || root >= comma) return;
  for (int k = comma + 1; k < first; ++k) {
    Token& t = at(k);
    if (t.head > comma && t.head < first) continue;  // inside the title already
    t.head = subject;
    t.deprel = t.upos == "DET" ? "det" : t.upos == "ADJ" ? "amod" : "compound";
  }
  static constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};
  for (int i = verb + 1; i <= at.size(); ++i) {
    if (at(i).head == verb && at(i).deprel.starts_with("nsubj") &&
        std::find(std::begin(kWeekdays), std::end(kWeekdays), at(i).form) != std::end(kWeekdays)) {
      at(i).deprel = "obl:unmarked";
    }
  }
  // A participle clause after it is adverbial, not what was said.
  for (int i = verb + 2; i <= at.size(); ++i) {
    if (at(i).head == verb && at(i).deprel == "ccomp" && at(i).xpos == "VBG" &&
        at(i - 1).form == ",") {
      at(i).deprel = "advcl";
    }
  }
  at.attach(verb, root, "parataxis");
  at.attach(comma, verb, "punct");
}

}  // namespace

void Parser::attach_closing_attribution(Sentence& sentence) {
  Arcs at(sentence);
  const int n = at.size();
  static constexpr std::string_view kSaying[] = {"say",     "tell",     "add",   "report",
                                                 "confirm", "announce", "state", "claim"};
  int root = 0;
  for (int i = 1; i <= n; ++i) {
    if (at(i).head == 0) root = i;
  }
  for (int v = n; v >= 3 && root != 0; --v) {
    Token& verb = at(v);
    if (verb.upos != "VERB") continue;
    // A participle clause after a comma, and the relative clauses within it,
    // may follow the attribution ("..., the Command said on Monday,
    // expanding its campaign against the group that has seized ...").
    const bool saying =
        std::find(std::begin(kSaying), std::end(kSaying), verb.lemma) != std::end(kSaying);
    if (v != root && !saying &&
        ((verb.xpos == "VBG" && at(v - 1).form == ",") || verb.deprel.starts_with("acl"))) {
      continue;
    }
    if (v == root || !saying) return;  // only the last verb, a saying verb below the root
    for (int i = v + 1; i <= n; ++i) {
      if (at(i).upos != "PUNCT" && !at.within(i, v)) return;
    }
    if (const int subject = at.subject(v)) {
      reattach_attribution_with_subject(at, v, subject, root);
      return;
    }
    const int head = v - 1;  // the speakers' head word
    if (at(head).upos != "NOUN" && at(head).upos != "PROPN") return;
    int comma = 0;
    for (int k = head - 1; k >= 1 && comma == 0; --k) {
      const Token& t = at(k);
      if (t.form == ",") comma = k;
      const bool phrase_word = t.upos == "DET" || t.upos == "ADJ" || t.upos == "NOUN" ||
                               t.upos == "PROPN" || t.upos == "CCONJ" || t.upos == "NUM" ||
                               (t.upos == "ADV" && at(k + 1).upos == "ADJ");  // "very senior"
      if (comma == 0 && !phrase_word) return;
    }
    if (comma == 0 || comma + 6 < head || at.within(root, head)) return;
    for (int k = comma + 1; k < head; ++k) {
      Token& t = at(k);
      if (t.head > comma && t.head <= head) continue;  // inside the phrase already
      if (t.upos == "ADV") {
        t.head = k + 1;
        t.deprel = "advmod";
        continue;
      }
      t.head = head;
      t.deprel = t.upos == "DET"     ? "det"
                 : t.upos == "ADJ"   ? "amod"
                 : t.upos == "CCONJ" ? "cc"
                 : t.upos == "NUM"   ? "nummod"
                                     : "compound";
    }
    at.attach(head, v, "nsubj");
    at.attach(comma, v, "punct");
    verb.head = root;
    verb.deprel = "parataxis";
    return;
  }
}

// "The release came as Israel announced it would free ...", parsed with
// "as Israel" a prepositional phrase and "announced" a clause with no
// subject: a subordinator taken for a preposition before a name or noun
// that a finite verb with no subject follows is that verb's marker, the
// name its subject, the verb an adverbial clause.
void Parser::subject_after_subordinator(Sentence& sentence) {
  Arcs at(sentence);
  const int n = at.size();
  static constexpr std::string_view kSubordinators[] = {
      "as", "after", "before", "while", "when", "since", "until", "because", "once"};
  for (int p = 1; p + 2 <= n; ++p) {
    const std::string word = to_lower_ascii(at(p).form);
    if (at(p).deprel != "case" || std::find(std::begin(kSubordinators), std::end(kSubordinators),
                                            word) == std::end(kSubordinators)) {
      continue;
    }
    const int noun = at(p).head;
    if (noun <= p || (at(noun).upos != "PROPN" && at(noun).upos != "NOUN")) continue;
    if (at(noun).deprel != "obl" && at(noun).deprel != "nmod") continue;
    int end = noun;  // the noun phrase's last word
    for (int i = noun + 1; i <= n; ++i) {
      int h = at(i).head;
      while (h > 0 && h != noun && h > p) h = at(h).head;
      if (h != noun) break;
      end = i;
    }
    if (end + 1 > n) continue;
    Token& verb = at(end + 1);
    // "after crowds burned down its embassy": a past form tagged as the
    // participle but taking an object is the finite verb.
    const bool participle_with_object =
        verb.xpos == "VBN" && at.child(end + 1, "obj") != 0 && !at.child(end + 1, "aux:pass");
    if (verb.upos != "VERB" || (verb.xpos != "VBD" && verb.xpos != "VBZ" && verb.xpos != "VBP" &&
                                !participle_with_object)) {
      continue;
    }
    if (at.subject(end + 1)) {
      continue;
    }
    if (at(noun).head == end + 1) {
      // "after crowds trashed its embassy" with "crowds" an oblique of
      // "trashed": the clause already hangs where it hangs; a parataxis
      // or a bare dep is adverbial.
      if (verb.head > 0 && (verb.deprel == "parataxis" || verb.deprel == "dep")) {
        verb.deprel = "advcl";
      }
    } else if (at.within(at(noun).head, end + 1)) {
      continue;  // the noun's head inside the verb's clause
    } else {
      verb.head = at(noun).head;
      verb.deprel = "advcl";
    }
    at.attach(noun, end + 1, "nsubj");
    at.attach(p, end + 1, "mark");
    at(p).upos = "SCONJ";
    if (participle_with_object) {
      verb.xpos = "VBD";
      verb.feats = "Mood=Ind|Tense=Past|VerbForm=Fin";
    }
  }
}

// Dependents the parser left with a vague label: a bare `dep` with a
// preposition of its own is an oblique of a verb or a modifier of a noun
// ("fired shells at New Zealand"); an adjective right before a noun and
// attached past it as an adverbial modifies the noun ("Russian police
// arrested ...").
void Parser::label_stray_dependents(Sentence& sentence) {
  Arcs at(sentence);
  const int n = at.size();
  for (int i = 1; i <= n; ++i) {
    Token& t = at(i);
    if (t.deprel == "dep" && t.head > 0 && (t.upos == "PROPN" || t.upos == "NOUN")) {
      bool preposition = false;
      for (int k = 1; k < i; ++k) {
        preposition = preposition || (at(k).head == i && at(k).deprel == "case");
      }
      if (!preposition) {
        // "met European Commission President Ursula von der Leyen": a noun
        // after a verb that has no object is its object, when no punctuation
        // stands between them ("-- CBC.ca" is a credit).
        bool punctuation = false;
        for (int k = t.head + 1; k < i; ++k) punctuation = punctuation || at(k).upos == "PUNCT";
        if (at(t.head).upos == "VERB" && t.head < i && !at.child(t.head, "obj") && !punctuation) {
          t.deprel = "obj";
        }
        continue;
      }
      const std::string& h = at(t.head).upos;
      if (h == "VERB") t.deprel = "obl";
      if (h == "NOUN" || h == "PROPN" || h == "PRON") t.deprel = "nmod";
    } else if (t.upos == "ADJ" && t.deprel == "advmod" && i < n && at(i + 1).upos == "NOUN" &&
               t.head != i + 1 && at(i + 1).head == t.head) {
      t.head = i + 1;
      t.deprel = "amod";
    } else if (t.deprel == "vocative" && (t.upos == "PROPN" || t.upos == "NOUN") && t.head > i &&
               at(t.head).upos == "VERB" && (i == 1 || at(i - 1).upos != "PUNCT") && i < n &&
               at(i + 1).upos != "PUNCT" && !at.subject(t.head)) {
      // "Bree Prime Minister Romendacil won't try ...": a name before a verb
      // with no subject, set off by no comma, is no one addressed but the
      // subject.
      t.deprel = "nsubj";
    } else if (t.upos == "VERB" && t.xpos == "VBD" && t.deprel == "acl" && t.head > 0 &&
               t.head < i && !at.child_where(i, [](const std::string& r) {
                 return r.starts_with("nsubj") || r.starts_with("aux");
               })) {
      // "The civilians imprisoned for ...": a past form modifying the noun
      // before it, with no subject or auxiliary, is the past participle.
      t.xpos = "VBN";
      t.feats = "Tense=Past|VerbForm=Part";
    }
  }
  // "Before leaving for Beijing on Thursday, President Bush scheduled ...",
  // parsed with "Bush" an oblique of "leaving" with no preposition: a name
  // after the comma that closes an opening clause, right before the main
  // verb, with no preposition of its own, is the main verb's subject when it
  // has none.
  for (int i = 2; i < n; ++i) {
    Token& t = at(i);
    const int verb = i + 1;
    if (t.upos != "PROPN" || t.deprel != "obl" || at(verb).head != 0 || at(verb).upos != "VERB" ||
        t.head == verb || !at.within(t.head, verb)) {
      continue;
    }
    const std::string& x = at(verb).xpos;  // finite, or a past form as the root
    if (x != "VBD" && x != "VBZ" && x != "VBP" && x != "VBN") continue;
    if (at.child(i, "case") || at.subject(verb)) {
      continue;
    }
    int first = i;  // the name's first word
    while (first > 1 && at(first - 1).head == i && at(first - 1).upos != "PUNCT") --first;
    if (first < 2 || at(first - 1).form != ",") continue;
    t.head = verb;
    t.deprel = "nsubj";
  }
}

// "an attack by Hamas militants", parsed with "Hamas" closing the
// prepositional phrase and "militants" a bare nominal of the verb: a common
// noun with no preposition of its own right after a name that ends a
// prepositional phrase is that phrase's head, the name its compound.
// Time nouns ("in Kyiv today") and double objects ("sent Hezbollah
// weapons": no preposition) are left alone.
void Parser::join_name_to_its_noun(Sentence& sentence) {
  Arcs at(sentence);
  const int n = at.size();
  static constexpr std::string_view kTimeNouns[] = {
      "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening",
      "night", "week",      "month",    "year",    "weekend", "time"};
  for (int j = 2; j <= n; ++j) {
    Token& noun = at(j);
    Token& name = at(j - 1);
    if (noun.upos != "NOUN" || name.upos != "PROPN" || noun.head == j - 1 || name.head == j) {
      continue;
    }
    if (name.deprel != "nmod" && name.deprel != "obl") continue;
    if (at.child(j - 1, "case") == 0 || at.child(j, "case") != 0) continue;
    const std::string lower =
        to_lower_ascii(noun.lemma.empty() || noun.lemma == "_" ? noun.form : noun.lemma);
    if (noun.deprel.find("tmod") != std::string::npos ||
        std::find(std::begin(kTimeNouns), std::end(kTimeNouns), lower) != std::end(kTimeNouns)) {
      continue;
    }
    // The noun's head must not lie inside the name's phrase (it would be a
    // modifier of it already), nor the name's head below the noun.
    if (noun.head >= 1 && at(noun.head).head == j - 1) continue;
    if (at.within(name.head, j)) continue;
    for (int i = 1; i <= n; ++i) {
      if (i != j && at(i).head == j - 1 && i < j - 1) at(i).head = j;  // case, det, amod
    }
    at.take_place(j, j - 1, "compound");
  }
  // "US and British activists", parsed with "US" the phrase's head and
  // "activists" its conjunct: the name and the adjective of nationality
  // are coordinated modifiers of the noun.
  for (int j = 4; j <= n; ++j) {
    Token& noun = at(j);
    const int adjective = j - 1, cc = j - 2, name = j - 3;
    if (noun.upos != "NOUN" || noun.deprel != "conj" || noun.head != name) continue;
    if (at(name).upos != "PROPN" || at(cc).upos != "CCONJ" || at(adjective).upos != "ADJ") continue;
    if (at(adjective).head != j || at(adjective).form[0] < 'A' || at(adjective).form[0] > 'Z') {
      continue;
    }
    if (at(cc).head != j && at(cc).head != name) continue;
    for (int i = 1; i <= n; ++i) {
      if (at(i).head == name && i > j) at(i).head = j;  // the noun's own dependents
    }
    at.take_place(j, name, "compound");
    at.attach(adjective, name, "conj");
    at.attach(cc, adjective, "cc");
  }
  // "The Malaysia Airlines Boeing 777 flight was blown up", parsed with
  // "Airlines" the subject of "flight": a noun that is itself an argument
  // and has no copula takes no subject (GUM has none), and a name before
  // it, with nothing between them but their own dependents, modifies it.
  for (int j = 2; j <= n; ++j) {
    const Token& noun = at(j);
    if (noun.upos != "NOUN" && noun.upos != "PROPN") continue;
    const std::string_view role = std::string_view(noun.deprel).substr(0, noun.deprel.find(':'));
    if (role != "nsubj" && role != "obj" && role != "iobj" && role != "obl" && role != "nmod") {
      continue;
    }
    if (at.child(j, "cop") != 0) continue;
    for (int name = 1; name < j; ++name) {
      if (at(name).head != j || !at(name).deprel.starts_with("nsubj") || at(name).upos != "PROPN") {
        continue;
      }
      bool inside = true;
      for (int i = name + 1; i < j && inside; ++i) inside = at(i).head == j || at.within(i, name);
      if (inside) at(name).deprel = "compound";
    }
  }
}

// "The leaders of France, Germany and Italy criticized ...", parsed with
// "Germany and Italy" a second subject (or an apposition): a name after a
// comma after a name inside a noun's "of" phrase, itself coordinated with a
// later one, continues that coordination.
void Parser::join_list_of_names(Sentence& sentence) {
  Arcs at(sentence);
  const int n = at.size();
  // "Evil Mordor, the awful Arnor, and good Gondor welcomed": two names
  // both made subjects of one verb, "and" before the second, are one
  // coordinated subject.
  for (int c = 2; c <= n; ++c) {
    Token& second = at(c);
    if (second.deprel != "nsubj" || second.upos != "PROPN" || second.head <= c) continue;
    int a = 0;
    for (int i = 1; i < c; ++i) {
      if (at(i).head == second.head && at(i).deprel == "nsubj" && at(i).upos == "PROPN") a = i;
    }
    bool conjunction = false;
    for (int k = a + 1; k < c && a != 0; ++k) {
      conjunction = conjunction || ((at(k).head == c || at(k).head == second.head) &&
                                    at(k).deprel == "cc" && k + 4 > c);
    }
    if (a == 0 || !conjunction) continue;
    second.head = a;
    second.deprel = "conj";
    for (int k = a + 1; k < c; ++k) {  // its commas and conjunction go with it
      if (at(k).head == at(a).head && (at(k).deprel == "punct" || at(k).deprel == "cc")) {
        at(k).head = c;
      }
    }
  }
  // "Arnor, Calenardhon and Gondor" with "Gondor" a conjunct of "Arnor" and
  // "Calenardhon" attached to "Arnor" otherwise: a name after a comma
  // between two coordinated names is a conjunct too.
  for (int c = 1; c <= n; ++c) {
    const int a = at(c).head;
    if (at(c).deprel != "conj" || a <= 0 || a >= c || at(a).upos != "PROPN" ||
        at(c).upos != "PROPN") {
      continue;
    }
    for (int b = a + 2; b < c; ++b) {
      Token& middle = at(b);
      // A name joined by "flat" across a comma ("Mordor, Rohan, Arnor and
      // Bree") is one of the list too; an initial ("Duckworth, A.") is not.
      const bool initial = middle.form.size() <= 2 || middle.form.back() == '.';
      if (middle.head != a || middle.upos != "PROPN" || middle.deprel == "conj" ||
          (middle.deprel == "flat" && initial) || middle.deprel == "compound") {
        continue;
      }
      int start = b;  // the middle name's phrase begins after a comma
      for (int k = a + 1; k < b; ++k) {
        if (at(k).head == b && at(k).upos != "PUNCT" && k < start) start = k;
      }
      if (start <= a + 1 || at(start - 1).form != ",") continue;
      middle.deprel = "conj";
      at.attach(start - 1, b, "punct");
    }
  }
  for (int b = 3; b <= n; ++b) {
    const int a = b - 2;
    Token& first = at(a);
    Token& second = at(b);
    if (first.upos != "PROPN" || second.upos != "PROPN" || at(a + 1).form != ",") continue;
    if (first.deprel != "nmod" || first.head <= 0) continue;
    const int noun = first.head;
    // Another subject of the verb whose subject is the noun, or an
    // apposition of the noun.
    const bool second_subject = second.deprel == "nsubj" && at(noun).deprel == "nsubj" &&
                                second.head == at(noun).head && second.head > 0;
    const bool apposition = second.deprel == "appos" && second.head == noun;
    if (!second_subject && !apposition) continue;
    int last = 0;  // "... and Italy"
    for (int i = b + 1; i <= n; ++i) {
      if (at(i).head != b || at(i).deprel != "conj" || at(i).upos != "PROPN") continue;
      for (int k = b + 1; k < i; ++k) {
        if (at(k).head == i && at(k).deprel == "cc") last = i;
      }
    }
    if (last == 0) continue;
    if (at.within(first.head, b)) continue;  // the first name inside the second's phrase
    second.head = a;
    second.deprel = "conj";
    at.attach(a + 1, b, "punct");
    at(last).head = a;
  }
}

// "A report released in Kigali alleged that ...": a common noun's reduced
// relative clause taken for the main verb. When the root is a past form
// with that noun as its subject and no object of its own, and a later past
// form with no subject, auxiliary, marker or conjunction takes an object or
// a clause, the later verb is the main one: the noun is its subject and the
// first verb modifies the noun (acl).
void Parser::reattach_reduced_relative(Sentence& sentence) {
  Arcs at(sentence);
  const int n = at.size();
  // "... were released yesterday by Putin", parsed with "were" a copula of
  // "yesterday" and "released" its adjective: a form of "be" right before a
  // past participle is the participle's passive auxiliary, and the
  // participle takes the place of the word "be" was joined to.
  static constexpr std::string_view kBe[] = {"is", "are", "was", "were", "be", "been", "being"};
  for (int i = 1; i < n; ++i) {
    const int v = i + 1;
    const int h = at(i).head;
    if (at(i).deprel != "cop" || h == v || h <= 0 || at(v).upos != "VERB" || at(v).xpos != "VBN" ||
        at(v).head != h ||
        std::find(std::begin(kBe), std::end(kBe), to_lower_ascii(at(i).form)) == std::end(kBe)) {
      continue;
    }
    for (int k = 1; k <= n; ++k) {
      if (at(k).head != h || k == v) continue;
      at(k).head = v;  // the predicate's subject, auxiliaries and modifiers
      if (at(k).deprel == "nsubj") at(k).deprel = "nsubj:pass";
    }
    at(i).deprel = "aux:pass";
    at.take_place(v, h, at(h).upos == "NOUN" || at(h).upos == "PROPN" ? "obl:unmarked" : "advmod");
  }
  // "... of an agreement forced on the state by Saudi Arabia", parsed with
  // "forced" a conjunct of the main verb: a past participle right after a
  // noun, joined with no conjunction and with no subject or auxiliary of
  // its own, modifies that noun.
  for (int i = 2; i <= n; ++i) {
    Token& t = at(i);
    if (t.upos != "VERB" || t.xpos != "VBN" || t.deprel != "conj" || at(i - 1).upos != "NOUN") {
      continue;
    }
    if (at.child_where(i,
                       [](const std::string& r) {
                         return r == "cc" || r.starts_with("nsubj") || r.starts_with("aux");
                       }) ||
        at.within(i - 1, i)) {
      continue;
    }
    t.head = i - 1;
    t.deprel = "acl";
  }
  auto past = [](const Token& t) {
    return t.upos == "VERB" && (t.xpos == "VBD" || t.xpos == "VBN");
  };
  int first = 0;
  for (int i = 1; i <= n; ++i) {
    if (at(i).head == 0) first = i;
  }
  // A participle's form: "released", "issued" (not "came", "went").
  if (first == 0 || !past(at(first)) ||
      (at(first).xpos != "VBN" && !at(first).form.ends_with("ed"))) {
    return;
  }
  int noun = 0;
  for (int i = 1; i < first; ++i) {
    if (at(i).head == first && at(i).deprel == "nsubj" && at(i).upos == "NOUN") noun = i;
  }
  if (noun == 0) return;
  // "released Tuesday": a day or a month taken for an object is none.
  auto real_object = [&](int i) {
    const Token& t = at(i);
    return t.head == first && (t.deprel == "obj" || t.deprel == "iobj" || t.deprel == "ccomp") &&
           t.upos != "PROPN";
  };
  for (int i = first + 1; i <= n; ++i) {
    if (real_object(i)) return;
  }
  int second = 0;
  bool passive = false;  // "The civilians imprisoned for X were released by Y"
  for (int i = first + 1; i <= n && second == 0; ++i) {
    const Token& t = at(i);
    if (!past(t) || !at.within(t.head, first)) continue;
    const bool own = at.child_where(
        i, [](const std::string& r) { return r.starts_with("nsubj") || r == "mark" || r == "cc"; });
    passive = t.xpos == "VBN" && !own && at.child(i, "aux:pass");
    // A passive joined with no conjunction is no conjunct: the parser's
    // guess at two clauses.
    if ((t.deprel == "conj" && !passive) || t.deprel == "parataxis") return;
    const bool bare =
        !own && !at.child_where(i, [](const std::string& r) { return r.starts_with("aux"); });
    const bool takes =
        at.child_where(i, [](const std::string& r) { return r == "obj" || r == "ccomp"; });
    if (!passive && (!bare || !takes)) return;
    second = i;
  }
  // The relative clause says something ("released in Kigali"): a word of
  // its own stands between the two verbs ("believed linked" is no case).
  bool between = false;
  for (int i = first + 1; i < second; ++i) between = between || at(i).head == first;
  if (second == 0 || !between) return;
  for (int i = second + 1; i <= n; ++i) {
    if (at(i).head == first) at(i).head = second;
  }
  at.attach(second, 0, "root");
  at(noun).head = second;
  if (passive) at(noun).deprel = "nsubj:pass";
  at.attach(first, noun, "acl");
}

// "The United States on Thursday fired ...": a noun made the root with a
// finite verb after it as a bare `dep` is the verb's subject. The verb
// becomes the root; the noun its subject; what the noun held between the
// two (the time phrase, commas) goes to the verb.
void Parser::reroot_finite_verb(Sentence& sentence) {
  auto& tokens = sentence.tokens;
  const int n = static_cast<int>(tokens.size());
  int root = 0;
  for (int i = 1; i <= n; ++i) {
    if (tokens[static_cast<std::size_t>(i - 1)].head == 0) root = i;
  }
  if (root == 0) return;
  Token& noun = tokens[static_cast<std::size_t>(root - 1)];
  if (noun.upos != "NOUN" && noun.upos != "PROPN") return;
  auto finite = [](const Token& t) {
    return t.upos == "VERB" && (t.xpos == "VBD" || t.xpos == "VBZ" || t.xpos == "VBP");
  };
  auto has_subject = [&](int v) {
    return std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
      return t.head == v && t.deprel.starts_with("nsubj");
    });
  };
  // The verb: a bare `dep` of the noun; or, in "X welcomed Y, the agency
  // said", the clause that the `dep` reporting verb governs.
  int verb = 0;
  int reporting = 0;
  int last_conjunct = 0;  // "The US, Russia, and Switzerland met": the split subject's end
  for (int i = root + 1; i <= n && verb == 0; ++i) {
    const Token& t = tokens[static_cast<std::size_t>(i - 1)];
    if (t.head != root || t.deprel != "dep" || !finite(t)) continue;
    if (!has_subject(i)) {
      verb = i;
      break;
    }
    // Its subject is the last conjunct of a coordination the noun opens:
    // a conjunction stands between them and only names and punctuation
    // precede it.
    for (int j = root + 1; j < i; ++j) {
      const Token& c = tokens[static_cast<std::size_t>(j - 1)];
      if (c.head != i || !c.deprel.starts_with("nsubj") || c.upos != "PROPN") continue;
      bool conjunction = false, plain = true;
      for (int k = root + 1; k < j; ++k) {
        const Token& m = tokens[static_cast<std::size_t>(k - 1)];
        conjunction = conjunction || m.upos == "CCONJ";
        plain = plain &&
                (m.upos == "PROPN" || m.upos == "PUNCT" || m.upos == "CCONJ" || m.upos == "DET");
      }
      if (conjunction && plain) {
        verb = i;
        last_conjunct = j;
      }
      break;
    }
    if (verb != 0) break;
    for (int j = root + 1; j < i; ++j) {
      const Token& c = tokens[static_cast<std::size_t>(j - 1)];
      if (c.head == i && c.deprel == "ccomp" && finite(c) && !has_subject(j)) {
        verb = j;
        reporting = i;
        break;
      }
    }
  }
  if (verb == 0) return;
  for (int i = root + 1; i < verb; ++i) {
    Token& t = tokens[static_cast<std::size_t>(i - 1)];
    if (t.head != root) continue;
    if (t.deprel == "nmod" || t.deprel == "nmod:tmod" || t.deprel == "nmod:unmarked") {
      t.head = verb;
      t.deprel = t.deprel == "nmod" ? "obl" : "obl" + t.deprel.substr(4);
    } else if (t.deprel == "punct") {
      t.head = verb;
    }
  }
  for (int i = verb + 1; i <= n; ++i) {
    Token& t = tokens[static_cast<std::size_t>(i - 1)];
    if (t.head == root && t.deprel == "punct") t.head = verb;
  }
  if (last_conjunct != 0) {
    // The conjuncts and their conjunction and commas join the noun.
    for (int k = root + 1; k <= last_conjunct; ++k) {
      Token& m = tokens[static_cast<std::size_t>(k - 1)];
      if (m.head != root && m.head != verb && m.head != last_conjunct) continue;
      if (k == last_conjunct || (m.upos == "PROPN" && m.head == root)) {
        m.head = root;
        m.deprel = "conj";
      } else if (m.upos == "CCONJ") {
        m.head = last_conjunct;
        m.deprel = "cc";
      } else if (m.upos == "PUNCT" && m.head == verb) {
        m.head = last_conjunct;
      }
    }
  }
  Token& v = tokens[static_cast<std::size_t>(verb - 1)];
  v.head = 0;
  v.deprel = "root";
  noun.head = verb;
  noun.deprel = "nsubj";
  if (reporting != 0) {
    Token& r = tokens[static_cast<std::size_t>(reporting - 1)];
    r.head = verb;
    r.deprel = "parataxis";
  }
}

void Parser::save(std::ostream& out) const {
  if (beam_ > 1) {
    write_model_header(out, kMagicBeam, metadata_, labels_);
    write_u32(out, static_cast<std::uint32_t>(beam_));
    write_u32(out, root_last_ ? 1 : 0);
  } else {
    write_model_header(out, root_last_ ? kMagicRootLast : kMagic, metadata_, labels_);
  }
  model_.save(out);
}

std::string Parser::load(std::istream& in) {
  Parser p;
  const std::string_view magics[] = {kMagic, kMagicRootLast, kMagicBeam};
  std::size_t which = 0;
  if (std::string e = read_model_header(in, magics, "parser model", which, p.metadata_, p.labels_);
      !e.empty()) {
    return e;
  }
  p.root_last_ = which == 1;
  if (which == 2) {
    std::uint32_t width = 0, root_last = 0;
    if (!read_u32(in, width) || width < 1 || width > 1024) return "expected a beam width";
    if (!read_u32(in, root_last) || root_last > 1) return "expected the root layout";
    p.beam_ = static_cast<int>(width);
    p.root_last_ = root_last == 1;
  }
  const auto dep = std::find(p.labels_.begin(), p.labels_.end(), "dep");
  if (p.root_last_ && dep == p.labels_.end()) return "expected a 'dep' relation";
  p.dep_label_ = static_cast<int>(dep - p.labels_.begin());
  if (std::string e = p.model_.load(in); !e.empty()) return e;
  if (p.model_.classes() != 2 + 2 * p.labels_.size()) return "expected one action per relation";
  *this = std::move(p);
  return {};
}

}  // namespace dyad
