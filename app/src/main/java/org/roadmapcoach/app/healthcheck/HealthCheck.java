package org.roadmapcoach.app.healthcheck;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.roadmapcoach.data.run.FindingKey;
import org.roadmapcoach.data.run.RunKeys;
import org.roadmapcoach.data.run.RunPairing;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.run.StoredRun;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.engine.finding.Severity;

/**
 * A stored health check and the one before it, so that reports can say what is new, resolved or
 * unchanged since last time. A finding is "the same" when its {@link FindingKey} matches: a changed
 * message or number is not new.
 *
 * <p>It keeps one small summary per pairing (health, counts, which findings are new) and the totals;
 * the findings stay in the database and reports stream them ({@link #forEachPairing}), so that a cohort
 * of any size is reported in bounded memory.
 */
public final class HealthCheck {

    /** Pairings per read when reports walk them worst first. */
    private static final int CHUNK = 500;

    /** One pairing of the run without its findings: enough to sort, count and mark what is new. */
    public record PairingSummary(String pairingId, String menteeId, String mentorId, Health health, int critical,
                                 int warning, int info, BitSet newFindings) {

        /** Whether the finding at {@code position} of the pairing's findings is new since the previous run. */
        boolean isNew(int position) {
            return newFindings.get(position);
        }
    }

    /** The order reports list pairings in. */
    public enum Order {
        /** By pairing id: stable for diffs (JSON, CSV). */
        BY_ID,
        /** Health, then criticals, then warnings, then id (table, HTML). */
        WORST_FIRST
    }

    /** Pairings worst first: health, then criticals, then warnings, then id. */
    public static final Comparator<PairingSummary> WORST_FIRST = Comparator.comparing(PairingSummary::health)
            .thenComparing(p -> -p.critical())
            .thenComparing(p -> -p.warning())
            .thenComparing(PairingSummary::pairingId);

    private final RunStore runs;
    private final StoredRun run;
    private final Optional<StoredRun> previous;
    private final Map<String, String> names;
    private final Set<Health> shown;
    private final List<PairingSummary> pairings;
    private final Map<String, Long> byRule;
    private final long findings;
    private final long newFindings;
    private final long resolved;

    private HealthCheck(RunStore runs, StoredRun run, Optional<StoredRun> previous, Map<String, String> names,
                        Set<Health> shown, List<PairingSummary> pairings, Map<String, Long> byRule, long findings,
                        long newFindings, long resolved) {
        this.runs = runs;
        this.run = run;
        this.previous = previous;
        this.names = names;
        this.shown = shown;
        this.pairings = pairings;
        this.byRule = byRule;
        this.findings = findings;
        this.newFindings = newFindings;
        this.resolved = resolved;
    }

    /**
     * A stored run compared with {@code previous}, both read back from the database.
     *
     * @param names the cohort's people's names by id, for reports
     */
    public static HealthCheck load(RunStore runs, StoredRun run, Optional<StoredRun> previous,
                                   Map<String, String> names) {
        Tally tally = new Tally(previous.isPresent());
        try (RunKeys before = previous.map(p -> runs.keys(p.id())).orElse(null)) {
            // without the evidence, which a tally does not need: parsing it was most of the time of reading a run
            runs.forEachPairing(run.id(), false, p -> tally.add(p, before));
            tally.finish(before);
        }
        return tally.check(runs, run, previous, names);
    }

    /** The same check, whose reports show only the pairings of these healths (the totals stay the cohort's). */
    public HealthCheck only(Set<Health> healths) {
        return new HealthCheck(runs, run, previous, names, Set.copyOf(healths), pairings, byRule, findings,
                newFindings, resolved);
    }

    /** The name of person {@code personId} of the cohort, "" when the cohort no longer lists them. */
    public String nameOf(String personId) {
        return names.getOrDefault(personId, "");
    }

    /** How reports name a person: "Lukas Becker (E05)", or the id alone when the cohort no longer lists them. */
    public String personLabel(String personId) {
        String name = nameOf(personId);
        return name.isEmpty() ? personId : name + " (" + personId + ")";
    }

    public StoredRun run() {
        return run;
    }

    public Optional<StoredRun> previous() {
        return previous;
    }

    /** The evaluated pairings, by id. */
    public List<PairingSummary> pairings() {
        return pairings;
    }

    public List<PairingSummary> worstFirst() {
        return pairings.stream().sorted(WORST_FIRST).toList();
    }

    public long pairingsWith(Health health) {
        return pairings.stream().filter(p -> p.health() == health).count();
    }

    public long findingCount() {
        return findings;
    }

    /** Findings per rule id, sorted by id. */
    public Map<String, Long> byRule() {
        return byRule;
    }

    public long count(Change change) {
        return switch (change) {
            case NEW -> newFindings;
            case UNCHANGED -> findings - newFindings;
            case RESOLVED -> resolved;
        };
    }


    /**
     * Hands every pairing with its findings to {@code consumer} in {@code order}, read from the database a
     * few at a time, with its summary (which says what is new).
     *
     * @param evidence whether the findings need their evidence (reading it back is a good part of the cost)
     */
    public void forEachPairing(Order order, boolean evidence, BiConsumer<RunPairing, PairingSummary> consumer) {
        if (order == Order.BY_ID && shown.size() == Health.values().length) {
            int[] next = {0};
            runs.forEachPairing(run.id(), evidence, p -> consumer.accept(p, pairings.get(next[0]++)));
            return;
        }
        List<PairingSummary> listed = listed(order);
        for (int from = 0; from < listed.size(); from += CHUNK) {
            List<PairingSummary> chunk = listed.subList(from, Math.min(listed.size(), from + CHUNK));
            List<RunPairing> read = runs.pairings(run.id(), chunk.stream().map(PairingSummary::pairingId).toList(),
                    evidence);
            for (int i = 0; i < chunk.size(); i++) {
                consumer.accept(read.get(i), chunk.get(i));
            }
        }
    }

    /** The pairings reports show ({@link #only}), in {@code order}, without their findings. */
    public List<PairingSummary> listed(Order order) {
        return (order == Order.BY_ID ? pairings.stream() : worstFirst().stream())
                .filter(p -> shown.contains(p.health())).toList();
    }

    /** Each pairing's first finding, as the run stored it (no pairing's findings are read). */
    public Map<String, RunStore.TopFinding> topFindings() {
        return runs.topFindings(run.id());
    }

    /** Whether reports show every pairing, or only those of some healths ({@link #only}). */
    public boolean showsEveryPairing() {
        return shown.size() == Health.values().length;
    }

    /** How {@code pairing}'s finding at {@code position} compares with the previous run: new or unchanged. */
    public Change changeOf(PairingSummary pairing, int position) {
        return pairing.isNew(position) ? Change.NEW : Change.UNCHANGED;
    }

    /**
     * Hands every finding of the previous run that this run no longer has to {@code consumer}, with its
     * pairing as the previous run stored it, by pairing id.
     */
    public void forEachResolved(BiConsumer<RunPairing, Finding> consumer) {
        if (previous.isEmpty() || resolved == 0) {
            return;
        }
        // The keys first (a few per pairing at most), then their findings, read a chunk of pairings at a time.
        Map<String, Set<FindingKey>> gone = new LinkedHashMap<>();
        Consumer<FindingKey> add = key -> gone.computeIfAbsent(key.pairingId(), id -> new HashSet<>()).add(key);
        try (RunKeys now = runs.keys(run.id()); RunKeys before = runs.keys(previous.get().id())) {
            for (PairingSummary pairing : pairings) {
                Set<FindingKey> current = new HashSet<>(now.upTo(pairing.pairingId(), key -> { }));
                for (FindingKey key : before.upTo(pairing.pairingId(), add)) {
                    if (!current.contains(key)) {
                        add.accept(key);
                    }
                }
            }
            before.rest(add);
        }
        List<String> ids = new ArrayList<>(gone.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            for (RunPairing pairing : runs.pairings(previous.get().id(), ids.subList(from,
                    Math.min(ids.size(), from + CHUNK)), true)) {
                Set<FindingKey> keys = gone.get(pairing.pairingId());
                for (Finding finding : pairing.findings()) {
                    if (keys.contains(FindingKey.of(finding))) {
                        consumer.accept(pairing, finding);
                    }
                }
            }
        }
    }

    /**
     * Adds up a run as its pairings come, in pairing id order, and compares each with the previous run's
     * findings of the same pairing.
     */
    public static final class Tally {

        private final boolean comparing;
        private final List<PairingSummary> pairings = new ArrayList<>();
        private final Map<String, Long> byRule = new TreeMap<>();
        private long findings;
        private long newFindings;
        private long resolved;

        /** @param comparing whether there is a previous run; without one every finding is new */
        public Tally(boolean comparing) {
            this.comparing = comparing;
        }

        /**
         * Adds the next pairing; {@code before} reads the previous run's keys (null when there is none).
         *
         * @return which of its findings (by position) are new
         */
        public BitSet add(RunPairing pairing, RunKeys before) {
            List<FindingKey> previous = before == null ? List.of() : before.upTo(pairing.pairingId(), key -> resolved++);
            Set<FindingKey> previousKeys = new HashSet<>(previous);
            Set<FindingKey> currentKeys = new HashSet<>();
            BitSet isNew = new BitSet();
            int[] bySeverity = new int[Severity.values().length];
            List<Finding> found = pairing.findings();
            for (int i = 0; i < found.size(); i++) {
                Finding finding = found.get(i);
                FindingKey key = FindingKey.of(finding);
                currentKeys.add(key);
                if (!previousKeys.contains(key)) {
                    isNew.set(i);
                }
                bySeverity[finding.severity().ordinal()]++;
                byRule.merge(finding.ruleId(), 1L, Long::sum);
            }
            findings += found.size();
            newFindings += isNew.cardinality();
            for (FindingKey key : previous) {
                if (!currentKeys.contains(key)) {
                    resolved++;
                }
            }
            pairings.add(new PairingSummary(pairing.pairingId(), pairing.menteeId(), pairing.mentorId(),
                    pairing.health(), bySeverity[Severity.CRITICAL.ordinal()], bySeverity[Severity.WARNING.ordinal()],
                    bySeverity[Severity.INFO.ordinal()], isNew));
            return isNew;
        }

        /** Counts the previous run's findings of pairings after the last one added as resolved. */
        public void finish(RunKeys before) {
            if (before != null) {
                before.rest(key -> resolved++);
            }
        }

        public HealthCheck check(RunStore runs, StoredRun run, Optional<StoredRun> previous,
                                 Map<String, String> names) {
            if (comparing != previous.isPresent()) {
                throw new IllegalArgumentException("compared with a previous run: " + comparing + ", but given "
                        + previous);
            }
            return new HealthCheck(runs, run, previous, Map.copyOf(names), EnumSet.allOf(Health.class),
                    List.copyOf(pairings), byRule, findings, newFindings, resolved);
        }
    }
}
