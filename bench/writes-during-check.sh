#!/usr/bin/env bash
# bench/writes-during-check.sh [N]: API writes while the server runs a health check of N pairings (default
# 100000; issue 18: p99 <= 200 ms, and no write waits without a bound). Generates and imports the cohort
# (or reuses BENCH_DIR/coach.db), serves it (-Xmx1g), starts a check in the background (Prefer:
# respond-async) and, until the check's job is done, has WRITERS mentees (default 4) each record check-ins
# of their own pairing one after another; then prints how many writes were made, their statuses and their
# latency (p50, p99, max) as curl saw it over loopback. Records the figures in BENCHMARKS.md
# (BENCH_RECORD=0 leaves it alone).
set -euo pipefail

N="${1:-100000}"
WRITERS="${WRITERS:-4}"
AS_OF=2026-06-15
COHORT=bench
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$WORK"
COACH="$ROOT/coach"
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -z "${BENCH_DIR:-}" ] && rm -rf "$WORK"
  return 0
}
trap cleanup EXIT
say() { echo "$@" >&2; }

if [ ! -f "$WORK/coach.db" ]; then
  say "writes: generating and importing $N pairings into $WORK..."
  "$COACH" generate --out "$WORK/cohort" --pairings "$N" --seed 1 >/dev/null
  JAVA_OPTS=-Xmx1g "$COACH" import --db "$WORK/coach.db" --cohort "$COHORT" "$WORK/cohort" >/dev/null
fi
COORDINATOR="$("$COACH" token create --db "$WORK/coach.db" --person C01 --role coordinator --cohort "$COHORT" 2>/dev/null)"
PORT_FILE="$WORK/serve.out"
JAVA_OPTS=-Xmx1g COACH_TODAY="$AS_OF" "$COACH" serve --db "$WORK/coach.db" --port 0 >"$PORT_FILE" 2>"$WORK/serve.err" &
SERVER_PID=$!
PORT=""
while [ -z "$PORT" ]; do
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.err" >&2; exit 1; }
  PORT="$(grep -oE '(port |:)[0-9]{2,5}\b' "$PORT_FILE" | head -1 | grep -oE '[0-9]+$' || true)"
  sleep 0.1
done
BASE="http://127.0.0.1:$PORT"
until curl -sf -o /dev/null "$BASE/health"; do sleep 0.2; done

say "writes: starting a health check of $N pairings in the background..."
JOB="$(curl -s -X POST -H "Authorization: Bearer $COORDINATOR" -H 'Prefer: respond-async' \
  "$BASE/api/cohorts/$COHORT/health-checks?asOf=$AS_OF" | sed -nE 's/.*"jobId" *: *"([^"]+)".*/\1/p')"
[ -n "$JOB" ] || { say "writes: the check did not start as a job"; exit 1; }
job_running() {
  curl -s -H "Authorization: Bearer $COORDINATOR" "$BASE/api/cohorts/$COHORT/health-checks/jobs/$JOB" \
    | grep -qE '"status" *: *"(queued|running)"'
}

writer() {
  local i="$1" pairing mentee token n=0
  pairing="$(printf 'P%06d' "$i")"; mentee="$(printf 'E%06d' "$i")"
  token="$("$COACH" token create --db "$WORK/coach.db" --person "$mentee" --role mentee --cohort "$COHORT" 2>/dev/null)"
  while [ -f "$WORK/running" ]; do
    n=$((n + 1))
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 300 -X POST \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"date\":\"$AS_OF\",\"minutes\":30,\"notes\":\"written during a check, $n\"}" \
      "$BASE/api/pairings/$pairing/checkins" >>"$WORK/writes.$i"
  done
}
touch "$WORK/running"
for w in $(seq 1 "$WRITERS"); do writer "$w" & done
START="$(date +%s)"
while job_running; do sleep 1; done
rm -f "$WORK/running"
wait $(jobs -p | grep -v "^$SERVER_PID$") 2>/dev/null || true
CHECK_SECONDS=$(( $(date +%s) - START ))

cat "$WORK"/writes.* >"$WORK/writes"
TOTAL="$(wc -l <"$WORK/writes")"
STATUSES="$(cut -d' ' -f1 "$WORK/writes" | sort | uniq -c | awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 }')"
read -r P50 P99 MAX < <(cut -d' ' -f2 "$WORK/writes" | sort -n | awk '{ v[NR] = $1 * 1000 } END {
  i50 = int(NR * 0.50); i99 = int(NR * 0.99); if (i50 < 1) i50 = 1; if (i99 < 1) i99 = 1;
  printf "%.0f %.0f %.0f\n", v[i50], v[i99], v[NR] }')
VERDICT="$(awk -v p="$P99" 'BEGIN { print (p <= 200 ? "met" : "NOT met") }')"
say "writes: $TOTAL check-ins by $WRITERS mentees during a $CHECK_SECONDS s check of $N pairings: $STATUSES; p50 $P50 ms, p99 $P99 ms, max $MAX ms (p99 <= 200 ms: $VERDICT)"

[ "${BENCH_RECORD:-1}" = 0 ] && exit 0
{
  echo
  echo "### $(date -u '+%Y-%m-%d %H:%M UTC'): API writes during a health check of $N pairings (bench/writes-during-check.sh)"
  echo
  echo "$(nproc) cores; load average before $LOAD_BEFORE; commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)."
  echo "$TOTAL check-ins by $WRITERS mentees one after another during the $CHECK_SECONDS s check: $STATUSES;"
  echo "latency p50 $P50 ms, p99 $P99 ms, max $MAX ms. Target p99 <= 200 ms: $VERDICT."
} >>"$ROOT/BENCHMARKS.md"
say "writes: appended to $ROOT/BENCHMARKS.md"
