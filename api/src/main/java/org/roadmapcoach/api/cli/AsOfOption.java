package org.roadmapcoach.api.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The {@code --as-of DATE} option: the evaluation date, today by default. */
final class AsOfOption {

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluate as of this date (yyyy-MM-dd); default today.")
    LocalDate asOf;

    LocalDate orToday() {
        return asOf != null ? asOf : LocalDate.now();
    }
}
