#!/usr/bin/env bash
# Compare package trackingno with the npm package ts-tracking-number@1.0.17
# on the same file of tracking numbers, on one CPU core.
#
# Usage: bench/trackingno-vs-peer.sh [count]     (default 1,000,000 numbers)
#
# Steps: install the peer into a temporary folder with npm; build
# bench/trackingno-peer; generate the numbers with it (a fixed seed, so the
# file is the same on every run); time both on that file, each reading it
# into memory first and timing only the parsing loop; print both rates and
# their ratio. Set ROUNDS to time each side several times and keep its best.
set -euo pipefail

COUNT="${1:-1000000}"
ROUNDS="${ROUNDS:-3}"
SEED="${SEED:-1}"
PEER_VERSION="1.0.17"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GO="${GO:-$(command -v go || echo /usr/local/go/bin/go)}"
for tool in "$GO" node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing tool: $tool" >&2; exit 1; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# One core for both, when taskset exists; GOMAXPROCS=1 keeps Go on one thread.
PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c 0); fi

echo "== installing ts-tracking-number@$PEER_VERSION into $WORK"
(cd "$WORK" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent "ts-tracking-number@$PEER_VERSION" >/dev/null)

echo "== building bench/trackingno-peer"
(cd "$ROOT" && "$GO" build -o "$WORK/trackingno-peer" ./bench/trackingno-peer)

echo "== generating $COUNT numbers (seed $SEED)"
"$WORK/trackingno-peer" -gen "$COUNT" -seed "$SEED" -o "$WORK/numbers.txt"

cat >"$WORK/peer.js" <<'EOF'
// Parse every line of the file with ts-tracking-number's getTracking and
// report the rate; the same protocol as trackingno-peer -in.
const fs = require("fs");
const { getTracking } = require("ts-tracking-number");
const numbers = fs.readFileSync(process.argv[2], "utf8").replace(/\n$/, "").split("\n");
const rounds = Math.max(1, parseInt(process.argv[3] || "1", 10));
let best = Infinity;
let found = 0;
for (let round = 0; round < rounds; round++) {
  found = 0;
  const start = process.hrtime.bigint();
  for (const n of numbers) {
    if (getTracking(n) !== undefined) found++;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (ms < best) best = ms;
}
const rate = numbers.length / (best / 1000);
console.log(`count=${numbers.length} valid=${found} elapsed_ms=${best.toFixed(1)} rate_per_s=${rate.toFixed(0)}`);
EOF

echo "== trackingno (Go $("$GO" env GOVERSION), GOMAXPROCS=1)"
GO_OUT="$(GOMAXPROCS=1 "${PIN[@]}" "$WORK/trackingno-peer" -in "$WORK/numbers.txt" -rounds "$ROUNDS")"
echo "$GO_OUT"

echo "== ts-tracking-number@$PEER_VERSION (node $(node --version))"
NODE_OUT="$(cd "$WORK" && "${PIN[@]}" node peer.js "$WORK/numbers.txt" "$ROUNDS")"
echo "$NODE_OUT"

rate_of() { sed -n 's/.*rate_per_s=\([0-9.]*\).*/\1/p' <<<"$1"; }
GO_RATE="$(rate_of "$GO_OUT")"
NODE_RATE="$(rate_of "$NODE_OUT")"
awk -v g="$GO_RATE" -v n="$NODE_RATE" 'BEGIN {
  printf "== result: trackingno %.0f numbers/s, ts-tracking-number %.0f numbers/s, ratio %.1fx\n", g, n, g / n
}'
