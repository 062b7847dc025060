package org.roadmapcoach.engine.evaluation;

import java.util.Comparator;
import java.util.List;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.engine.roadmap.Pairing;

/**
 * The evaluation of one active pairing: its findings, most severe first, and its health.
 */
public record PairingResult(Pairing pairing, List<Finding> findings, Health health) {

    /** Findings by severity, then rule id, then subject id, so output is stable. */
    public static final Comparator<Finding> REPORT_ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::ruleId).thenComparing(Finding::subjectId)
            .thenComparing(f -> String.valueOf(f.evidence()));

    public PairingResult {
        findings = findings.stream().sorted(REPORT_ORDER).toList();
    }

    public static PairingResult of(Pairing pairing, List<Finding> findings) {
        return new PairingResult(pairing, findings, Health.of(findings));
    }
}
