package org.roadmapcoach.api.healthcheck;

import org.roadmapcoach.app.healthcheck.Change;
import org.roadmapcoach.app.healthcheck.HealthCheck;
import java.io.PrintWriter;
import java.util.List;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;

/**
 * The health check for a terminal: a summary (and for a large cohort its red pairings), then every pairing
 * worst first with its mentee and mentor named and its findings, new ones marked, then what was resolved.
 */
public final class TableReport {

    /** Pairings above which the table lists the red ones first, right after the summary. */
    static final int LARGE = 50;

    private TableReport() {
    }

    public static void write(HealthCheck check, PrintWriter out) {
        var run = check.run();
        out.printf("Health check of cohort %s as of %s (run %d)%n", run.cohortId(), run.asOf(), run.id());
        out.printf("%d pairings: %d red, %d amber, %d green; %d findings%n", check.pairings().size(),
                check.pairingsWith(Health.RED), check.pairingsWith(Health.AMBER), check.pairingsWith(Health.GREEN),
                check.findingCount());
        check.previous().ifPresentOrElse(
                previous -> out.printf("Since run %d (as of %s): %d new, %d resolved, %d unchanged%n",
                        previous.id(), previous.asOf(), check.count(Change.NEW), check.count(Change.RESOLVED),
                        check.count(Change.UNCHANGED)),
                () -> out.println("First health check of this cohort: every finding is new."));
        if (check.pairings().size() > LARGE && check.showsEveryPairing()) {
            redPairings(check, out);
        }
        out.println();
        out.printf("%-10s %-28s %-28s %-6s %4s %4s %4s%n", "PAIRING", "MENTEE", "MENTOR", "HEALTH", "CRIT", "WARN",
                "INFO");
        boolean marks = check.previous().isPresent();
        String newline = System.lineSeparator();
        // Appended, not printf'd: a large cohort has millions of these lines, and a Formatter per line
        // cost more than reading them back.
        StringBuilder text = new StringBuilder(4096);
        check.forEachPairing(HealthCheck.Order.WORST_FIRST, false, (p, summary) -> {
            text.setLength(0);
            left(text, p.pairingId(), 10).append(' ');
            left(text, check.personLabel(p.menteeId()), 28).append(' ');
            left(text, check.personLabel(p.mentorId()), 28).append(' ');
            left(text, p.health().code(), 6).append(' ');
            right(text, summary.critical(), 4).append(' ');
            right(text, summary.warning(), 4).append(' ');
            right(text, summary.info(), 4).append(newline);
            List<Finding> findings = p.findings();
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                left(text.append("    "), f.severity().code(), 8).append(' ');
                left(text, f.ruleId(), 20).append(' ').append(f.subjectType().code()).append(' ').append(f.subjectId())
                        .append(": ").append(f.message());
                if (marks && check.changeOf(summary, i) == Change.NEW) {
                    text.append(" [new]");
                }
                text.append(newline);
                left(left(text.append("    "), "", 8).append(' '), "", 20).append(" next: ").append(f.nextStep())
                        .append(" (for the ").append(f.audience().code()).append(')').append(newline);
            }
            out.append(text);
        });
        if (check.count(Change.RESOLVED) > 0) {
            out.println();
            out.println("Resolved since the previous run:");
            check.forEachResolved((p, f) -> out.printf("    %-10s %-20s %s %s: %s [resolved]%n", p.pairingId(),
                    f.ruleId(), f.subjectType().code(), f.subjectId(), f.message()));
        }
        out.flush();
    }

    /** Right after the summary of a large cohort: its red pairings, one line each, before the whole table. */
    private static void redPairings(HealthCheck check, PrintWriter out) {
        List<HealthCheck.PairingSummary> red = check.worstFirst().stream()
                .filter(p -> p.health() == Health.RED).toList();
        out.println();
        out.printf("Red pairings (%d):%n", red.size());
        for (HealthCheck.PairingSummary p : red) {
            out.printf("    %-10s %s with %s: %d critical, %d warnings%n", p.pairingId(), check.personLabel(p.menteeId()),
                    check.personLabel(p.mentorId()), p.critical(), p.warning());
        }
    }

    /** A person as a report names them: name and id, or the id alone when the cohort has no name for it. */
    /** {@code value} padded on the right to {@code width}, as {@code %-Ns} does. */
    private static StringBuilder left(StringBuilder text, String value, int width) {
        text.append(value);
        for (int i = value.length(); i < width; i++) {
            text.append(' ');
        }
        return text;
    }

    /** {@code value} padded on the left to {@code width}, as {@code %Nd} does. */
    private static StringBuilder right(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append(' ');
        }
        return text.append(digits);
    }
}
