#!/usr/bin/env bash
# Classification accuracy per language and per label, with confusion
# matrices. Strings are read as "parcelwatch classify" reads them: carrier
# and text, no language hint.
#
#   1. classify/testdata/fresh, held-out third: strings from carriers and
#      languages gathered after the rules were written; no rule was written
#      from them and their errors are not looked at.
#   1b. classify/testdata/fresh3, held-out third: a third sample, gathered
#      in a later session from 40 more carriers; only its summary is read.
#   1c. classify/testdata/fresh3, the other two thirds (rules written from
#      their errors after their first measurement).
#   1d. classify/testdata/fresh2: the second sample, 20 carriers; held out
#      until the third was gathered, rules written from it since.
#   2. classify/testdata/fresh, the other two thirds: rules were written
#      from the errors seen here, after their first measurement.
#   3. classify/testdata/corpus: the first corpus, all of it (rules were
#      written from it).
#   4. classify/testdata/extra and extra2: more carriers' and national
#      posts' strings gathered to write rules from.
#   5. the shared development set.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
bin=$(mktemp -d)/parcelwatch
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/parcelwatch
echo "# 1. held-out: fresh strings, test third (no rule written from them)"
"$bin" classify --eval --split test classify/testdata/fresh/*.tsv
echo
echo "# 1b. held-out: third fresh corpus, test third (no rule written from them)"
"$bin" classify --eval --split test classify/testdata/fresh3/*.tsv
echo
echo "# 1c. third fresh corpus, train two thirds (rules written from their errors)"
"$bin" classify --eval --split train classify/testdata/fresh3/*.tsv
echo
echo "# 1d. second fresh corpus, all (held out at first, rules written from it since)"
"$bin" classify --eval classify/testdata/fresh2/*.tsv
echo
echo "# 2. fresh strings, train two thirds (rules written from their errors)"
"$bin" classify --eval --split train classify/testdata/fresh/*.tsv
echo
echo "# 3. first corpus, all (rules written from it)"
"$bin" classify --eval classify/testdata/corpus/*.tsv
if compgen -G "classify/testdata/extra/*.tsv" > /dev/null; then
  echo
  echo "# 4. extra strings (rules written from them)"
  "$bin" classify --eval classify/testdata/extra/*.tsv
fi
if compgen -G "classify/testdata/extra2/*.tsv" > /dev/null; then
  echo
  echo "# 4b. national posts' strings (rules written from them)"
  "$bin" classify --eval classify/testdata/extra2/*.tsv
fi
dev=../shared/testdata/status_strings_dev.tsv
if [ -f "$dev" ]; then
  echo
  echo "# 5. shared development set"
  "$bin" classify --eval "$dev"
fi
