#!/usr/bin/env bash
# bench/load.sh [SECONDS] [CLIENTS]: the concurrent load test of the api module (ConcurrentLoadTest) run
# for SECONDS (default 60) with CLIENTS clients (default 50): mentees read suggestions and write
# check-ins and milestone progress while a coordinator runs health checks and imports, against the real
# server in the test's JVM. It fails like the test does (any 5xx, any acknowledged write missing) and
# records its figures in the "Load" section of BENCHMARKS.md (LOAD_RECORD=0 leaves it alone).
# LOAD_IMPORT_PAIRINGS (default 300) sets the size of the cohort imported over and over.
# bench/load.sh soak: the 10-minute soak of a served cohort of 20,000 pairings instead (bench/soak.sh says
# what it does and its BENCH_SOAK_* variables).
set -euo pipefail
[ "${1:-}" = soak ] && exec "$(dirname "${BASH_SOURCE[0]}")/soak.sh"

SECONDS_TO_RUN="${1:-60}"
CLIENTS="${2:-50}"
IMPORT_PAIRINGS="${LOAD_IMPORT_PAIRINGS:-300}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(mktemp)"
trap 'rm -f "$OUT"' EXIT

LOAD_AVERAGE="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
echo "load: building and running ConcurrentLoadTest for ${SECONDS_TO_RUN} s with ${CLIENTS} clients..." >&2
(cd "$ROOT" && mvn -B -q -Dstyle.color=never test -pl api -am -Dtest=ConcurrentLoadTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcoach.load.seconds="$SECONDS_TO_RUN" -Dcoach.load.clients="$CLIENTS" \
  -Dcoach.load.importPairings="$IMPORT_PAIRINGS") >"$OUT" 2>&1 || { cat "$OUT" >&2; exit 1; }
# the figures, whatever Maven printed before them on the line
FIGURES="$(grep -a 'load: ' "$OUT" | sed 's/^.*load: //')"
sed 's/^/load: /' <<<"$FIGURES"

[ "${LOAD_RECORD:-1}" = 0 ] && exit 0
BENCH="$ROOT/BENCHMARKS.md"
START='<!-- bench/load.sh: runs are appended below; everything else in this file belongs to bench/run.sh -->'
END='<!-- /bench/load.sh -->'
# a new file starts as bench/run.sh starts it
[ -f "$BENCH" ] || printf '# Benchmarks\n\nResults of `bench/run.sh N`, newest last.\n' >"$BENCH"
if ! grep -qF "$START" "$BENCH"; then
  cat >>"$BENCH" <<SECTION

## Load: bench/load.sh

Mentees read suggestions (half their requests) and write check-ins (three in ten) and milestone
progress (two in ten) while a coordinator runs health checks of the sample cohort and imports (300
generated pairings, and the sample's check-ins again) back to back. Writes take their turn behind those
transactions, which is most of their latency. Clients and server share one JVM (the test's), so the
figures include the clients' own cost. Latencies are per request, from send to the whole answer.

$START
$END
SECTION
fi
RUN="$(mktemp)"
{
  echo
  echo "### $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores (load average ${LOAD_AVERAGE} before), $(java -version 2>&1 | head -1)"
  echo
  echo "${SECONDS_TO_RUN} s, ${CLIENTS} clients, imports of ${IMPORT_PAIRINGS} pairings; \`bench/load.sh ${SECONDS_TO_RUN} ${CLIENTS}\`"
  echo
  echo '```'
  echo "$FIGURES"
  echo '```'
} >"$RUN"
# the new run goes just before the end marker, so runs stay in order inside the section
awk -v end="$END" -v run="$RUN" '$0 == end { while ((getline line < run) > 0) print line } { print }' \
  "$BENCH" >"$BENCH.tmp" && mv "$BENCH.tmp" "$BENCH"
rm -f "$RUN"
echo "load: figures added to BENCHMARKS.md" >&2
