package org.roadmapcoach.api.cli;

import java.time.LocalDate;
import org.roadmapcoach.app.Today;
import picocli.CommandLine.Option;

/** The {@code --as-of DATE} option: the evaluation date, the store's today by default. */
final class AsOfOption {

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Evaluate as of this date (yyyy-MM-dd); default the store's today.")
    LocalDate asOf;

    /** The date given, or {@code today}'s. */
    LocalDate or(Today today) {
        return asOf != null ? asOf : today.date();
    }
}
