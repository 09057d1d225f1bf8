#!/usr/bin/env bash
# Runs every test of parcelwatch on a fresh machine: installs what is missing,
# makes sure PostgreSQL answers (the store suite runs against it for real),
# then checks formatting and vet and runs the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '==> %s\n' "$*" >&2; }

# Go: the machine's, else Debian's, which fetches the toolchain go.mod names.
export PATH="$PATH:/usr/local/go/bin:$HOME/go/bin"
if ! command -v go >/dev/null 2>&1; then
  log "installing Go"
  apt-get update -qq && apt-get install -y -qq golang-go >/dev/null
fi
export GOTOOLCHAIN="${GOTOOLCHAIN:-auto}"

# PostgreSQL: start the local cluster if it is down; install it if absent.
PGURL="${PARCELWATCH_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}"
pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
if ! command -v pg_isready >/dev/null 2>&1; then
  log "installing PostgreSQL"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
if ! pg_up; then
  log "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi
pg_up || { echo "PostgreSQL does not answer on 127.0.0.1:5432; the store tests need it" >&2; exit 1; }
if ! psql "$PGURL" -Atqc 'select 1' >/dev/null 2>&1; then
  log "creating database test"
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'CREATE DATABASE test' || su postgres -c "createdb test"
fi
export PARCELWATCH_TEST_DATABASE_URL="$PGURL"
export PARCELWATCH_TEST_REQUIRE_POSTGRES=1

log "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "not gofmt-formatted (run gofmt -w):" >&2
  echo "$unformatted" >&2
  exit 1
fi
log "go vet"
go vet ./...
log "go test: store conformance suite on SQLite and PostgreSQL"
# Verbose, so the log names each engine and each behaviour it passed.
go test -race -count=1 -timeout 4m -v ./internal/store/ "$@" | grep -v -E '^=== (RUN|PAUSE|CONT)'
log "go test: everything else"
go test -race -count=1 -timeout 8m $(go list ./... | grep -v '/internal/store$') "$@"
