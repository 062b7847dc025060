package org.roadmapcoach.api.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small cohort written as CSV files: one mentee, one mentor, one pairing, lines added per test. */
final class CohortFolder {

    private final Path dir;

    CohortFolder(Path dir) {
        this.dir = dir;
        write("people.csv", """
                id,name,role,gaps,ambitions
                E1,Ada Mentee,mentee,public speaking,Lead the platform team
                M1,Max Mentor,mentor,,
                """);
        write("pairings.csv", """
                id,mentee_id,mentor_id,start_date,cadence_days,agreement_roles,agreement_boundaries,agreement_cadence,agreement_success_metrics,reciprocity_plan
                P1,E1,M1,2026-01-05,14,Mentor guides,No weekends,Every two weeks,Talk given,Monthly project update
                """);
    }

    CohortFolder write(String file, String content) {
        try {
            Files.writeString(dir.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path path() {
        return dir;
    }
}
