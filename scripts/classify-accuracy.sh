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
# report TITLE SPLIT FILE...: one set's figures under a heading.
report() {
  local title=$1 split=$2
  shift 2
  echo "# $title"
  "$bin" classify --eval --split "$split" "$@"
  echo
}
t=classify/testdata
report "1. held-out: fresh strings, test third (no rule written from them)" test $t/fresh/*.tsv
report "1b. held-out: third fresh corpus, test third (no rule written from them)" test $t/fresh3/*.tsv
report "1c. third fresh corpus, train two thirds (rules written from their errors)" train $t/fresh3/*.tsv
report "1d. second fresh corpus, all (held out at first, rules written from it since)" all $t/fresh2/*.tsv
report "2. fresh strings, train two thirds (rules written from their errors)" train $t/fresh/*.tsv
report "3. first corpus, all (rules written from it)" all $t/corpus/*.tsv
report "4. extra strings (rules written from them)" all $t/extra/*.tsv
report "4b. national posts' strings (rules written from them)" all $t/extra2/*.tsv
dev=../shared/testdata/status_strings_dev.tsv
if [ -f "$dev" ]; then
  report "5. shared development set" all "$dev"
fi
