#!/usr/bin/env bash
# Trains the default models from GUM's train split (../shared/ud/gum, the
# documents whose text licence allows redistribution and commercial use).
# Deterministic: the same data gives the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
gum=${GUM_DIR:-../shared/ud/gum}
[ -f "$gum/splits.tsv" ] || { echo "train-models: $gum/splits.tsv is absent"; exit 1; }
files=$(awk -F'\t' -v d="$gum" '$2=="train" {print d "/" $1 ".conllu"}' "$gum/splits.tsv")
meta="dyad part-of-speech tagger (averaged perceptron, UPOS+XPOS). Trained by: scripts/train-models.sh (dyad train --epochs 8) on the GUM V11.1.0 train split, permissive-licence documents only. GUM: Zeldes, A. (2017) The GUM Corpus, Language Resources and Evaluation 51(3); annotations CC BY 4.0, texts under their own CC BY / CC BY-SA licences (see GUM-LICENSE.txt)."
./build/dyad train $files --tagger models/en-gum.tagger --epochs 8 --metadata "$meta"
meta_parser="${meta/part-of-speech tagger (averaged perceptron, UPOS+XPOS)/dependency parser (arc-eager, averaged perceptron)}"
./build/dyad train $files --parser models/en-gum.parser --epochs 10 --metadata "${meta_parser/--epochs 8/--epochs 10}"
