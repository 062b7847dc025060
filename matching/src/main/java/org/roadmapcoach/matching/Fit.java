package org.roadmapcoach.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * The fit of one waiting mentee with mentors (MATCHING.md, "Fit of a mentee e with a mentor m"). {@link #scan}
 * visits only the mentors who have one of the mentee's gaps, through the strength index, so a cohort's pairs
 * are never all enumerated; the per-strength answers for one mentee are remembered in arrays stamped with
 * the scan, not cleared.
 */
final class Fit {

    private final Roster roster;
    private final MatchingSettings settings;

    private int mentee = -1;
    private int scan;
    /** Covered gaps per mentor for the current mentee; valid for the mentors in {@link #covering}. */
    private final int[] coveredGaps;
    private final IntList covering = new IntList(64);
    private final int[] gapStamp;
    private final int[] ambitionStamp;
    private final boolean[] inAmbitions;

    Fit(Roster roster) {
        this.roster = roster;
        this.settings = roster.settings;
        coveredGaps = new int[roster.mentors.length];
        gapStamp = new int[roster.vocabulary.length];
        ambitionStamp = new int[roster.vocabulary.length];
        inAmbitions = new boolean[roster.vocabulary.length];
    }

    /** Makes {@code e} the current mentee and counts, for every mentor who covers a gap, the covered gaps. */
    void scan(int e) {
        for (int i = 0; i < covering.size(); i++) {
            coveredGaps[covering.get(i)] = 0;
        }
        covering.clear();
        mentee = e;
        scan++;
        for (int gap : roster.gapIds[e]) {
            gapStamp[gap] = scan;
            for (int m : roster.mentorsByStrength[gap]) {
                if (coveredGaps[m]++ == 0) {
                    covering.add(m);
                }
            }
        }
        covering.sort();
    }

    /** How many mentors cover at least one gap of the current mentee. */
    int coveringCount() {
        return covering.size();
    }

    /** The i-th of them, by mentor index ascending. */
    int covering(int i) {
        return covering.get(i);
    }

    /** The current mentee's gaps that mentor {@code m} has as strengths. */
    int coveredGaps(int m) {
        return coveredGaps[m];
    }

    /** The score of the current mentee with mentor {@code m}. */
    int score(int m) {
        int ambition = 0;
        if (!roster.ambitions[mentee].isEmpty()) {
            for (int s : roster.strengths[m]) {
                if (gapStamp[s] != scan && inAmbitions(s)) {
                    ambition++;
                }
            }
        }
        int score = Math.multiplyExact(settings.gapPoints(), coveredGaps[m]);
        score = Math.addExact(score, Math.multiplyExact(settings.ambitionPoints(), ambition));
        return crossDepartment(m) ? Math.addExact(score, settings.crossDepartmentPoints()) : score;
    }

    /** Both departments are given and differ, case-insensitively. */
    boolean crossDepartment(int m) {
        String own = roster.menteeDepartments[mentee];
        String theirs = roster.mentorDepartments[m];
        return !own.isEmpty() && !theirs.isEmpty() && !own.equals(theirs);
    }

    /** The current mentee's gaps that are strengths of mentor {@code m}, in the mentee's order. */
    List<String> covered(int m) {
        List<String> covered = new ArrayList<>();
        for (String gap : roster.gapNames[mentee]) {
            for (int s : roster.strengths[m]) {
                if (roster.vocabulary[s].equals(gap)) {
                    covered.add(gap);
                    break;
                }
            }
        }
        return covered;
    }

    /** Mentor {@code m}'s strengths, not covered gaps, found in the current mentee's ambitions. */
    List<String> ambition(int m) {
        List<String> ambition = new ArrayList<>();
        if (!roster.ambitions[mentee].isEmpty()) {
            for (int s : roster.strengths[m]) {
                if (gapStamp[s] != scan && inAmbitions(s)) {
                    ambition.add(roster.vocabulary[s]);
                }
            }
        }
        return ambition;
    }

    private boolean inAmbitions(int s) {
        if (ambitionStamp[s] != scan) {
            ambitionStamp[s] = scan;
            inAmbitions[s] = roster.ambitions[mentee].contains(roster.vocabularyLowerCase[s]);
        }
        return inAmbitions[s];
    }
}
