package org.roadmapcoach.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.roadmapcoach.data.generator.CohortGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code coach generate}: a synthetic cohort in the CSV format, for trying scale and for benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic cohort of N pairings as CSV files (the same seed gives the same files);"
                + " its dates are told as of 2026-06-15.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the CSV files to.")
    Path out;

    @Option(names = "--pairings", required = true, paramLabel = "N", description = "How many pairings.")
    int pairings;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "The random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--waiting", defaultValue = "0", paramLabel = "N",
            description = "Also N mentees without a pairing, and a mentor with 1 to 5 free places for every four of"
                    + " them, for coach match (default 0).")
    int waiting;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (pairings < 1) {
            throw new ParameterException(spec.commandLine(), "--pairings must be 1 or more");
        }
        if (waiting < 0) {
            throw new ParameterException(spec.commandLine(), "--waiting must be 0 or more");
        }
        Map<String, Long> rows = CohortGenerator.generate(out, pairings, seed, waiting);
        PrintWriter writer = spec.commandLine().getOut();
        writer.printf("Generated %d pairings%s (seed %d) into %s; evaluate them --as-of %s%n", pairings,
                waiting == 0 ? "" : " and " + waiting + " waiting mentees with " + (waiting + 3) / 4 + " mentors",
                seed, out, CohortGenerator.AS_OF);
        rows.forEach((file, count) -> writer.printf("  %-18s %9d rows%n", file, count));
        writer.flush();
        return 0;
    }
}
