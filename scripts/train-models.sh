#!/usr/bin/env bash
# Trains the default models from GUM's train split (../shared/ud/gum, the
# documents whose text licence allows redistribution and commercial use).
# Deterministic: the same data gives the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
gum=${GUM_DIR:-../shared/ud/gum}
[ -f "$gum/splits.tsv" ] || { echo "train-models: $gum/splits.tsv is absent"; exit 1; }
files=$(awk -F'\t' -v d="$gum" '$2=="train" {print d "/" $1 ".conllu"}' "$gum/splits.tsv")
meta="dyad tagger (averaged perceptron, UPOS+XPOS) and parser (arc-eager, averaged perceptron, dynamic oracle with error exploration, 5-fold jackknifed tags). Trained by: scripts/train-models.sh (dyad train --epochs 8 --parser-epochs 10 --jackknife 5) on the GUM V11.1.0 train split, permissive-licence documents only. GUM: Zeldes, A. (2017) The GUM Corpus, Language Resources and Evaluation 51(3); annotations CC BY 4.0, texts under their own CC BY / CC BY-SA licences (see GUM-LICENSE.txt)."
./build/dyad train $files --tagger models/en-gum.tagger --parser models/en-gum.parser \
  --epochs 8 --parser-epochs 10 --jackknife 5 --metadata "$meta"
