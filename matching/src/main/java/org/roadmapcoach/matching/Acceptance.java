package org.roadmapcoach.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Person;

/**
 * Whether chosen (mentee, mentor) pairs may be made now, by the rules the proposal follows (MATCHING.md): a
 * proposal accepted later, or pairs picked by hand, meet a cohort that may have changed since.
 */
public final class Acceptance {

    /** One pair to be made. */
    public record Requested(String menteeId, String mentorId) {
        public Requested {
            Objects.requireNonNull(menteeId, "menteeId");
            Objects.requireNonNull(mentorId, "mentorId");
        }
    }

    private Acceptance() {
    }

    /**
     * Every reason the pairs may not all be made as of {@code asOf}, one sentence each, in request order:
     * a mentee who is not waiting (or asked for twice), a mentor without a free place left for the pairs
     * before it, a pair that is not eligible. Empty when they may all be made. People who are not in the
     * cohort with the right role are the caller's to check first; here they are refused too.
     */
    public static List<String> refusals(List<Person> people, List<Pairing> pairings, LocalDate asOf,
                                        MatchingSettings settings, List<Requested> requested) {
        Roster roster = new Roster(people, pairings, asOf, settings);
        Fit fit = new Fit(roster);
        int[] taken = new int[roster.mentors.length];
        Set<String> asked = new HashSet<>();
        List<String> refusals = new ArrayList<>();
        for (Requested pair : requested) {
            int e = indexOf(roster.mentees, pair.menteeId());
            int m = indexOf(roster.mentors, pair.mentorId());
            if (!asked.add(pair.menteeId())) {
                refusals.add(pair.menteeId() + " is asked for more than once");
                continue;
            }
            if (e < 0) {
                refusals.add(pair.menteeId() + " is no longer waiting: a pairing of theirs is active or paused");
            }
            if (m < 0) {
                refusals.add(pair.mentorId() + " is not a mentor of this cohort");
                continue;
            }
            if (roster.free[m] - taken[m] <= 0) {
                refusals.add(pair.mentorId() + " has no free place left (" + roster.places[m] + " places, "
                        + roster.busy[m] + " busy pairings" + (taken[m] > 0 ? ", " + taken[m] + " asked for before"
                        : "") + ")");
            }
            taken[m]++;
            if (e >= 0) {
                fit.scan(e);
                int covered = covers(fit, m) ? fit.coveredGaps(m) : 0;
                if (roster.formerPartners(e, m)) {
                    refusals.add(pair.menteeId() + " and " + pair.mentorId()
                            + " are former partners (matching.allowRepeat is false)");
                } else if (covered < settings.minCoveredGaps()) {
                    refusals.add(pair.mentorId() + " covers " + covered + " of " + pair.menteeId()
                            + "'s gaps; matching.minCoveredGaps asks for " + settings.minCoveredGaps());
                }
            }
        }
        return refusals;
    }

    private static boolean covers(Fit fit, int m) {
        for (int i = 0; i < fit.coveringCount(); i++) {
            if (fit.covering(i) == m) {
                return true;
            }
        }
        return false;
    }

    /** The index of the person with {@code id} in a roster's array (sorted by id), or -1. */
    private static int indexOf(Person[] sortedById, String id) {
        int low = 0;
        int high = sortedById.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = sortedById[middle].id().compareTo(id);
            if (order == 0) {
                return middle;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }
}
