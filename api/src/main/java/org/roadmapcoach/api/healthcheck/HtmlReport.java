package org.roadmapcoach.api.healthcheck;

import org.roadmapcoach.app.healthcheck.Change;
import org.roadmapcoach.app.healthcheck.HealthCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;

/**
 * The health check as one self-contained HTML page (no scripts, no external files): the cohort
 * summary, bar charts of health and of findings by rule, and every pairing's findings worst first.
 * Every piece of text that comes from data is escaped.
 */
public final class HtmlReport {

    private static final Map<Health, String> COLOURS = Map.of(Health.RED, "#c62828", Health.AMBER, "#ef8f00",
            Health.GREEN, "#2e7d32");

    private HtmlReport() {
    }

    public static void write(HealthCheck check, PrintWriter out) {
        var run = check.run();
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.printf("<title>Health check: %s as of %s</title>%n", esc(run.cohortId()), run.asOf());
        out.println("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}"
                + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em;"
                + "text-align:left;vertical-align:top}.red{color:#c62828}.amber{color:#ef8f00}.green{color:#2e7d32}"
                + ".new{background:#fff3c4;font-size:.8em;padding:0 .3em}.step{color:#555}h2{margin-top:1.5em}"
                + "</style></head><body>");
        out.printf("<h1>Health check of cohort %s</h1>%n", esc(run.cohortId()));
        out.printf("<p>As of %s, run %d: %d pairings, <span class=\"red\">%d red</span>, "
                        + "<span class=\"amber\">%d amber</span>, <span class=\"green\">%d green</span>; %d findings.</p>%n",
                run.asOf(), run.id(), check.pairings().size(), check.pairingsWith(Health.RED),
                check.pairingsWith(Health.AMBER), check.pairingsWith(Health.GREEN), check.findingCount());
        check.previous().ifPresentOrElse(previous -> out.printf(
                "<p>Since run %d (as of %s): %d new, %d resolved, %d unchanged.</p>%n", previous.id(),
                previous.asOf(), check.count(Change.NEW), check.count(Change.RESOLVED),
                check.count(Change.UNCHANGED)),
                () -> out.println("<p>The first health check of this cohort: every finding is new.</p>"));

        out.println("<h2>Health</h2>");
        Map<String, Long> health = new java.util.LinkedHashMap<>();
        Map<String, String> colours = new java.util.LinkedHashMap<>();
        for (Health h : Health.values()) {
            health.put(h.code(), check.pairingsWith(h));
            colours.put(h.code(), COLOURS.get(h));
        }
        bars(out, health, colours);
        out.println("<h2>Findings by rule</h2>");
        bars(out, check.byRule(), Map.of());

        out.println("<h2>Pairings, worst first</h2>");
        boolean marks = check.previous().isPresent();
        check.forEachPairing(HealthCheck.Order.WORST_FIRST, false, (p, summary) -> {
            out.printf("<h3 id=\"%s\">%s <span class=\"%s\">%s</span></h3>%n", esc(p.pairingId()), esc(p.pairingId()),
                    p.health().code(), p.health().code());
            out.printf("<p>Mentee %s, mentor %s.</p>%n", esc(TableReport.person(check, p.menteeId())),
                    esc(TableReport.person(check, p.mentorId())));
            if (p.findings().isEmpty()) {
                out.println("<p>No findings.</p>");
                return;
            }
            out.println("<table><tr><th>Severity</th><th>Rule</th><th>Subject</th><th>Finding and next step</th>"
                    + "<th>For</th></tr>");
            List<Finding> findings = p.findings();
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                String isNew = marks && check.changeOf(summary, i) == Change.NEW
                        ? " <span class=\"new\">new</span>" : "";
                out.printf("<tr><td>%s</td><td>%s%s</td><td>%s %s</td><td>%s<br><span class=\"step\">Next: %s</span>"
                                + "</td><td>%s</td></tr>%n", f.severity().code(), esc(f.ruleId()), isNew,
                        f.subjectType().code(), esc(f.subjectId()), esc(f.message()), esc(f.nextStep()),
                        f.audience().code());
            }
            out.println("</table>");
        });
        if (check.count(Change.RESOLVED) > 0) {
            out.println("<h2>Resolved since the previous run</h2><ul>");
            check.forEachResolved((p, f) -> out.printf("<li>%s (%s with %s): %s on %s %s: %s</li>%n",
                    esc(p.pairingId()), esc(TableReport.person(check, p.menteeId())),
                    esc(TableReport.person(check, p.mentorId())), esc(f.ruleId()), f.subjectType().code(),
                    esc(f.subjectId()), esc(f.message())));
            out.println("</ul>");
        }
        out.println("</body></html>");
        out.flush();
    }

    /** A horizontal bar chart as inline SVG. */
    private static void bars(PrintWriter out, Map<String, Long> values, Map<String, String> colours) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int rowHeight = 22;
        out.printf("<svg role=\"img\" width=\"640\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">%n",
                Math.max(rowHeight, values.size() * rowHeight));
        int y = 0;
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            long width = entry.getValue() * 400 / max;
            out.printf("<text x=\"0\" y=\"%d\" font-size=\"13\">%s</text>", y + 15, esc(entry.getKey()));
            out.printf("<rect x=\"180\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"%s\"/>", y + 2, width,
                    colours.getOrDefault(entry.getKey(), "#3f6fb5"));
            out.printf("<text x=\"%d\" y=\"%d\" font-size=\"13\">%d</text>%n", 186 + width, y + 15, entry.getValue());
            y += rowHeight;
        }
        out.println("</svg>");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
