package org.roadmapcoach.api.healthcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.roadmapcoach.data.exporter.SpreadsheetFormulas;
import org.roadmapcoach.data.run.RunPairing;
import org.roadmapcoach.engine.finding.Finding;

/**
 * The health check as CSV: one row per finding, with its pairing, health and change since last run.
 * Coordinators open it in a spreadsheet, so every text cell (ids, messages, evidence) that would run as
 * a formula is neutralised ({@link SpreadsheetFormulas}); the as-of date is not text and stays as it is.
 */
public final class CsvReport {

    static final String[] HEADER = {"cohort_id", "as_of", "pairing_id", "mentee_id", "mentor_id", "health",
        "rule_id", "severity", "category", "subject_type", "subject_id", "audience", "message", "next_step",
        "evidence", "change"};

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = org.roadmapcoach.api.Json.mapper();

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

    public static void write(HealthCheck check, Writer out) {
        var run = check.run();
        try {
            // not closed: the caller owns the writer
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
            for (RunPairing p : run.pairings()) {
                for (Finding f : p.findings()) {
                    csv.printRecord(safe(run.cohortId(), run.asOf(), p.pairingId(), p.menteeId(), p.mentorId(),
                            p.health().code(), f.ruleId(), f.severity().code(), f.category(), f.subjectType().code(),
                            f.subjectId(), f.audience().code(), f.message(), f.nextStep(),
                            JSON.writeValueAsString(f.evidence()),
                            check.changeOf(f).label()));
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
