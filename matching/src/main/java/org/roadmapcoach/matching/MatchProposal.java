package org.roadmapcoach.matching;

import java.util.List;
import java.util.Objects;

/**
 * The proposed pairings of one cohort as of a date (docs/MATCHING.md), with what explains them.
 *
 * @param proposals the proposed pairs, best first: score descending, then mentee id ascending
 * @param unmatched the waiting mentees left out, by mentee id ascending
 */
public record MatchProposal(Summary summary, List<Pair> proposals, List<Unmatched> unmatched) {

    public MatchProposal {
        Objects.requireNonNull(summary, "summary");
        proposals = List.copyOf(proposals);
        unmatched = List.copyOf(unmatched);
    }

    /**
     * The numbers at the top of a proposal.
     *
     * @param waiting           mentees with no busy pairing as of the date
     * @param matched           waiting mentees the proposal pairs
     * @param unmatched         waiting mentees it leaves out
     * @param mentorsWithPlaces mentors with at least one free place before the proposal
     * @param totalScore        the sum of the proposed pairs' scores
     */
    public record Summary(int waiting, int matched, int unmatched, int mentorsWithPlaces, long totalScore) {
    }

    /**
     * One proposed pairing and why it fits.
     *
     * @param covered         the mentee's gaps that are strengths of the mentor, in the mentee's order
     * @param ambition        the mentor's other strengths named in the mentee's ambitions, in the mentor's order
     * @param crossDepartment both departments are given and differ
     * @param alternatives    other eligible mentors with a free place left after the proposal, best score
     *                        first, then mentor id; at most {@code matching.alternatives}
     */
    public record Pair(String menteeId, String mentorId, int score, List<String> covered, List<String> ambition,
                       boolean crossDepartment, List<Alternative> alternatives) {

        public Pair {
            covered = List.copyOf(covered);
            ambition = List.copyOf(ambition);
            alternatives = List.copyOf(alternatives);
        }
    }

    /**
     * A mentor the coordinator could swap in.
     *
     * @param score      the fit of the mentee with this mentor
     * @param freePlaces the mentor's free places left after the proposal (at least 1)
     */
    public record Alternative(String mentorId, int score, int freePlaces) {
    }

    /**
     * A waiting mentee the proposal leaves out.
     *
     * @param detail one or more sentences naming the gaps or the mentors concerned and why
     */
    public record Unmatched(String menteeId, UnmatchedReason reason, String detail) {
    }
}
