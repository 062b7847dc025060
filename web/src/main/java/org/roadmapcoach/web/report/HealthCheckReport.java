package org.roadmapcoach.web.report;

import gg.jte.Content;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.app.healthcheck.Change;
import org.roadmapcoach.app.healthcheck.HealthCheck;
import org.roadmapcoach.app.healthcheck.HealthCheck.PairingSummary;
import org.roadmapcoach.data.run.RunPairing;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.web.Pages;

/**
 * A health check as one self-contained HTML file ({@code check}/{@code report --format html}, WEB.md): the
 * web app's templates and style sheet, no script and no external file. It opens with what changed since the
 * run before and a summary table of the pairings worst first (names, health, counts, top finding), each
 * linking to its pairing's section further down; then the findings by rule, every pairing's findings with
 * their evidence, and what was resolved. The table comes from the run's summaries and the top finding it
 * stored per pairing; the sections read the pairings a chunk at a time, so a large run is written without
 * holding it in memory.
 */
public final class HealthCheckReport {

    /**
     * The report.
     *
     * @param sections every pairing's section, written as the template reaches them (read then)
     */
    public record Report(String title, HealthCheck check, boolean comparing, long newFindings, long resolvedCount,
                         long unchanged, List<SummaryRow> rows, String css, Content sections, List<Resolved> resolved) {

        public long red() {
            return check.pairingsWith(Health.RED);
        }

        public long amber() {
            return check.pairingsWith(Health.AMBER);
        }

        public long green() {
            return check.pairingsWith(Health.GREEN);
        }
    }

    /** One pairing in the summary table. */
    public record SummaryRow(String pairingId, String mentee, String mentor, String health, int critical, int warning,
                             int newFindings, RunStore.TopFinding top) {

        /** The id of the pairing's section, for the link. */
        public String anchor() {
            return anchorOf(pairingId);
        }
    }

    /** One pairing's section: its findings, each marked when new. */
    public record Section(String pairingId, String mentee, String mentor, String health, List<Shown> findings) {
        public String anchor() {
            return anchorOf(pairingId);
        }
    }

    /** A finding as the report shows it. */
    public record Shown(Finding finding, boolean isNew) {
    }

    /** A finding of the run before that this run no longer has. */
    public record Resolved(String pairingId, String mentee, String mentor, Finding finding) {
    }

    private HealthCheckReport() {
    }

    public static void write(HealthCheck check, PrintWriter out) {
        boolean comparing = check.previous().isPresent();
        List<SummaryRow> rows = new ArrayList<>();
        Map<String, RunStore.TopFinding> tops = check.topFindings();
        for (PairingSummary p : check.listed(HealthCheck.Order.WORST_FIRST)) {
            rows.add(new SummaryRow(p.pairingId(), check.personLabel(p.menteeId()), check.personLabel(p.mentorId()),
                    p.health().code(), p.critical(), p.warning(), comparing ? p.newFindings().cardinality() : 0,
                    tops.get(p.pairingId())));
        }
        List<Resolved> resolved = new ArrayList<>();
        check.forEachResolved((p, f) -> resolved.add(new Resolved(p.pairingId(), check.personLabel(p.menteeId()),
                check.personLabel(p.mentorId()), f)));
        Content sections = output -> check.forEachPairing(HealthCheck.Order.WORST_FIRST, true, (pairing, summary) ->
                Pages.render("report/section.jte", section(check, pairing, summary, comparing), output));
        String title = "Health check of cohort " + check.run().cohortId();
        Pages.render("report/report.jte", new Report(title, check, comparing, check.count(Change.NEW),
                check.count(Change.RESOLVED), check.count(Change.UNCHANGED), rows, css(), sections, resolved), out);
        out.flush();
    }

    private static Section section(HealthCheck check, RunPairing pairing, PairingSummary summary, boolean comparing) {
        List<Shown> findings = new ArrayList<>(pairing.findings().size());
        for (int i = 0; i < pairing.findings().size(); i++) {
            findings.add(new Shown(pairing.findings().get(i), comparing && check.changeOf(summary, i) == Change.NEW));
        }
        return new Section(pairing.pairingId(), check.personLabel(pairing.menteeId()), check.personLabel(pairing.mentorId()),
                pairing.health().code(), findings);
    }

    /** A section's id: the pairing's id with anything but letters, digits and dashes replaced. */
    static String anchorOf(String pairingId) {
        return "pairing-" + pairingId.replaceAll("[^A-Za-z0-9-]", "_");
    }

    /** The web app's style sheet, inlined: the file opens anywhere, without the server. */
    private static String css() {
        try (InputStream in = HealthCheckReport.class.getResourceAsStream("/web/coach.css")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
