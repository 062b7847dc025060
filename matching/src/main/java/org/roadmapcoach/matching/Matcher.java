package org.roadmapcoach.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Person;

/**
 * Proposes mentor pairings for a cohort's waiting mentees, exactly as docs/MATCHING.md asks: among all sets
 * of eligible pairs that give each waiting mentee at most one mentor and each mentor at most its free places,
 * one that matches the most mentees and, among those, has the largest total score.
 *
 * <p>The search is a min-cost maximum flow (see {@code MaxMatchingFlow}) over every eligible pair with a
 * free place; no other pair is left out, so the answer is optimal, not a heuristic's. People are sorted by id
 * and pairs built in id order before the solver sees them, and the solver is deterministic, so the same cohort
 * gives the same set whatever order its lists come in.
 */
public final class Matcher {

    private Matcher() {
    }

    /**
     * The proposal for one cohort as of {@code asOf}.
     *
     * @param people   the cohort's people (any roles; ids unique)
     * @param pairings the cohort's pairings, any status: busy ones take places, all of them count as
     *                 former partners while {@code matching.allowRepeat} is false
     * @return proposals ordered best first: score descending, then mentee id ascending; the unmatched by
     *         mentee id ascending
     * @throws IllegalArgumentException when a person id appears twice
     */
    public static MatchProposal propose(List<Person> people, List<Pairing> pairings, LocalDate asOf,
                                        MatchingSettings settings) {
        return propose(people, pairings, asOf, settings, MaxMatchingFlow.ARCS_PER_MENTEE);
    }

    /** {@link #propose}, first solving over each mentee's best {@code arcsPerMentee} candidates (tests set it low). */
    static MatchProposal propose(List<Person> people, List<Pairing> pairings, LocalDate asOf,
                                 MatchingSettings settings, int arcsPerMentee) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(settings, "settings");
        Roster roster = new Roster(people, pairings, asOf, settings);
        Fit fit = new Fit(roster);
        Candidates candidates = Candidates.of(roster, fit);
        int mentees = roster.mentees.length;
        int[] chosen = MaxMatchingFlow.solve(candidates, mentees, roster.free, arcsPerMentee);

        int[] taken = new int[roster.mentors.length];
        List<List<String>> takenBy = new ArrayList<>(roster.mentors.length);
        for (int m = 0; m < roster.mentors.length; m++) {
            takenBy.add(null);
        }
        for (int e = 0; e < mentees; e++) {
            if (chosen[e] >= 0) {
                int m = candidates.mentor[chosen[e]];
                taken[m]++;
                if (takenBy.get(m) == null) {
                    takenBy.set(m, new ArrayList<>(2));
                }
                takenBy.get(m).add(roster.mentees[e].id());
            }
        }

        List<MatchProposal.Pair> proposals = new ArrayList<>();
        List<MatchProposal.Unmatched> unmatched = new ArrayList<>();
        Explanations explanations = new Explanations(roster, fit, takenBy);
        long totalScore = 0;
        for (int e = 0; e < mentees; e++) {
            if (chosen[e] < 0) {
                unmatched.add(explanations.explain(e));
                continue;
            }
            int c = chosen[e];
            int m = candidates.mentor[c];
            fit.scan(e);
            proposals.add(new MatchProposal.Pair(roster.mentees[e].id(), roster.mentors[m].id(),
                    candidates.score[c], fit.covered(m), fit.ambition(m), fit.crossDepartment(m),
                    alternatives(roster, candidates, e, m, taken)));
            totalScore += candidates.score[c];
        }
        proposals.sort(Comparator.comparingInt(MatchProposal.Pair::score).reversed()
                .thenComparing(MatchProposal.Pair::menteeId));

        int mentorsWithPlaces = 0;
        for (int free : roster.free) {
            if (free > 0) {
                mentorsWithPlaces++;
            }
        }
        MatchProposal.Summary summary = new MatchProposal.Summary(mentees, proposals.size(), unmatched.size(),
                mentorsWithPlaces, totalScore);
        return new MatchProposal(summary, proposals, unmatched);
    }

    /**
     * The mentee's other candidate mentors with a free place left after the proposal, best score first, then
     * mentor id, at most {@code matching.alternatives} (kept in a small sorted array: a mentee of a large
     * cohort has hundreds of candidates).
     */
    private static List<MatchProposal.Alternative> alternatives(Roster roster, Candidates candidates, int e,
                                                                int proposed, int[] taken) {
        int limit = roster.settings.alternatives();
        int[] best = new int[limit];
        int size = 0;
        for (int c = candidates.start[e]; c < candidates.start[e + 1] && limit > 0; c++) {
            int m = candidates.mentor[c];
            if (m == proposed || roster.free[m] - taken[m] <= 0) {
                continue;
            }
            // candidates come by mentor index (id) ascending, so only a strictly higher score moves ahead
            int at = size;
            while (at > 0 && candidates.score[best[at - 1]] < candidates.score[c]) {
                at--;
            }
            if (at < limit) {
                int end = Math.min(size, limit - 1);
                System.arraycopy(best, at, best, at + 1, end - at);
                best[at] = c;
                size = Math.min(size + 1, limit);
            }
        }
        List<MatchProposal.Alternative> alternatives = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int m = candidates.mentor[best[i]];
            alternatives.add(new MatchProposal.Alternative(roster.mentors[m].id(), candidates.score[best[i]],
                    roster.free[m] - taken[m]));
        }
        return alternatives;
    }
}
