package org.roadmapcoach.api.matching;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.roadmapcoach.engine.roadmap.Pairing;

/**
 * A proposal as a {@code pairings.csv} that {@code coach import} takes as it is, as a merge (MATCHING.md): id,
 * mentee_id, mentor_id, start_date, cadence_days, status.
 */
public final class MatchCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

    private MatchCsv() {
    }

    public static void write(List<Pairing> pairings, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, FORMAT);
        csv.printRecord("id", "mentee_id", "mentor_id", "start_date", "cadence_days", "status");
        for (Pairing pairing : pairings) {
            csv.printRecord(pairing.id(), pairing.menteeId(), pairing.mentorId(), pairing.startDate(),
                    pairing.cadenceDays(), pairing.status().code());
        }
        csv.flush();
    }
}
