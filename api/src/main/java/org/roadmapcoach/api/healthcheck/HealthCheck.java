package org.roadmapcoach.api.healthcheck;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.roadmapcoach.data.run.RunPairing;
import org.roadmapcoach.data.run.StoredRun;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.engine.finding.Severity;

/**
 * A stored health check and the one before it, so that reports can say what is new, resolved or
 * unchanged since last time. A finding is "the same" when rule, pairing and subject match (and, for
 * RES-RECOMMEND, the objective it was recommended for): a changed message or number is not new.
 */
public final class HealthCheck {

    private final StoredRun run;
    private final Optional<StoredRun> previous;
    private final Set<String> previousKeys = new HashSet<>();

    public HealthCheck(StoredRun run, Optional<StoredRun> previous) {
        this.run = run;
        this.previous = previous;
        previous.stream().flatMap(HealthCheck::findings).forEach(f -> previousKeys.add(key(f)));
    }

    public StoredRun run() {
        return run;
    }

    public Optional<StoredRun> previous() {
        return previous;
    }

    /** Pairings worst first: health, then criticals, then warnings, then id. */
    public static final Comparator<RunPairing> WORST_FIRST = Comparator.comparing(RunPairing::health)
            .thenComparing(p -> -count(p, Severity.CRITICAL))
            .thenComparing(p -> -count(p, Severity.WARNING))
            .thenComparing(RunPairing::pairingId);

    public static long count(RunPairing pairing, Severity severity) {
        return pairing.findings().stream().filter(f -> f.severity() == severity).count();
    }

    public List<RunPairing> worstFirst() {
        return run.pairings().stream().sorted(WORST_FIRST).toList();
    }

    public long pairingsWith(Health health) {
        return run.pairings().stream().filter(p -> p.health() == health).count();
    }

    public long findingCount() {
        return findings(run).count();
    }

    /** Findings per rule id, sorted by id. */
    public Map<String, Long> byRule() {
        Map<String, Long> byRule = new TreeMap<>();
        findings(run).forEach(f -> byRule.merge(f.ruleId(), 1L, Long::sum));
        return byRule;
    }

    /** New or unchanged, against the previous run; new when there is no previous run. */
    public Change changeOf(Finding finding) {
        return previousKeys.contains(key(finding)) ? Change.UNCHANGED : Change.NEW;
    }

    public long count(Change change) {
        return switch (change) {
            case NEW, UNCHANGED -> findings(run).filter(f -> changeOf(f) == change).count();
            case RESOLVED -> resolved().size();
        };
    }

    /** Findings of the previous run that this run no longer has. */
    public List<Finding> resolved() {
        Set<String> current = new HashSet<>();
        findings(run).forEach(f -> current.add(key(f)));
        return previous.stream().flatMap(HealthCheck::findings).filter(f -> !current.contains(key(f))).toList();
    }

    private static Stream<Finding> findings(StoredRun run) {
        return run.pairings().stream().flatMap(p -> p.findings().stream());
    }

    static String key(Finding f) {
        return String.join("\u0000", f.pairingId(), f.ruleId(), f.subjectType().code(), f.subjectId(),
                String.valueOf(f.evidence().getOrDefault("objectiveId", "")));
    }
}
