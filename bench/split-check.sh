# bench/split-check.sh: sourced by bench/run.sh once the cohort is imported into PostgreSQL ($SPLIT_DB, a URL).
# Measures a health check split among worker processes (check --partitions, coach worker), each process given
# one core (-XX:ActiveProcessorCount=1, so that two processes on this machine are two workers of one core
# each, not two of two): one worker process (the coordinating check alone), two (the check and one coach
# worker), and the check alone with every core for reference. Each is a whole command, as a user runs it,
# compared with the one-process check of the same database (CHECK_PG_MS, measured before) and with the
# floor's full read (READ_MS). Uses run.sh's helpers (timed, row, seconds, ratio, say).
SPLIT_PARTITIONS="${BENCH_PARTITIONS:-16}"
ONE_CORE="-XX:ActiveProcessorCount=1"

# split_check NAME: the coordinating check of $SPLIT_PARTITIONS partitions, one core; sets SPLIT_MS
split_check() {
  JAVA_OPTS="$OURS_OPTS $ONE_CORE" timed "$1" "$COACH" check --db "$SPLIT_DB" --cohort "$COHORT" \
    --as-of "$AS_OF" --partitions "$SPLIT_PARTITIONS" --format csv
  SPLIT_MS="$WALL_MS"
  say "  $(seconds "$SPLIT_MS"), peak RSS $RSS_MB MB"
}

say "bench: PostgreSQL, check --partitions $SPLIT_PARTITIONS, one worker process of one core..."
split_check split1
SPLIT1_MS="$SPLIT_MS"

say "bench: PostgreSQL, the same with a coach worker of one core beside it (two worker processes)..."
JAVA_OPTS="$OURS_OPTS $ONE_CORE" "$COACH" worker --db "$SPLIT_DB" --threads 1 >"$WORK/worker.out" 2>&1 &
WORKER_PID=$!
PIDS+=("$WORKER_PID")
until grep -q "waiting for partitions" "$WORK/worker.out" 2>/dev/null; do
  kill -0 "$WORKER_PID" 2>/dev/null || { say "bench: coach worker stopped:"; cat "$WORK/worker.out" >&2; exit 1; }
  sleep 0.2
done
split_check split2
SPLIT2_MS="$SPLIT_MS"
kill "$WORKER_PID" 2>/dev/null || true
wait "$WORKER_PID" 2>/dev/null || true
WORKER_PARTS="$(grep -c '^stored ' "$WORK/worker.out" || true)"
say "  the coach worker stored $WORKER_PARTS of the $SPLIT_PARTITIONS partitions"

say "bench: PostgreSQL, check --partitions $SPLIT_PARTITIONS, one process with every core..."
JAVA_OPTS="$OURS_OPTS" timed split_all "$COACH" check --db "$SPLIT_DB" --cohort "$COHORT" --as-of "$AS_OF" \
  --partitions "$SPLIT_PARTITIONS" --format csv
SPLIT_ALL_MS="$WALL_MS"
say "  $(seconds "$SPLIT_ALL_MS")"

row "PostgreSQL: check in $SPLIT_PARTITIONS partitions, 1 worker process (1 core)" "$(seconds "$SPLIT1_MS")" \
  "$(seconds "$READ_MS") (full read)" "$(ratio "$SPLIT1_MS" "$READ_MS")" "" ""
row "PostgreSQL: check in $SPLIT_PARTITIONS partitions, 2 worker processes (1 core each; the worker stored $WORKER_PARTS)" \
  "$(seconds "$SPLIT2_MS")" "$(seconds "$READ_MS") (full read)" "$(ratio "$SPLIT2_MS" "$READ_MS")" \
  "speed-up $(ratio "$SPLIT1_MS" "$SPLIT2_MS") x" ""
row "PostgreSQL: check in $SPLIT_PARTITIONS partitions, 1 process (every core)" "$(seconds "$SPLIT_ALL_MS")" \
  "$(seconds "$READ_MS") (full read)" "$(ratio "$SPLIT_ALL_MS" "$READ_MS")" \
  "vs one-process check $(ratio "$SPLIT_ALL_MS" "${CHECK_PG_MS:-0}")" ""
