package org.roadmapcoach.api.cli;

import java.util.List;
import org.roadmapcoach.data.importer.CsvSource;

/** The bundled sample cohort's files, read from the class path. */
final class SampleCohort {

    static final String ID = "spring-2026";

    private SampleCohort() {
    }

    static List<CsvSource> files() {
        return List.of("people.csv", "pairings.csv", "objectives.csv", "milestones.csv", "checkins.csv",
                "reciprocity.csv", "activities.csv", "resources.csv", "engagements.csv").stream()
                .map(name -> new CsvSource(name, () -> SampleCohort.class.getResourceAsStream("/sample/" + ID + "/"
                        + name)))
                .toList();
    }
}
