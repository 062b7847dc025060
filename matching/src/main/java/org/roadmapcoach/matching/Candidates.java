package org.roadmapcoach.matching;

/**
 * Every pair that may be proposed: the mentee is waiting, the mentor has a free place, and the pair is
 * eligible. Nothing else is left out, so the optimum over these pairs is the optimum of MATCHING.md. Kept
 * in primitive arrays, grouped by mentee index and within a mentee by mentor index (that is, by ids): a
 * large cohort has millions of them, and a fixed order keeps the solver's answer the same.
 */
final class Candidates {

    /** The pairs of mentee e are {@code start[e]} to {@code start[e + 1] - 1}. */
    final int[] start;
    final int[] mentor;
    final int[] score;

    private Candidates(int[] start, int[] mentor, int[] score) {
        this.start = start;
        this.mentor = mentor;
        this.score = score;
    }

    static Candidates of(Roster roster, Fit fit) {
        int mentees = roster.mentees.length;
        int[] start = new int[mentees + 1];
        IntList mentor = new IntList(1024);
        IntList score = new IntList(1024);
        boolean everyMentor = roster.settings.minCoveredGaps() <= 0;
        for (int e = 0; e < mentees; e++) {
            start[e] = mentor.size();
            fit.scan(e);
            int visits = everyMentor ? roster.mentors.length : fit.coveringCount();
            for (int i = 0; i < visits; i++) {
                int m = everyMentor ? i : fit.covering(i);
                if (roster.free[m] > 0 && roster.eligible(e, m, fit.coveredGaps(m))) {
                    mentor.add(m);
                    score.add(fit.score(m));
                }
            }
        }
        start[mentees] = mentor.size();
        return new Candidates(start, mentor.toArray(), score.toArray());
    }

    int size() {
        return mentor.length;
    }
}
