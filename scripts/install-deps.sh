#!/usr/bin/env bash
# Installs the Debian packages dyad needs to build and test. Idempotent and
# non-interactive: packages already present are left alone.
set -euo pipefail
packages=(
  build-essential cmake pkg-config   # compiler and build system
  nlohmann-json3-dev                 # JSON Lines reading and writing
  libcli11-dev                       # command-line parsing for the dyad CLI
  libfmt-dev                         # string formatting (C++20 <format> is missing from g++ 12)
  libicu-dev                         # Unicode properties for the tokenizer (quotes, dashes, scripts)
  libgtest-dev libgmock-dev          # unit tests
  libbenchmark-dev                   # throughput benchmarks in bench/
  iso-codes                          # ISO 3166 country and region names for the country dictionary (build time)
  wamerican                          # English word list: region names that are common words are left out (build time)
  wordnet-base                       # WordNet's word classes for the tagger (model training; read by a test)
  libsqlite3-dev                     # the embedded event store (dyad.db)
  zlib1g-dev                         # gzip (WARC.gz) reading
  libcld2-dev                        # language identification of ingested articles
  libxml2-dev                        # RSS and Atom feeds
  libpq-dev                          # the PostgreSQL event store (--db postgresql://...)
  postgresql                         # a local server for the PostgreSQL store's test
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
