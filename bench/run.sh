#!/usr/bin/env bash
# bench/run.sh [N]: measures Roadmap Coach at N pairings (default 100000) against this machine's floors,
# in one run, prints every figure beside its floor with the ratio and the target, and appends the
# results to BENCHMARKS.md (BENCH_RECORD=0 leaves it alone).
#
#   floors (bench/ module, bare libraries):   ours (the product, JVM capped with -Xmx1g):
#   Commons CSV parse of the generated files   coach import of the cohort
#   + SQLite batch insert of the same rows     (target: <= 1.5 x the two floors together)
#   full read of every stored table            coach check of the whole cohort, results stored
#                                              (target: <= 5 x the floor)
#   Javalin constant JSON under wrk            the suggestions endpoint under the same load, twice:
#                                              stored path, as of the stored health check's date
#                                              (target: >= 50% of the floor's requests/s, p99 <= 15 ms);
#                                              live path, random pairings as of random days of July and
#                                              August 2026, which no stored run covers, so every answer
#                                              is evaluated (target: >= 10% of the floor, p99 <= 30 ms)
#                                              time from coach serve to its first answer (target: <= 3 s)
#                                              and, for every server and path, CPU time per request (no
#                                              target: steadier than requests/s on a machine shared)
#
# PostgreSQL beside SQLite, in the same run: coach import, both checks and coach serve's time to first
# suggestions and both load figures again on a PostgreSQL database, each as a ratio to the same floors
# (rows "PostgreSQL: ..."), with the CPU time the PostgreSQL server spent beside the command's own where
# the script runs that server itself. The server: BENCH_PG=postgresql://user:password@host:port/name (an
# empty database: cohort 'bench' is imported into it and left there); unset, a throwaway cluster of
# Debian's PostgreSQL (installed if missing) in a temporary folder, removed on exit; BENCH_PG=off: none
# (bench/postgres.sh). Then the check split among worker processes (check --partitions, coach worker) with
# 1 and 2 worker processes of one core each, and one process with every core (bench/split-check.sh).
#
# Floors time their own work in-process; ours are whole commands (JVM start included), as a user runs
# them. The HTTP figures need wrk (apt-get install -y wrk) and curl; without them they are skipped.
# Environment: BENCH_DIR (work folder, default a new temporary one), BENCH_KEEP=1 (keep it),
# BENCH_PG (above), BENCH_PARTITIONS (the split check's, default 16), BENCH_RECORD=0, BENCH_ONLY=matching (only bench/match.sh, mentor matching), MATCH_WAITING, BENCH_WRK=0 (no load figures:
# the cohort page and the rest alone), BENCH_WRK_SECONDS (default 15), BENCH_WARMUP_SECONDS (default 60: under this load the
# JIT compiler of a server that has just started needs 45 s or so before its rate stops climbing; every
# measured wrk run, stored path, live path and floor alike, comes after a warm-up this long under its own
# load), BENCH_FLOOR_OPTS (default -Xmx4g).
set -euo pipefail

N="${1:-100000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AS_OF=2026-06-15 # the generated cohort's stories are told as of this date
COHORT=bench
OURS_OPTS="-Xmx1g"
FLOOR_OPTS="${BENCH_FLOOR_OPTS:--Xmx4g}"
WRK_SECONDS="${BENCH_WRK_SECONDS:-15}"
WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-60}"
WORK="${BENCH_DIR:-$(mktemp -d)}"
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
mkdir -p "$WORK"
PIDS=()
. "$ROOT/bench/postgres.sh"
cleanup() {
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  pg_stop
  if [ -z "${BENCH_KEEP:-}" ] && [ -z "${BENCH_DIR:-}" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

say() { printf '%s\n' "$*" >&2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

say "bench: building (tests skipped)..."
(cd "$ROOT" && mvn -B -q -Dmaven.test.skip=true package) >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
COACH="$ROOT/coach"
BENCH_CP="$ROOT/bench/target/bench-0.1.0-SNAPSHOT.jar:$ROOT/bench/target/lib/*"

# ---- measuring helpers ----

# floor CLASS ARGS...: runs a floor program; prints the milliseconds it reports
floor() {
  local line
  line="$(java $FLOOR_OPTS -cp "$BENCH_CP" "org.roadmapcoach.bench.$1" "${@:2}" | tail -1)"
  say "  $line"
  sed -E 's/.* ms=([0-9]+).*/\1/' <<<"$line"
}

# timed NAME CMD...: runs a command with stdout to $WORK/NAME.out; sets WALL_MS and RSS_MB (peak)
timed() {
  local name="$1"; shift
  local start end status=0
  start="$(now_ms)"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || status=$?
    end="$(now_ms)"
    RSS_MB=$(( $(sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+).*/\1/p' "$WORK/$name.time") / 1024 ))
  else
    # no GNU time: the launcher execs java, so this pid is the JVM; VmHWM is its peak resident set
    "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
    local pid=$! hwm=0 kb
    while kill -0 "$pid" 2>/dev/null; do
      kb="$(sed -nE 's/^VmHWM:[[:space:]]+([0-9]+).*/\1/p' "/proc/$pid/status" 2>/dev/null || true)"
      [ -n "$kb" ] && hwm="$kb"
      sleep 0.05
    done
    wait "$pid" || status=$?
    end="$(now_ms)"
    RSS_MB=$(( hwm / 1024 ))
  fi
  WALL_MS=$(( end - start ))
  if [ "$status" -ne 0 ]; then
    say "bench: '$*' failed with exit code $status:"; tail -20 "$WORK/$name.err" >&2; exit 1
  fi
}

ROWS=()
# row FIGURE OURS FLOOR RATIO TARGET VERDICT
row() { ROWS+=("$(printf '| %s | %s | %s | %s | %s | %s |' "$@")"); }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.2f s", ms / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
ratio_exact() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", (b > 0 ? a / b : 0) }'; } # for verdicts
# verdict VALUE OP LIMIT: "met" or "NOT met"
verdict() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { ok = (op == "<=" ? v <= l : v >= l); print (ok ? "met" : "NOT met") }'; }

# ---- matching (BENCH_ONLY=matching runs this part alone) ----

. "$ROOT/bench/match.sh"
if [ "${BENCH_ONLY:-}" != matching ]; then

# ---- the cohort ----

pg_start

say "bench: generating $N pairings into $WORK/cohort..."
timed generate "$COACH" generate --out "$WORK/cohort" --pairings "$N" --seed 1
ROW_COUNT="$(awk '$3 == "rows" { rows += $2 } END { print rows }' "$WORK/generate.out")"
say "  $ROW_COUNT CSV rows in $(seconds "$WALL_MS")"

# ---- import ----

say "bench: floor, Commons CSV parse..."
CSV_MS="$(floor CsvParseFloor "$WORK/cohort")"
say "bench: floor, SQLite batch insert in one transaction..."
INSERT_MS="$(floor SqliteInsertFloor "$WORK/cohort" "$WORK/floor.db")"
rm -f "$WORK"/floor.db*
say "bench: coach import (-Xmx1g)..."
JAVA_OPTS="$OURS_OPTS" timed import "$COACH" import --db "$WORK/coach.db" --cohort "$COHORT" "$WORK/cohort"
IMPORT_MS="$WALL_MS"; IMPORT_RSS="$RSS_MB"
say "  $(seconds "$IMPORT_MS"), peak RSS $IMPORT_RSS MB"
FLOOR_IMPORT=$(( CSV_MS + INSERT_MS ))
r="$(ratio "$IMPORT_MS" "$FLOOR_IMPORT")"
row "coach import" "$(seconds "$IMPORT_MS")" "$(seconds "$FLOOR_IMPORT") (parse $(seconds "$CSV_MS") + insert $(seconds "$INSERT_MS"))" \
  "$r" "<= 1.5" "$(verdict "$r" "<=" 1.5)"
if [ -n "$PG_URL" ]; then
  say "bench: coach import into PostgreSQL (-Xmx1g)..."
  pg_timed pg-import "$COACH" import --db "$PG_URL" --cohort "$COHORT" "$WORK/cohort"
  PG_IMPORT_MS="$WALL_MS"; PG_IMPORT_RSS="$RSS_MB"; PG_IMPORT_CPU="$CPU_TEXT"
  say "  $(seconds "$PG_IMPORT_MS"), peak RSS $PG_IMPORT_RSS MB${CPU_TEXT:+; CPU $CPU_TEXT}"
  r="$(ratio "$PG_IMPORT_MS" "$FLOOR_IMPORT")"
  row "PostgreSQL: coach import" "$(seconds "$PG_IMPORT_MS")" "$(seconds "$FLOOR_IMPORT") (the same floors)" \
    "$r" "<= 1.5" "$(verdict "$r" "<=" 1.5)"
else
  row "PostgreSQL: coach import, check, serve" "skipped: $PG_SKIPPED" "" "" "" ""
fi

# ---- check ----

say "bench: floor, full read of every stored table..."
READ_MS="$(floor FullReadFloor "$WORK/coach.db")"
say "bench: coach check (-Xmx1g), first run..."
JAVA_OPTS="$OURS_OPTS" timed check1 "$COACH" check --db "$WORK/coach.db" --cohort "$COHORT" --as-of "$AS_OF"
CHECK1_MS="$WALL_MS"; CHECK1_RSS="$RSS_MB"
say "  $(seconds "$CHECK1_MS"), peak RSS $CHECK1_RSS MB; $(sed -n 2p "$WORK/check1.out")"
say "bench: coach check (-Xmx1g), second run, compared with the first..."
JAVA_OPTS="$OURS_OPTS" timed check2 "$COACH" check --db "$WORK/coach.db" --cohort "$COHORT" --as-of "$AS_OF"
CHECK2_MS="$WALL_MS"; CHECK2_RSS="$RSS_MB"
say "  $(seconds "$CHECK2_MS"), peak RSS $CHECK2_RSS MB"
r="$(ratio "$CHECK1_MS" "$READ_MS")"
row "coach check, first run" "$(seconds "$CHECK1_MS")" "$(seconds "$READ_MS") (full read)" "$r" "<= 5" "$(verdict "$r" "<=" 5)"
r="$(ratio "$CHECK2_MS" "$READ_MS")"
row "coach check, second run (compared with the first)" "$(seconds "$CHECK2_MS")" "$(seconds "$READ_MS") (full read)" "$r" "<= 5" "$(verdict "$r" "<=" 5)"
row "peak RSS: import / check / check again" "$IMPORT_RSS / $CHECK1_RSS / $CHECK2_RSS MB" "" "" "-Xmx1g" ""
if [ -n "$PG_URL" ]; then
  say "bench: coach check on PostgreSQL (-Xmx1g), first run..."
  pg_timed pg-check1 "$COACH" check --db "$PG_URL" --cohort "$COHORT" --as-of "$AS_OF"
  PG_CHECK1_MS="$WALL_MS"; PG_CHECK1_RSS="$RSS_MB"; PG_CHECK1_CPU="$CPU_TEXT"
  say "  $(seconds "$PG_CHECK1_MS"), peak RSS $PG_CHECK1_RSS MB${CPU_TEXT:+; CPU $CPU_TEXT}; $(sed -n 2p "$WORK/pg-check1.out")"
  if ! cmp -s <(sed -n 2p "$WORK/check1.out") <(sed -n 2p "$WORK/pg-check1.out"); then
    say "  warning: the check's summary differs from SQLite's: $(sed -n 2p "$WORK/check1.out")"
  fi
  say "bench: coach check on PostgreSQL (-Xmx1g), second run, compared with the first..."
  pg_timed pg-check2 "$COACH" check --db "$PG_URL" --cohort "$COHORT" --as-of "$AS_OF"
  PG_CHECK2_MS="$WALL_MS"; PG_CHECK2_RSS="$RSS_MB"; PG_CHECK2_CPU="$CPU_TEXT"
  say "  $(seconds "$PG_CHECK2_MS"), peak RSS $PG_CHECK2_RSS MB${CPU_TEXT:+; CPU $CPU_TEXT}"
  r="$(ratio "$PG_CHECK1_MS" "$READ_MS")"
  row "PostgreSQL: coach check, first run" "$(seconds "$PG_CHECK1_MS")" "$(seconds "$READ_MS") (full read, SQLite)" "$r" "<= 5" "$(verdict "$r" "<=" 5)"
  r="$(ratio "$PG_CHECK2_MS" "$READ_MS")"
  row "PostgreSQL: coach check, second run (compared with the first)" "$(seconds "$PG_CHECK2_MS")" "$(seconds "$READ_MS") (full read, SQLite)" "$r" "<= 5" "$(verdict "$r" "<=" 5)"
  row "PostgreSQL: peak RSS: import / check / check again" "$PG_IMPORT_RSS / $PG_CHECK1_RSS / $PG_CHECK2_RSS MB" "" "" "-Xmx1g" ""
  if [ -n "$PG_IMPORT_CPU" ]; then
    # steadier than wall time on a machine shared; the SQLite figures beside them for comparison
    row "CPU time (user + system): import / check / check again" \
      "$(seconds "$(cpu_ms import)") / $(seconds "$(cpu_ms check1)") / $(seconds "$(cpu_ms check2)")" "" "" "" ""
    row "PostgreSQL: CPU time, coach + server: import / check / check again" "$PG_IMPORT_CPU / $PG_CHECK1_CPU / $PG_CHECK2_CPU" "" "" "" ""
  fi
  # the check split among 1 and 2 worker processes (check --partitions, coach worker)
  SPLIT_DB="$PG_URL"; CHECK_PG_MS="$PG_CHECK2_MS"
  . "$ROOT/bench/split-check.sh"
fi

# ---- HTTP ----

# cpu_ticks PID: the CPU time the process has used so far, user and system, in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# wrk_run URL [LUA]: a warm-up, then the measured run against $SERVER_PID; sets RPS, P50_MS, P99_MS,
# CPU_US, the server's CPU time per request in microseconds (steadier than requests/s when other work
# shares the machine), and REQUESTS, how many requests the warm-up and the measured run made together.
# Each wrk run gets a seed of its own (BENCH_SEED, for the scripts), so the measured run does not ask
# again what the warm-up asked.
WRK_RUNS=0
wrk_run() {
  local script=() out warm ticks db_ms
  [ -n "${2:-}" ] && script=(-s "$2")
  WRK_RUNS=$(( WRK_RUNS + 1 ))
  warm="$(BENCH_SEED="$WRK_RUNS" wrk -t2 -c50 -d"${WARMUP_SECONDS}s" "${script[@]}" "$1")"
  WRK_RUNS=$(( WRK_RUNS + 1 ))
  ticks="$(cpu_ticks "$SERVER_PID")"
  db_ms="$(pg_cpu_ms)"
  out="$(BENCH_SEED="$WRK_RUNS" wrk -t2 -c50 -d"${WRK_SECONDS}s" --latency "${script[@]}" "$1")"
  ticks=$(( $(cpu_ticks "$SERVER_PID") - ticks ))
  [ -n "$db_ms" ] && db_ms=$(( $(pg_cpu_ms) - db_ms ))
  REQUESTS=$(( $(wrk_requests <<<"$warm") + $(wrk_requests <<<"$out") ))
  RPS="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")"
  CPU_US="$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v r="$RPS" -v d="$WRK_SECONDS" \
    'BEGIN { printf "%.1f", (r > 0 ? t / hz * 1000000 / (r * d) : 0) }')"
  # the throwaway PostgreSQL's CPU time over the same seconds, per request (empty without it)
  DB_CPU_US="${db_ms:+$(awk -v ms="$db_ms" -v r="$RPS" -v d="$WRK_SECONDS" 'BEGIN { printf "%.1f", (r > 0 ? ms * 1000 / (r * d) : 0) }')}"
  P50_MS="$(awk '$1 == "50%" { print $2 }' <<<"$out" | to_ms)"
  P99_MS="$(awk '$1 == "99%" { print $2 }' <<<"$out" | to_ms)"
  # a failed answer, or one that took longer than wrk's timeout (2 s, left out of its latencies), is a
  # finding of its own: said, not hidden in the rate
  if grep -qE "Non-2xx|Socket errors" <<<"$warm$out"; then
    say "  warning: $(grep -hE "Non-2xx|Socket errors" <<<"$warm"$'\n'"$out" | tr -s ' ' | paste -sd ';' -)"
  fi
}
wrk_requests() { awk '/ requests in / { print $1; found = 1 } END { if (!found) print 0 }'; }
to_ms() { awk '{ v = $1 + 0; if ($1 ~ /us$/) v /= 1000; else if ($1 ~ /[0-9]s$/ && $1 !~ /ms$/) v *= 1000; printf "%.2f", v }'; }

# wait_for URL [HEADER]: polls until the URL answers 200 (two minutes at most); prints the milliseconds
# since START_MS
wait_for() {
  local code deadline=$(( $(now_ms) + 120000 ))
  while :; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 ${2:+-H "$2"} "$1" || true)"
    [ "$code" = 200 ] && break
    if [ "$(now_ms)" -gt "$deadline" ]; then say "bench: $1 did not answer 200 (last: $code)"; exit 1; fi
    sleep 0.01
  done
  echo $(( $(now_ms) - START_MS ))
}

# start_server NAME CMD...: starts a server in the background, waits for its port in its output
start_server() {
  local name="$1"; shift
  "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  PORT=""
  while [ -z "$PORT" ]; do
    kill -0 "$SERVER_PID" 2>/dev/null || { say "bench: $name stopped:"; cat "$WORK/$name.err" >&2; exit 1; }
    PORT="$(grep -soE '(port |:)[0-9]{2,5}\b' "$WORK/$name.out" | head -1 | grep -oE '[0-9]+$' || true)"
    sleep 0.01
  done
}

# The coordinator's cohort page (WEB.md: <= 300 ms of server time and <= 400 KB at 100,000 pairings): signed in
# with a one-time link as a browser is, then each view asked 5 times after one warm-up; the median time
# (curl's total on this machine, so it includes the transfer) and the size of the HTML.
cohort_page_figures() {
  local jar="$WORK/cookies" link page csrf view ms bytes times worst_ms=0 worst_bytes=0
  link="$("$COACH" token create --db "$WORK/coach.db" --person C01 --role coordinator --cohort "$COHORT" --link 2>/dev/null)"
  link="${link##*link=}"
  page="$(curl -s -c "$jar" -b "$jar" "$BASE/signin?link=$link")"
  csrf="$(printf '%s' "$page" | sed -nE 's/.*name="csrf" value="([^"]+)".*/\1/p' | head -1)"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "link=$link" "$BASE/signin"
  for view in "" "?health=red" "?rule=CI-OVERDUE" "?new=on" "?q=patel" "?page=200"; do
    curl -s -o /dev/null -b "$jar" "$BASE/cohorts/$COHORT$view"
    times=()
    for i in 1 2 3 4 5; do
      read -r ms bytes < <(curl -s -o /dev/null -b "$jar" -w '%{time_total} %{size_download}\n' "$BASE/cohorts/$COHORT$view" \
        | awk '{ printf "%d %d\n", $1 * 1000, $2 }')
      times+=("$ms")
    done
    ms="$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)"
    say "  cohort page ${view:-(no filter)}: median $ms ms, $(( bytes / 1024 )) KB"
    [ "$ms" -gt "$worst_ms" ] && worst_ms="$ms"
    [ "$bytes" -gt "$worst_bytes" ] && worst_bytes="$bytes"
    PAGE_VIEWS+="${view:-/} $ms ms; "
  done
  row "cohort page (no filter, health, rule, new only, name, page 200): slowest median / largest" \
    "$worst_ms ms / $(( worst_bytes / 1024 )) KB" "" "" "<= 300 ms, <= 400 KB" \
    "$(verdict "$worst_ms" "<=" 300) / $(verdict "$(( worst_bytes / 1024 ))" "<=" 400)"
  row "cohort page, each view's median" "${PAGE_VIEWS% }" "" "" "" ""
}

# serve_start NAME DB: starts coach serve (-Xmx1g) over DB with a coordinator's token of its own; sets
# SERVER_PID, TOKEN, AUTH, BASE, HEALTH_MS and FIRST_MS (time to /health and to the first suggestions)
serve_start() {
  TOKEN="$("$COACH" token create --db "$2" --person C01 --role coordinator --cohort "$COHORT" 2>/dev/null)"
  AUTH="Authorization: Bearer $TOKEN"
  START_MS="$(now_ms)"
  JAVA_OPTS="$OURS_OPTS" start_server "$1" "$COACH" serve --db "$2" --port 0
  BASE="http://127.0.0.1:$PORT"
  HEALTH_MS="$(wait_for "$BASE/health")"
  FIRST_MS="$(wait_for "$BASE/api/pairings/$FIRST/suggestions?asOf=$AS_OF" "$AUTH")"
  say "  /health after $HEALTH_MS ms, first suggestions after $FIRST_MS ms"
}

serve_stop() {
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
}

# serve_load PREFIX [DB]: the suggestions endpoint of the server at $BASE under load, stored path then live path;
# sets PREFIX_STORED_RPS, _P50, _P99, _CPU, _DB_CPU (with DB: the throwaway PostgreSQL's CPU per request, else
# empty), the same for LIVE, PREFIX_LIVE_REQUESTS, _LIVE_ACTIVE, _SERVE_RSS
serve_load() {
  local p="$1" i pairing day date active=0
  say "bench: suggestions, stored path: random pairings as of $AS_OF, the stored run's date, under wrk -t2 -c50 (${WRK_SECONDS}s after a ${WARMUP_SECONDS}s warm-up)..."
  BENCH_PAIRINGS="$N" BENCH_TOKEN="$TOKEN" BENCH_AS_OF="$AS_OF" wrk_run "$BASE/" "$ROOT/bench/suggestions.lua"
  printf -v "${p}_STORED_RPS" %s "$RPS"; printf -v "${p}_STORED_P50" %s "$P50_MS"
  printf -v "${p}_STORED_P99" %s "$P99_MS"; printf -v "${p}_STORED_CPU" %s "$CPU_US"
  printf -v "${p}_STORED_DB_CPU" %s "${2:+$DB_CPU_US}"
  say "  $RPS requests/s, p50 $P50_MS ms, p99 $P99_MS ms, $CPU_US µs of CPU a request$(db_cpu_note "${2:-}")"
  say "bench: suggestions, live path: random pairings as of random days of July and August 2026 (no stored run), same load, same warm-up..."
  BENCH_PAIRINGS="$N" BENCH_TOKEN="$TOKEN" wrk_run "$BASE/" "$ROOT/bench/suggestions-live.lua"
  printf -v "${p}_LIVE_RPS" %s "$RPS"; printf -v "${p}_LIVE_P50" %s "$P50_MS"
  printf -v "${p}_LIVE_P99" %s "$P99_MS"; printf -v "${p}_LIVE_CPU" %s "$CPU_US"
  printf -v "${p}_LIVE_REQUESTS" %s "$REQUESTS"; printf -v "${p}_LIVE_DB_CPU" %s "${2:+$DB_CPU_US}"
  say "  $RPS requests/s, p50 $P50_MS ms, p99 $P99_MS ms, $CPU_US µs of CPU a request$(db_cpu_note "${2:-}")"
  say "  $REQUESTS requests (warm-up and measured) drawn from $(( N * 62 )) (pairing, date) questions"
  # How many of those questions are of pairings active that day (the others are answered without
  # evaluating): a sample of the same draw, by curl.
  for i in $(seq 1 100); do
    pairing="$(printf 'P%0*d' "$(( ${#N} > 6 ? ${#N} : 6 ))" $(( (RANDOM * 32768 + RANDOM) % N + 1 )))"
    day=$(( RANDOM % 62 + 1 ))
    if [ "$day" -le 31 ]; then date="$(printf '2026-07-%02d' "$day")"; else date="$(printf '2026-08-%02d' $(( day - 31 )))"; fi
    if curl -s --max-time 30 -H "$AUTH" "$BASE/api/pairings/$pairing/suggestions?asOf=$date" | grep -q '"active":true'; then
      active=$(( active + 1 ))
    fi
  done
  printf -v "${p}_LIVE_ACTIVE" %s "$active"
  say "  $active of 100 sampled live questions are of pairings active that day (evaluated by the rules)"
  printf -v "${p}_SERVE_RSS" %s "$(( $(sed -nE 's/^VmHWM:[[:space:]]+([0-9]+).*/\1/p' "/proc/$SERVER_PID/status") / 1024 ))"
}

# db_cpu_note [DB]: with DB, the throwaway PostgreSQL's CPU per request of the last wrk run, for a figure's line
db_cpu_note() {
  if [ -n "$1" ] && [ -n "$DB_CPU_US" ]; then printf ' (+ %s µs of PostgreSQL%ss)' "$DB_CPU_US" "'"; fi
}

# serve_rows PREFIX LABEL: the rows of serve_load's figures, each beside the floor's (RPS, CPU_US, P50_MS, P99_MS)
serve_rows() {
  local p="$1" label="$2" v
  v() { local name="${p}_$1"; printf '%s' "${!name}"; }
  db_cpu() { if [ -n "$(v "$1_DB_CPU")" ]; then printf ' (+ %s µs of PostgreSQL%ss)' "$(v "$1_DB_CPU")" "'"; fi; }
  r="$(ratio "$(v STORED_RPS)" "$RPS")"
  row "${label}suggestions, stored path (as of $AS_OF): requests/s" "$(v STORED_RPS)" "$RPS (constant JSON)" "$r" ">= 0.5" \
    "$(verdict "$(ratio_exact "$(v STORED_RPS)" "$RPS")" ">=" 0.5)"
  row "${label}suggestions, stored path: server CPU per request" "$(v STORED_CPU) µs$(db_cpu STORED)" "$CPU_US µs" \
    "$(ratio "$CPU_US" "$(v STORED_CPU)")" "(floor / ours)" ""
  row "${label}suggestions, stored path: p50 / p99 latency" "$(v STORED_P50) / $(v STORED_P99) ms" "$P50_MS / $P99_MS ms" "" \
    "p99 <= 15 ms" "$(verdict "$(v STORED_P99)" "<=" 15)"
  r="$(ratio "$(v LIVE_RPS)" "$RPS")"
  row "${label}suggestions, live path (random pairings, random days of Jul-Aug 2026): requests/s" \
    "$(v LIVE_RPS)" "$RPS (constant JSON)" "$r" ">= 0.10" "$(verdict "$(ratio_exact "$(v LIVE_RPS)" "$RPS")" ">=" 0.10)"
  row "${label}suggestions, live path: server CPU per request" "$(v LIVE_CPU) µs$(db_cpu LIVE)" "$CPU_US µs" \
    "$(ratio "$CPU_US" "$(v LIVE_CPU)")" "(floor / ours)" ""
  row "${label}suggestions, live path: p50 / p99 latency" "$(v LIVE_P50) / $(v LIVE_P99) ms" "$P50_MS / $P99_MS ms" "" \
    "p99 <= 30 ms" "$(verdict "$(v LIVE_P99)" "<=" 30)"
  row "${label}suggestions, live path: questions asked (warm-up and measured) / (pairing, date) space; pairings active" \
    "$(v LIVE_REQUESTS) / $(( N * 62 )); $(v LIVE_ACTIVE) of 100 sampled" "" "" "" ""
  row "${label}peak RSS: serve" "$(v SERVE_RSS) MB" "" "" "-Xmx1g" ""
}

if ! "$COACH" serve --help >/dev/null 2>&1; then
  say "bench: HTTP figures skipped: needs coach serve"
  row "suggestions endpoint, time to first answer" "skipped: needs coach serve" "" "" "" ""
elif ! command -v curl >/dev/null; then
  say "bench: HTTP figures skipped: needs curl"
  row "suggestions endpoint, time to first answer" "skipped: needs curl" "" "" "" ""
else
  FIRST="$(printf 'P%0*d' "$(( ${#N} > 6 ? ${#N} : 6 ))" 1)"
  WRK_SKIPPED=""
  if [ "${BENCH_WRK:-1}" = 0 ]; then
    say "bench: load figures skipped: BENCH_WRK=0"; WRK_SKIPPED="BENCH_WRK=0"
  elif ! command -v wrk >/dev/null; then
    say "bench: load figures skipped: needs wrk (apt-get install -y wrk)"; WRK_SKIPPED="needs wrk"
  fi
  say "bench: coach serve (-Xmx1g), time to first answer..."
  serve_start serve "$WORK/coach.db"
  row "coach serve: time to first answer (/health)" "$(seconds "$HEALTH_MS")" "" "" "" ""
  row "coach serve: time to first suggestions" "$(seconds "$FIRST_MS")" "" "" "<= 3 s" "$(verdict "$FIRST_MS" "<=" 3000)"
  cohort_page_figures
  # Both paths on each server (SQLite's, then PostgreSQL's), one at a time; then the floor; each ratio is to that floor.
  [ -z "$WRK_SKIPPED" ] && serve_load SQLITE
  serve_stop
  if [ -n "$PG_URL" ]; then
    say "bench: coach serve on PostgreSQL (-Xmx1g), time to first answer..."
    serve_start pg-serve "$PG_URL"
    row "PostgreSQL: coach serve: time to first suggestions" "$(seconds "$FIRST_MS")" "" "" "<= 3 s" "$(verdict "$FIRST_MS" "<=" 3000)"
    [ -z "$WRK_SKIPPED" ] && serve_load PG db
    serve_stop
  fi
  if [ -n "$WRK_SKIPPED" ]; then
    row "suggestions endpoint under wrk -t2 -c50" "skipped: $WRK_SKIPPED" "" "" "" ""
  else
    say "bench: floor, Javalin constant JSON under the same load..."
    start_server constant java $FLOOR_OPTS -cp "$BENCH_CP" org.roadmapcoach.bench.ConstantJsonFloor 0
    wrk_run "http://127.0.0.1:$PORT/constant"
    serve_stop
    say "  $RPS requests/s, p50 $P50_MS ms, p99 $P99_MS ms, $CPU_US µs of CPU a request"
    serve_rows SQLITE ""
    [ -n "$PG_URL" ] && serve_rows PG "PostgreSQL: "
  fi
fi

# ---- report ----

fi # BENCH_ONLY

MACHINE="$(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(java -version 2>&1 | head -1), $(uname -sr)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet -- . ':!BENCHMARKS.md' 2>/dev/null || echo '+changes')"
REPORT="$WORK/report.md"
{
  if [ "${BENCH_ONLY:-}" = matching ]; then
    echo "### $(date -u '+%Y-%m-%d %H:%M UTC'): matching only, $MATCH_WAITING waiting mentees"
  else
    echo "### $(date -u '+%Y-%m-%d %H:%M UTC'): $N pairings ($ROW_COUNT CSV rows)"
  fi
  echo
  echo "Machine: $MACHINE; load average before the run $LOAD_BEFORE. Commit $COMMIT."
  echo
  echo "| figure | ours | floor | ratio | target | |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
} >"$REPORT"
cat "$REPORT"
if [ "${BENCH_RECORD:-1}" != 0 ]; then
  BENCHMARKS="$ROOT/BENCHMARKS.md"
  SECTION='## Floors and targets: bench/run.sh'
  [ -f "$BENCHMARKS" ] || printf '# Benchmarks\n\nResults of `bench/run.sh N`, newest last.\n\n' >"$BENCHMARKS"
  if ! grep -qF "$SECTION" "$BENCHMARKS"; then
    cat >>"$BENCHMARKS" <<'INTRO'

## Floors and targets: bench/run.sh

`bench/run.sh N` generates a cohort of N pairings (`coach generate`, seed 1, as of 2026-06-15) and
measures, in one run on one machine, our commands beside what the same work costs with bare libraries
(the floors, main classes of the `bench` module): a Commons CSV parse of the files, a SQLite batch
insert of their rows in one transaction, a full read of every stored table into the domain records,
and a Javalin endpoint returning constant JSON under `wrk -t2 -c50`. Floors time their own work;
ours are whole commands, JVM start included, with `-Xmx1g`. Targets at 100,000 pairings: import
<= 1.5 x (parse + insert), check <= 5 x full read, suggestions as of the stored run's date (stored
path) >= 50% of the constant endpoint's requests/s with p99 <= 15 ms, suggestions as of random days
of July and August 2026 (live path: no stored run covers them) >= 10% with p99 <= 30 ms, first answer
of `coach serve` within 3 s. The machine is shared: the
load average before the run is recorded, and figures from a busy machine are slower throughout.
Rows "PostgreSQL: ..." measure the same commands on a PostgreSQL database (BENCH_PG, or a throwaway
cluster of Debian's PostgreSQL), against the same floors and targets.

INTRO
  fi
  cat "$REPORT" >>"$BENCHMARKS"
  say "bench: appended to $BENCHMARKS"
fi
