package org.roadmapcoach.api.healthcheck;

import org.roadmapcoach.app.healthcheck.Change;
import org.roadmapcoach.app.healthcheck.HealthCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.roadmapcoach.data.exporter.SpreadsheetFormulas;
import org.roadmapcoach.data.run.RunPairing;
import org.roadmapcoach.engine.finding.Finding;

/**
 * The health check as CSV: one row per finding, with its pairing, the mentee's and mentor's names, its health
 * and its change since the run before (new or unchanged), then a row per finding of that run now resolved.
 * Coordinators open it in a spreadsheet, so every text cell (ids, messages, evidence) that would run as
 * a formula is neutralised ({@link SpreadsheetFormulas}); the as-of date is not text and stays as it is.
 */
public final class CsvReport {

    static final String[] HEADER = {"cohort_id", "as_of", "pairing_id", "mentee_id", "mentee_name", "mentor_id",
        "mentor_name", "health", "rule_id", "severity", "category", "subject_type", "subject_id", "audience", "message",
        "next_step", "evidence", "change"};

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = org.roadmapcoach.app.Json.mapper();

    private CsvReport() {
    }

    private static Object[] safe(Object... values) {
        Object[] cells = values.clone();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] instanceof String text) {
                cells[i] = SpreadsheetFormulas.neutralise(text);
            }
        }
        return cells;
    }

    private static void print(CSVPrinter csv, Object... values) {
        try {
            csv.printRecord(safe(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(CSVPrinter csv, HealthCheck check, RunPairing p, String health, Finding f, String change) {
        var run = check.run();
        print(csv, run.cohortId(), run.asOf(), p.pairingId(), p.menteeId(), check.nameOf(p.menteeId()), p.mentorId(),
                check.nameOf(p.mentorId()), health, f.ruleId(), f.severity().code(), f.category(),
                f.subjectType().code(), f.subjectId(), f.audience().code(), f.message(), f.nextStep(),
                json(f.evidence()), change);
    }

    public static void write(HealthCheck check, Writer out) {
        try {
            // not closed: the caller owns the writer
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
            check.forEachPairing(HealthCheck.Order.BY_ID, true, (p, summary) -> {
                List<Finding> findings = p.findings();
                for (int i = 0; i < findings.size(); i++) {
                    row(csv, check, p, p.health().code(), findings.get(i), check.changeOf(summary, i).label());
                }
            });
            // The findings of the run before that this one no longer has, with the pairing's health of now
            // (empty when the pairing was not evaluated this time).
            Map<String, String> health = new HashMap<>();
            check.pairings().forEach(p -> health.put(p.pairingId(), p.health().code()));
            check.forEachResolved((p, f) -> row(csv, check, p, health.getOrDefault(p.pairingId(), ""), f,
                    Change.RESOLVED.label()));
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
