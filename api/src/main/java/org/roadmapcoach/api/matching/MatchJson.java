package org.roadmapcoach.api.matching;

import java.time.LocalDate;
import java.util.List;
import org.roadmapcoach.app.matching.MatchingService.CohortProposal;
import org.roadmapcoach.matching.MatchProposal;

/**
 * The proposal as MATCHING.md's JSON: {@code cohortId}, {@code asOf}, {@code summary}, {@code proposals} and
 * {@code unmatched} (each with its reason as {@code no-gaps}, {@code no-cover}, {@code no-eligible} or
 * {@code no-place}). {@code coach match --format json} and {@code GET .../match-proposals} write the same.
 */
public record MatchJson(String cohortId, LocalDate asOf, MatchProposal.Summary summary,
                        List<MatchProposal.Pair> proposals, List<Unmatched> unmatched) {

    /** A waiting mentee left out, with the reason's code. */
    public record Unmatched(String menteeId, String reason, String detail) {
    }

    public static MatchJson of(CohortProposal proposal) {
        MatchProposal p = proposal.proposal();
        return new MatchJson(proposal.cohortId(), proposal.asOf(), p.summary(), p.proposals(), p.unmatched().stream()
                .map(u -> new Unmatched(u.menteeId(), u.reason().code(), u.detail())).toList());
    }
}
