package org.roadmapcoach.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.roadmapcoach.engine.roadmap.Person;

/** Why a waiting mentee is left out (MATCHING.md, "The proposal"): the reason and the names behind it. */
final class Explanations {

    /** Up to this many mentors are each explained in a no-place detail; more are named by id only. */
    static final int EXPLAINED_MENTORS = 10;

    private final Roster roster;
    private final Fit fit;
    /** The mentees the proposal gives each mentor, by mentor index; null for none. */
    private final List<List<String>> takenBy;

    Explanations(Roster roster, Fit fit, List<List<String>> takenBy) {
        this.roster = roster;
        this.fit = fit;
        this.takenBy = takenBy;
    }

    MatchProposal.Unmatched explain(int e) {
        String menteeId = roster.mentees[e].id();
        fit.scan(e);
        if (roster.settings.minCoveredGaps() <= 0) {
            return explainWithoutGapThreshold(e, menteeId);
        }
        if (roster.gapNames[e].length == 0) {
            return new MatchProposal.Unmatched(menteeId, UnmatchedReason.NO_GAPS,
                    "lists no gaps, so no mentor can cover one");
        }
        if (fit.coveringCount() == 0) {
            return new MatchProposal.Unmatched(menteeId, UnmatchedReason.NO_COVER,
                    "no mentor has a strength among the gaps: " + String.join(", ", roster.gapNames[e]));
        }
        List<Integer> eligible = new ArrayList<>();
        List<String> ineligible = new ArrayList<>();
        for (int i = 0; i < fit.coveringCount(); i++) {
            int m = fit.covering(i);
            if (roster.eligible(e, m, fit.coveredGaps(m))) {
                eligible.add(m);
            } else {
                ineligible.add(whyNotEligible(e, m));
            }
        }
        if (eligible.isEmpty()) {
            return new MatchProposal.Unmatched(menteeId, UnmatchedReason.NO_ELIGIBLE,
                    "mentors cover a gap, but none is eligible: " + String.join("; ", ineligible));
        }
        return noPlace(menteeId, eligible, "the mentors who cover a gap have no place left: ");
    }

    /** With matching.minCoveredGaps 0 or less every mentor who is not a former partner is eligible. */
    private MatchProposal.Unmatched explainWithoutGapThreshold(int e, String menteeId) {
        if (roster.mentors.length == 0) {
            return new MatchProposal.Unmatched(menteeId, UnmatchedReason.NO_COVER, "the cohort has no mentor");
        }
        List<Integer> eligible = new ArrayList<>();
        List<String> former = new ArrayList<>();
        for (int m = 0; m < roster.mentors.length; m++) {
            if (roster.formerPartners(e, m)) {
                former.add(roster.mentors[m].id() + " is a former partner");
            } else {
                eligible.add(m);
            }
        }
        if (eligible.isEmpty()) {
            return new MatchProposal.Unmatched(menteeId, UnmatchedReason.NO_ELIGIBLE,
                    "no mentor is eligible: " + String.join("; ", former));
        }
        return noPlace(menteeId, eligible, "the eligible mentors have no place left: ");
    }

    private String whyNotEligible(int e, int m) {
        String mentorId = roster.mentors[m].id();
        String covers = String.join(", ", fit.covered(m));
        int required = roster.settings.minCoveredGaps();
        boolean tooFew = fit.coveredGaps(m) < required;
        boolean former = roster.formerPartners(e, m);
        String gaps = required == 1 ? "gap" : "gaps";
        if (tooFew && former) {
            return mentorId + " covers only " + covers + ", fewer than the " + required + " " + gaps
                    + " required, and is a former partner";
        }
        if (tooFew) {
            return mentorId + " covers only " + covers + ", fewer than the " + required + " " + gaps + " required";
        }
        return mentorId + " covers " + covers + " but is a former partner";
    }

    private MatchProposal.Unmatched noPlace(String menteeId, List<Integer> eligible, String lead) {
        StringBuilder detail = new StringBuilder(lead);
        boolean anyTaken = false;
        if (eligible.size() <= EXPLAINED_MENTORS) {
            String separator = "";
            for (int m : eligible) {
                detail.append(separator).append(roster.mentors[m].id());
                separator = "; ";
                if (roster.free[m] <= 0) {
                    detail.append(" has no free place (").append(placesText(m)).append(')');
                } else {
                    anyTaken = true;
                    List<String> takers = takenBy.get(m);
                    detail.append("'s ").append(count(roster.free[m], "free place")).append(" went to ")
                            .append(takers == null ? "nobody" : String.join(", ", takers));
                }
            }
        } else {
            // a common gap can have hundreds of full mentors: every one is named, by id only
            StringBuilder full = new StringBuilder();
            StringBuilder taken = new StringBuilder();
            for (int m : eligible) {
                StringBuilder list = roster.free[m] <= 0 ? full : taken;
                list.append(list.length() == 0 ? "" : ", ").append(roster.mentors[m].id());
            }
            anyTaken = taken.length() > 0;
            detail.append(eligible.size()).append(" mentors");
            if (full.length() > 0) {
                detail.append("; no free place: ").append(full);
            }
            if (anyTaken) {
                detail.append("; every free place taken by this proposal: ").append(taken);
            }
        }
        if (anyTaken) {
            detail.append(". Any arrangement that matched this mentee would leave another mentee unmatched");
        }
        return new MatchProposal.Unmatched(menteeId, UnmatchedReason.NO_PLACE, detail.toString());
    }

    /** How a mentor's places come about, e.g. "1 place by 3 hours a month at 2 per mentee, 1 busy pairing". */
    private String placesText(int m) {
        Person mentor = roster.mentors[m];
        StringBuilder text = new StringBuilder(count(roster.places[m], "place"));
        if (mentor.capacityHoursPerMonth() != null) {
            BigDecimal hours = roster.settings.hoursPerMentee();
            int byHours = BigDecimal.valueOf(mentor.capacityHoursPerMonth())
                    .divide(hours, 0, RoundingMode.FLOOR).min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
            if (byHours == roster.places[m]) {
                text.append(" by ").append(mentor.capacityHoursPerMonth()).append(" hours a month at ")
                        .append(hours.stripTrailingZeros().toPlainString()).append(" per mentee");
            }
        }
        return text.append(", ").append(count(roster.busy[m], "busy pairing")).toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
