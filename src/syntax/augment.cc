#include "syntax/augment.h"

#include <array>

namespace dyad {
namespace {

Token make_token(int id, int head, const char* form, const char* upos, const char* xpos,
                 const char* feats, const char* deprel) {
  Token t;
  t.id = id;
  t.head = head;
  t.form = form;
  t.lemma = form;
  t.upos = upos;
  t.xpos = xpos;
  t.feats = feats;
  t.deprel = deprel;
  t.deps.assign(1, '_');
  t.misc.assign(1, '_');
  return t;
}

// The root verb whose nominal subject's phrase ends right before it, or 0.
int verb_after_subject(const Sentence& s) {
  for (int r : s.roots()) {
    if (s.token(r).upos != "VERB") continue;
    for (int c : s.children(r)) {
      const Token& subject = s.token(c);
      if (subject.deprel != "nsubj" || (subject.upos != "NOUN" && subject.upos != "PROPN")) {
        continue;
      }
      if (s.subtree_span(c).second == r - 1) return r;
    }
  }
  return 0;
}

}  // namespace

std::vector<Sentence> news_variants(const std::vector<Sentence>& gold) {
  static constexpr std::array<const char*, 7> kDays = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  std::vector<Sentence> out;
  int eligible = 0;
  for (const Sentence& s : gold) {
    const int verb = verb_after_subject(s);
    if (verb == 0 || s.size() < 3) continue;
    if (eligible++ % 3 != 0) continue;
    Sentence v;
    for (const Token& t : s.tokens) {
      Token u = t;
      if (u.id >= verb) u.id += 2;
      if (u.head >= verb) u.head += 2;
      if (u.id == verb + 2) {
        v.tokens.push_back(make_token(verb, verb + 1, "on", "ADP", "IN", "_", "case"));
        v.tokens.push_back(make_token(verb + 1, verb + 2,
                                      kDays[static_cast<std::size_t>(eligible % 7)], "PROPN", "NNP",
                                      "Number=Sing", "obl"));
      }
      v.tokens.push_back(std::move(u));
    }
    if (v.build_tree().empty()) out.push_back(std::move(v));
  }
  return out;
}

}  // namespace dyad
