# bench/match.sh: sourced by bench/run.sh (its helpers: say, timed, row, seconds, ratio, verdict).
# Mentor matching (MATCHING.md) at MATCH_WAITING waiting mentees (default 10,000) and a mentor with 1 to 5
# free places for every four of them (coach generate --waiting), with -Xmx1g: coach match's wall time (JVM
# start and OR-Tools' native library included), its CPU time and peak RSS; and, in the same run, a greedy
# baseline over the same files (GreedyMatching: best score first) and how many fewer it matches and how
# much score it loses. Target: <= 10 s.

MATCH_WAITING="${MATCH_WAITING:-10000}"
say "bench: generating $MATCH_WAITING waiting mentees and $(( (MATCH_WAITING + 3) / 4 )) mentors with places..."
timed match-generate "$COACH" generate --out "$WORK/match-cohort" --pairings 2 --waiting "$MATCH_WAITING" --seed 1
JAVA_OPTS="$OURS_OPTS" timed match-import "$COACH" import --db "$WORK/match.db" --cohort match "$WORK/match-cohort"
say "bench: coach match (-Xmx1g)..."
JAVA_OPTS="$OURS_OPTS" timed match "$COACH" match --db "$WORK/match.db" --cohort match --as-of "$AS_OF" \
  --format json --out "$WORK/match.json"
MATCH_MS="$WALL_MS"; MATCH_RSS="$RSS_MB"
MATCH_CPU_MS=""
if [ -f "$WORK/match.time" ]; then
  MATCH_CPU_MS="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%d", s * 1000 }' "$WORK/match.time")"
fi
summary_of() { sed -nE "s/^ *\"$1\" ?: ?([0-9]+).*/\1/p" "$WORK/match.json" | head -1; }
EXACT_MATCHED="$(summary_of matched)"; EXACT_SCORE="$(summary_of totalScore)"
EXACT_WAITING="$(summary_of waiting)"; EXACT_MENTORS="$(summary_of mentorsWithPlaces)"
say "  $(seconds "$MATCH_MS")${MATCH_CPU_MS:+ ($(seconds "$MATCH_CPU_MS") of CPU)}, peak RSS $MATCH_RSS MB;" \
  "$EXACT_MATCHED of $EXACT_WAITING matched, total score $EXACT_SCORE"
say "bench: greedy baseline over the same files..."
GREEDY_LINE="$(java $FLOOR_OPTS -cp "$BENCH_CP" org.roadmapcoach.bench.GreedyMatching "$WORK/match-cohort" "$AS_OF" | tail -1)"
say "  $GREEDY_LINE"
GREEDY_MATCHED="$(sed -E 's/.*matched=([0-9]+).*/\1/' <<<"$GREEDY_LINE")"
GREEDY_SCORE="$(sed -E 's/.*score=([0-9]+).*/\1/' <<<"$GREEDY_LINE")"
GREEDY_PAIRS="$(sed -E 's/.*pairs=([0-9]+).*/\1/' <<<"$GREEDY_LINE")"
FEWER=$(( EXACT_MATCHED - GREEDY_MATCHED )); LOST=$(( EXACT_SCORE - GREEDY_SCORE ))
row "coach match: $EXACT_WAITING waiting mentees, $EXACT_MENTORS mentors with places, $GREEDY_PAIRS eligible pairs" \
  "$(seconds "$MATCH_MS")${MATCH_CPU_MS:+ ($(seconds "$MATCH_CPU_MS") CPU)}" "" "" "<= 10 s" \
  "$(verdict "$MATCH_MS" "<=" 10000)"
row "coach match: matched / total score, exact vs greedy (best score first)" \
  "$EXACT_MATCHED / $EXACT_SCORE" "$GREEDY_MATCHED / $GREEDY_SCORE (greedy)" \
  "greedy: $FEWER fewer ($(awk -v a="$FEWER" -v b="$EXACT_MATCHED" 'BEGIN { printf "%.1f%%", (b > 0 ? 100 * a / b : 0) }')), score -$LOST ($(awk -v a="$LOST" -v b="$EXACT_SCORE" 'BEGIN { printf "%.1f%%", (b > 0 ? 100 * a / b : 0) }'))" "" ""
row "peak RSS: match" "$MATCH_RSS MB" "" "" "-Xmx1g" ""
