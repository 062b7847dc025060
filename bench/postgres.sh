# bench/postgres.sh: sourced by bench/run.sh (its helpers: say, timed, row, seconds, ratio, verdict).
# The PostgreSQL server the PostgreSQL figures are measured on:
#   BENCH_PG unset: a throwaway cluster of Debian's PostgreSQL (apt-get install -y postgresql when missing),
#                   made in a temporary folder on a free port from 55432 up, stopped and removed on exit;
#   BENCH_PG=postgresql://user:password@host:port/name: that database, which must not hold a cohort
#                   'bench' (the benchmark imports one into it, and leaves it there);
#   BENCH_PG=off:   no PostgreSQL figures.
# pg_start sets PG_URL (empty when skipped, with PG_SKIPPED saying why); pg_stop undoes what pg_start made.
# On the throwaway cluster pg_cpu_ms also gives the CPU time its server processes have used so far.

case "${BENCH_PG:-}" in
  "" | off | postgresql://* | postgres://* | jdbc:postgresql://*) ;;
  *) echo "bench: BENCH_PG must be a URL (postgresql://user:password@host:port/name) or off, not '$BENCH_PG'" >&2; exit 2 ;;
esac

PG_URL=""
PG_SKIPPED=""
PG_DIR=""
PG_BIN=""

# pg_as_owner CMD...: runs a PostgreSQL program as the cluster's owner (postgres when we are root: it refuses root)
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  return 1
}

pg_start() {
  case "${BENCH_PG:-}" in
    off)
      PG_SKIPPED="BENCH_PG=off"; return ;;
    postgresql://* | postgres://* | jdbc:postgresql://*)
      local out status=0
      out="$("$COACH" runs --db "$BENCH_PG" --cohort "$COHORT" 2>&1)" || status=$?
      if [ "$status" = 0 ]; then
        say "bench: BENCH_PG already holds a cohort '$COHORT': give it an empty database (the benchmark imports '$COHORT' into it)"
        exit 2
      fi
      if ! grep -q "There is no cohort" <<<"$out"; then
        say "bench: BENCH_PG: $out"; exit 2
      fi
      PG_URL="$BENCH_PG"; return ;;
  esac
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [ -z "$PG_BIN" ]; then
    say "bench: installing Debian's postgresql for a throwaway cluster..."
    if ! { apt-get update && apt-get install -y postgresql; } >"$WORK/postgresql-install.log" 2>&1; then
      say "bench: could not install postgresql (see $WORK/postgresql-install.log); set BENCH_PG to a server's URL, or BENCH_PG=off"
      exit 1
    fi
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
  local port
  port="$(pg_free_port)" || { say "bench: no free port for PostgreSQL between 55432 and 55532"; exit 1; }
  PG_DIR="$(mktemp -d)"
  chmod 755 "$PG_DIR" # the cluster's owner must reach it
  echo bench >"$PG_DIR/password"
  [ "$(id -u)" = 0 ] && chown -R postgres "$PG_DIR"
  say "bench: starting a throwaway PostgreSQL ($("$PG_BIN/postgres" --version | grep -oE '[0-9]+(\.[0-9]+)*' | head -1), Debian's defaults) on port $port in $PG_DIR..."
  pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U coach --pwfile="$PG_DIR/password" -A scram-sha-256 \
    >"$WORK/postgresql-initdb.log" 2>&1 || { cat "$WORK/postgresql-initdb.log" >&2; exit 1; }
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null || { cat "$PG_DIR/log" >&2; exit 1; }
  PGPASSWORD=bench pg_as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U coach coach
  PG_URL="postgresql://coach:bench@127.0.0.1:$port/coach"
}

pg_stop() {
  [ -n "$PG_DIR" ] || return 0
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  PG_DIR=""
}

# pg_cpu_ms: the CPU time (user and system) the throwaway cluster's processes have used so far, in ms: the
# postmaster's own and its ended children's (a backend's time is added to it when the backend ends), and
# its children still running; empty for a server given by BENCH_PG
pg_cpu_ms() {
  [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ] || return 0
  local main ticks=0 child
  main="$(head -1 "$PG_DIR/data/postmaster.pid")"
  ticks=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$main/stat")
  for child in $(cat "/proc/$main/task/$main/children" 2>/dev/null); do
    ticks=$(( ticks + $(awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || echo 0) ))
  done
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

# cpu_ms NAME: the user and system CPU time of the command timed as NAME, in ms (GNU time's record); empty without it
cpu_ms() {
  [ -f "$WORK/$1.time" ] || return 0
  awk -F': ' '/User time|System time/ { s += $2 } END { printf "%d", s * 1000 }' "$WORK/$1.time"
}

# pg_timed NAME CMD...: timed with -Xmx1g, and sets CPU_TEXT to the CPU time the command and, on the throwaway
# cluster, the PostgreSQL server spent on it ("9.1 s + server 4.2 s"); empty without GNU time
pg_timed() {
  local before after coach
  before="$(pg_cpu_ms)"
  JAVA_OPTS="$OURS_OPTS" timed "$@"
  after="$(pg_cpu_ms)"
  coach="$(cpu_ms "$1")"
  CPU_TEXT=""
  if [ -n "$coach" ]; then
    CPU_TEXT="$(seconds "$coach")${before:+ + server $(seconds $(( after - before )))}"
  fi
}
