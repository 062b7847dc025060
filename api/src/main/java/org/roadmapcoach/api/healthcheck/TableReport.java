package org.roadmapcoach.api.healthcheck;

import java.io.PrintWriter;
import org.roadmapcoach.data.run.RunPairing;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Severity;

/** The health check for a terminal: a summary, then every pairing worst first with its findings. */
public final class TableReport {

    private TableReport() {
    }

    public static void write(HealthCheck check, PrintWriter out) {
        var run = check.run();
        out.printf("Health check of cohort %s as of %s (run %d)%n", run.cohortId(), run.asOf(), run.id());
        out.printf("%d pairings: %d red, %d amber, %d green; %d findings%n", run.pairings().size(),
                check.pairingsWith(org.roadmapcoach.engine.finding.Health.RED),
                check.pairingsWith(org.roadmapcoach.engine.finding.Health.AMBER),
                check.pairingsWith(org.roadmapcoach.engine.finding.Health.GREEN), check.findingCount());
        check.previous().ifPresentOrElse(
                previous -> out.printf("Since run %d (as of %s): %d new, %d resolved, %d unchanged%n",
                        previous.id(), previous.asOf(), check.count(Change.NEW), check.count(Change.RESOLVED),
                        check.count(Change.UNCHANGED)),
                () -> out.println("First health check of this cohort: every finding is new."));
        out.println();
        out.printf("%-10s %-10s %-10s %-6s %4s %4s %4s%n", "PAIRING", "MENTEE", "MENTOR", "HEALTH", "CRIT", "WARN",
                "INFO");
        for (RunPairing p : check.worstFirst()) {
            out.printf("%-10s %-10s %-10s %-6s %4d %4d %4d%n", p.pairingId(), p.menteeId(), p.mentorId(),
                    p.health().code(), HealthCheck.count(p, Severity.CRITICAL),
                    HealthCheck.count(p, Severity.WARNING), HealthCheck.count(p, Severity.INFO));
            for (Finding f : p.findings()) {
                String change = check.previous().isPresent() && check.changeOf(f) == Change.NEW ? " [new]" : "";
                out.printf("    %-8s %-20s %s %s: %s%s%n", f.severity().code(), f.ruleId(), f.subjectType().code(),
                        f.subjectId(), f.message(), change);
                out.printf("    %-8s %-20s next: %s (for the %s)%n", "", "", f.nextStep(), f.audience().code());
            }
        }
        if (!check.resolved().isEmpty()) {
            out.println();
            out.println("Resolved since the previous run:");
            for (Finding f : check.resolved()) {
                out.printf("    %-10s %-20s %s %s%n", f.pairingId(), f.ruleId(), f.subjectType().code(),
                        f.subjectId());
            }
        }
        out.flush();
    }
}
