package org.roadmapcoach.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the floors share: the files of a cohort folder and the one line of result that bench/run.sh reads. */
final class Floors {

    /** The CSV files of the cohort format, in dependency order, with the table each is stored in. */
    static final List<String[]> FILES = List.of(
            new String[] {"people.csv", "people"},
            new String[] {"pairings.csv", "pairings"},
            new String[] {"objectives.csv", "objectives"},
            new String[] {"milestones.csv", "milestones"},
            new String[] {"checkins.csv", "checkins"},
            new String[] {"reciprocity.csv", "reciprocity_entries"},
            new String[] {"activities.csv", "activities"},
            new String[] {"resources.csv", "resources"},
            new String[] {"engagements.csv", "engagements"});

    private Floors() {
    }

    static List<Path> csvFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
    }

    /**
     * Prints the result line: rows handled and milliseconds taken. {@code check} is a value derived from
     * everything read, printed so that the JIT cannot drop the work.
     */
    static void report(String floor, long rows, long nanos, long check) {
        System.out.printf("floor %s: rows=%d ms=%d check=%d%n", floor, rows, nanos / 1_000_000, check);
    }
}
