#!/usr/bin/env bash
# Scores the committed models (models/) on GUM's test split, its news genre
# and GENTLE's test2 split with gold tokens, and on GUM test from raw text;
# prints the CoNLL 2018 figures that docs/models.md reports. MODELS=folder
# scores other models, ACCURATE=1 the beam-search parser (dyad parse
# --accurate), DYAD=binary another build. Also GUM dev with gold tokens.
set -euo pipefail
cd "$(dirname "$0")/.."
gum=${GUM_DIR:-../shared/ud/gum}
[ -f "$gum/splits.tsv" ] || { echo "measure-models: $gum/splits.tsv is absent"; exit 1; }
dyad=${DYAD:-./build/dyad}
models=${MODELS:-models}
accurate=${ACCURATE:+--accurate}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
split() { awk -F'\t' -v d="$gum" -v s="$1" '$2==s {print d "/" $1 ".conllu"}' "$gum/splits.tsv"; }
cat $(split test) >"$work/test.conllu"
cat $(split test | grep '/GUM_news_') >"$work/news.conllu"
cat $(split test2) >"$work/gentle.conllu"
cat $(split dev) >"$work/dev.conllu"
for set in test news gentle dev; do
  "$dyad" parse --models "$models" $accurate --tokenized "$work/$set.conllu" -o "$work/$set.sys.conllu"
  echo "== $set, gold tokens"
  "$dyad" eval-ud "$work/$set.conllu" "$work/$set.sys.conllu" | grep -vE '^(Tokens|Sentences|Words) '
done
# Raw text: each document's sentences joined, a blank line at each paragraph.
for f in $(split test); do
  awk '/^# newpar/ {print ""} /^# text = / {sub(/^# text = /, ""); print}' "$f"
  echo
done >"$work/test.txt"
"$dyad" parse --models "$models" $accurate "$work/test.txt" -o "$work/raw.sys.conllu" 2>/dev/null
echo "== test, from raw text"
"$dyad" eval-ud "$work/test.conllu" "$work/raw.sys.conllu"
