package org.roadmapcoach.api.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.roadmapcoach.api.matching.MatchCsv;
import org.roadmapcoach.api.matching.MatchJson;
import org.roadmapcoach.api.matching.MatchTable;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.app.matching.MatchingService;
import org.roadmapcoach.app.matching.MatchingService.CohortProposal;
import org.roadmapcoach.data.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coach match}: mentor matching proposals for a cohort's waiting mentees (MATCHING.md). */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Propose a mentor for every waiting mentee of a cohort: the most mentees matched, then the"
                + " best total fit, each pair explained, and why the others are left out.")
final class MatchCommand implements Callable<Integer> {

    enum Format { table, json, csv }

    @Mixin
    StoreOption store;

    @Option(names = "--cohort", required = true, paramLabel = "ID", description = "The cohort.")
    String cohortId;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table (default: proposals best first, then the unmatched), json, or csv (a pairings.csv"
                    + " that coach import takes as a merge).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of stdout.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Store opened = store.open(false)) {
            MatchingService matching = new MatchingService(opened);
            CohortProposal proposal = matching.propose(cohortId, asOf.or(StoreOption.today(opened)));
            if (out == null) {
                write(matching, proposal, spec.commandLine().getOut());
            } else {
                try (Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    write(matching, proposal, new PrintWriter(file));
                }
                spec.commandLine().getOut().printf("Wrote %d proposals (%s) to %s%n",
                        proposal.proposal().proposals().size(), format, out);
            }
            return 0;
        }
    }

    private void write(MatchingService matching, CohortProposal proposal, PrintWriter writer) throws Exception {
        switch (format) {
            case table -> MatchTable.write(proposal, writer);
            case json -> writer.println(Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(MatchJson.of(proposal)));
            case csv -> MatchCsv.write(matching.asPairings(proposal), writer);
        }
        writer.flush();
    }

}
