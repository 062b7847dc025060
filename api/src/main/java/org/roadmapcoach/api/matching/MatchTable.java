package org.roadmapcoach.api.matching;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.roadmapcoach.app.matching.MatchingService.CohortProposal;
import org.roadmapcoach.matching.MatchProposal;

/** {@code coach match}'s table: the summary, the proposals best first, then the unmatched with their reasons. */
public final class MatchTable {

    private MatchTable() {
    }

    public static void write(CohortProposal cohortProposal, PrintWriter out) {
        MatchProposal proposal = cohortProposal.proposal();
        MatchProposal.Summary s = proposal.summary();
        out.printf("Matching for %s as of %s: %d waiting mentees, %d matched, %d unmatched; %d mentors with free"
                        + " places; total score %d%n", cohortProposal.cohortId(), cohortProposal.asOf(), s.waiting(),
                s.matched(), s.unmatched(), s.mentorsWithPlaces(), s.totalScore());
        out.println();
        if (proposal.proposals().isEmpty()) {
            out.println("No proposals.");
        } else {
            out.println("Proposals, best first:");
            int mentee = width(proposal.proposals().stream().map(MatchProposal.Pair::menteeId).toList(), "MENTEE");
            int mentor = width(proposal.proposals().stream().map(MatchProposal.Pair::mentorId).toList(), "MENTOR");
            String row = "%-" + mentee + "s  %-" + mentor + "s  %5s  %-5s  %s%n";
            out.printf(row, "MENTEE", "MENTOR", "SCORE", "CROSS", "WHY, AND ALTERNATIVES");
            for (MatchProposal.Pair pair : proposal.proposals()) {
                out.printf(row, pair.menteeId(), pair.mentorId(), pair.score(), pair.crossDepartment() ? "yes" : "no",
                        why(pair));
            }
        }
        if (!proposal.unmatched().isEmpty()) {
            out.println();
            out.println("Unmatched:");
            int mentee = width(proposal.unmatched().stream().map(MatchProposal.Unmatched::menteeId).toList(), "MENTEE");
            String row = "%-" + mentee + "s  %-11s  %s%n";
            out.printf(row, "MENTEE", "REASON", "WHY");
            for (MatchProposal.Unmatched unmatched : proposal.unmatched()) {
                out.printf(row, unmatched.menteeId(), unmatched.reason().code(), unmatched.detail());
            }
        }
        out.flush();
    }

    private static String why(MatchProposal.Pair pair) {
        StringBuilder why = new StringBuilder("covers ").append(String.join(", ", pair.covered()));
        if (!pair.ambition().isEmpty()) {
            why.append("; ambitions: ").append(String.join(", ", pair.ambition()));
        }
        if (!pair.alternatives().isEmpty()) {
            why.append("; or ").append(pair.alternatives().stream()
                    .map(a -> a.mentorId() + " (" + a.score() + ", " + a.freePlaces() + " free)")
                    .collect(Collectors.joining(", ")));
        }
        return why.toString();
    }

    private static int width(List<String> values, String header) {
        return Math.min(40, values.stream().mapToInt(String::length).reduce(header.length(), Math::max));
    }
}
