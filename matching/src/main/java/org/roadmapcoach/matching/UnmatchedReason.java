package org.roadmapcoach.matching;

/** Why a waiting mentee is left out of the proposal (docs/MATCHING.md), checked in this order. */
public enum UnmatchedReason {
    /** The mentee lists no gaps. */
    NO_GAPS("no-gaps"),
    /** No mentor of the cohort has a strength among the mentee's gaps. */
    NO_COVER("no-cover"),
    /** Mentors cover a gap, but none is eligible: former partners, or too few covered gaps. */
    NO_ELIGIBLE("no-eligible"),
    /** The eligible mentors have no free place, or their places went to mentees who had no other match. */
    NO_PLACE("no-place");

    private final String code;

    UnmatchedReason(String code) {
        this.code = code;
    }

    /** The reason as written in JSON and tables, e.g. {@code no-cover}. */
    public String code() {
        return code;
    }
}
