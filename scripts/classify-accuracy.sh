#!/usr/bin/env bash
# Classification accuracy per language and per label, with confusion
# matrices: on the held-out third of the labelled corpus (strings no rule was
# written from), on the rest, and on the shared development set.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
bin=$(mktemp -d)/parcelwatch
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/parcelwatch
echo "# held-out (test) third of classify/testdata/corpus"
"$bin" classify --eval --split test classify/testdata/corpus/*.tsv
echo
echo "# the other two thirds (rules were written from these)"
"$bin" classify --eval --split train classify/testdata/corpus/*.tsv
dev=../shared/testdata/status_strings_dev.tsv
if [ -f "$dev" ]; then
  echo
  echo "# shared development set"
  "$bin" classify --eval "$dev"
fi
