#!/usr/bin/env bash
# bench/soak.sh (also bench/load.sh soak): the soak of issue 18. A `coach serve` (-Xmx1g) on 127.0.0.1 over
# a generated cohort of BENCH_SOAK_PAIRINGS pairings (default 20000) is driven for BENCH_SOAK_SECONDS
# (default 600) by BENCH_SOAK_CLIENTS clients (default 50, in another JVM, org.roadmapcoach.bench.Soak):
# one runs health checks back to back (in the background, Prefer: respond-async, following each job: asked to
# wait, the server answers with the whole check, hundreds of megabytes at 20,000 pairings), one re-imports a slice of the cohort (BENCH_SOAK_IMPORT_PAIRINGS,
# default 300) back to back, the others are mentees (BENCH_SOAK_MENTEES tokens, default 12, shared in turn)
# reading suggestions of random pairings (stored and live dates), their roadmap and next steps, and writing
# check-ins and activities. It stops by itself: at the deadline, or after BENCH_SOAK_MAX_REQUESTS requests
# (default 5000000), each request bounded by 300 s, the whole run by a watchdog.
#
# Passes when: no 5xx and no other unexpected answer; every write answered 201 is in an export of the
# cohort taken after the server stopped (0 lost acknowledged writes); and memory is flat: the server's
# resident set, sampled every BENCH_SOAK_SAMPLE_SECONDS (default 10), grows by at most
# BENCH_SOAK_RSS_GROWTH_PCT percent (default 10) from the middle third of the run to the last (the first
# third is the JIT's and the heap's warm-up). Records its figures in BENCHMARKS.md (LOAD_RECORD=0 leaves it
# alone). BENCH_DIR keeps the work folder (server log, RSS samples, acknowledged ids, export).
set -euo pipefail

SOAK_SECONDS="${BENCH_SOAK_SECONDS:-600}"
PAIRINGS="${BENCH_SOAK_PAIRINGS:-20000}"
CLIENTS="${BENCH_SOAK_CLIENTS:-50}"
MENTEES="${BENCH_SOAK_MENTEES:-12}"
IMPORT_PAIRINGS="${BENCH_SOAK_IMPORT_PAIRINGS:-300}"
MAX_REQUESTS="${BENCH_SOAK_MAX_REQUESTS:-5000000}"
SAMPLE_SECONDS="${BENCH_SOAK_SAMPLE_SECONDS:-10}"
GROWTH_PCT="${BENCH_SOAK_RSS_GROWTH_PCT:-10}"
AS_OF=2026-06-15 # the generated cohort's stories are told as of this date; the server's today too
COHORT=bench
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$WORK"
COACH="$ROOT/coach"
BENCH_CP="$ROOT/bench/target/bench-0.1.0-SNAPSHOT.jar:$ROOT/bench/target/lib/*"
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  [ -z "${BENCH_DIR:-}" ] && rm -rf "$WORK"
  return 0
}
trap cleanup EXIT
say() { printf 'soak: %s\n' "$*" >&2; }
(( CLIENTS >= 3 )) || { say "needs at least 3 clients (a health check, an import and a mentee)"; exit 2; }

say "building (tests skipped)..."
(cd "$ROOT" && mvn -B -q -Dmaven.test.skip=true package) >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }

say "generating and importing $PAIRINGS pairings..."
"$COACH" generate --out "$WORK/cohort" --pairings "$PAIRINGS" --seed 1 >/dev/null
"$COACH" import --db "$WORK/coach.db" --cohort "$COHORT" "$WORK/cohort" >"$WORK/import.out"
COORDINATOR="$("$COACH" token create --db "$WORK/coach.db" --person C01 --role coordinator --cohort "$COHORT" 2>/dev/null)"

# mentees of pairings active on AS_OF, spread over the cohort (the first seven columns are never quoted)
say "creating $MENTEES mentee tokens..."
awk -F, -v as_of="$AS_OF" 'NR > 1 && $7 == "active" && $4 <= as_of && ($5 == "" || $5 >= as_of) { print $1, $2 }' \
  "$WORK/cohort/pairings.csv" >"$WORK/active.txt"
ACTIVE="$(wc -l <"$WORK/active.txt")"
(( ACTIVE > 0 )) || { say "no pairing of the cohort is active on $AS_OF"; exit 1; }
: >"$WORK/tokens.txt"
STEP=$(( ACTIVE / MENTEES > 0 ? ACTIVE / MENTEES : 1 ))
awk -v step="$STEP" -v n="$MENTEES" '(NR - 1) % step == 0 && ++taken <= n' "$WORK/active.txt" |
  while read -r pairing mentee; do
    token="$("$COACH" token create --db "$WORK/coach.db" --person "$mentee" --role mentee --cohort "$COHORT" 2>/dev/null)"
    echo "$token $pairing" >>"$WORK/tokens.txt"
  done

say "starting coach serve (-Xmx1g) on 127.0.0.1..."
COACH_TODAY="$AS_OF" JAVA_OPTS="-Xmx1g" "$COACH" serve --db "$WORK/coach.db" --host 127.0.0.1 --port 0 \
  >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
PIDS+=("$SERVER_PID")
PORT=""
for _ in $(seq 1 6000); do
  kill -0 "$SERVER_PID" 2>/dev/null || { say "coach serve stopped:"; cat "$WORK/serve.err" >&2; exit 1; }
  PORT="$(grep -oE '(port |:)[0-9]{2,5}\b' "$WORK/serve.out" | head -1 | grep -oE '[0-9]+$' || true)"
  [ -n "$PORT" ] && break
  sleep 0.02
done
[ -n "$PORT" ] || { say "coach serve did not say its port"; exit 1; }
URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL/health" || true)" = 200 ] && break
  sleep 0.2
done

# the server's resident set, sampled until it stops: seconds since the start, then kB
START_S="$(date +%s)"
( while kill -0 "$SERVER_PID" 2>/dev/null; do
    kb="$(sed -nE 's/^VmRSS:[[:space:]]+([0-9]+).*/\1/p' "/proc/$SERVER_PID/status" 2>/dev/null || true)"
    [ -n "$kb" ] && echo "$(( $(date +%s) - START_S )) $kb" >>"$WORK/rss.txt"
    sleep "$SAMPLE_SECONDS"
  done ) &
PIDS+=($!)

say "$CLIENTS clients for $SOAK_SECONDS s against $URL..."
STATUS=0
timeout $(( SOAK_SECONDS + 900 )) java -Xmx512m -cp "$BENCH_CP" org.roadmapcoach.bench.Soak "$URL" "$COHORT" \
  "$COORDINATOR" "$WORK/tokens.txt" "$WORK/cohort" "$WORK/acknowledged.txt" "$SOAK_SECONDS" "$CLIENTS" \
  "$MAX_REQUESTS" "$IMPORT_PAIRINGS" >"$WORK/soak.out" 2>"$WORK/soak.err" || STATUS=$?
cat "$WORK/soak.out" >&2
kill "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true

# every acknowledged write must be in the export
"$COACH" export --db "$WORK/coach.db" --cohort "$COHORT" --out "$WORK/export" >/dev/null
ACKED="$(wc -l <"$WORK/acknowledged.txt")"
LOST="$(awk 'FNR == 1 { file++ } file <= 2 && FNR > 1 { split($0, f, ","); have[f[1]] = 1; next }
  file == 3 && !($2 in have) { lost++ } END { print lost + 0 }' \
  "$WORK/export/checkins.csv" "$WORK/export/activities.csv" "$WORK/acknowledged.txt")"

# memory: the largest resident set of the middle third against the last third
read -r RSS_MID RSS_LAST RSS_MAX SAMPLES <<<"$(awk -v end="$SOAK_SECONDS" '
  { t[NR] = $1; kb[NR] = $2; if ($2 > max) max = $2 }
  END { for (i = 1; i <= NR; i++) { if (t[i] >= end / 3 && t[i] < 2 * end / 3 && kb[i] > mid) mid = kb[i];
        if (t[i] >= 2 * end / 3 && t[i] <= end && kb[i] > last) last = kb[i] }
        printf "%d %d %d %d\n", mid / 1024, last / 1024, max / 1024, NR }' "$WORK/rss.txt")"
GROWTH="$(awk -v a="$RSS_MID" -v b="$RSS_LAST" 'BEGIN { printf "%.1f", (a > 0 ? (b - a) * 100 / a : 0) }')"
FLAT="$(awk -v g="$GROWTH" -v l="$GROWTH_PCT" 'BEGIN { print (g <= l ? "flat" : "NOT flat") }')"

FIGURES="$(sed 's/^soak: //' "$WORK/soak.out")
lost acknowledged writes: $LOST of $ACKED
server RSS (MB): middle third max $RSS_MID, last third max $RSS_LAST ($GROWTH%: $FLAT, at most $GROWTH_PCT%), max $RSS_MAX, $SAMPLES samples"
sed 's/^/soak: /' <<<"$FIGURES" | tail -2 >&2

VERDICT="passed"
if [ "$STATUS" -ne 0 ] || [ "$LOST" -ne 0 ] || [ "$FLAT" != flat ]; then VERDICT="FAILED"; fi
say "$VERDICT"

if [ "${LOAD_RECORD:-1}" != 0 ]; then
  BENCH="$ROOT/BENCHMARKS.md"
  START='<!-- bench/soak.sh: runs are appended below -->'
  END='<!-- /bench/soak.sh -->'
  [ -f "$BENCH" ] || printf '# Benchmarks\n' >"$BENCH"
  if ! grep -qF "$START" "$BENCH"; then
    printf '\n## Soak: bench/soak.sh\n\nA served cohort under 50 clients (health checks, imports, reads and writes) for 10 minutes; see the\nscript for the mix and what passes.\n\n%s\n%s\n' "$START" "$END" >>"$BENCH"
  fi
  RUN="$(mktemp)"
  { echo
    echo "### $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores (load average $LOAD_BEFORE before): $VERDICT"
    echo
    echo "$PAIRINGS pairings, $CLIENTS clients, $SOAK_SECONDS s, imports of $IMPORT_PAIRINGS pairings"
    echo
    echo '```'
    echo "$FIGURES"
    echo '```'
  } >"$RUN"
  awk -v end="$END" -v run="$RUN" '$0 == end { while ((getline line < run) > 0) print line } { print }' \
    "$BENCH" >"$BENCH.tmp" && mv "$BENCH.tmp" "$BENCH"
  rm -f "$RUN"
  say "figures added to BENCHMARKS.md"
fi
[ "$VERDICT" = passed ]
