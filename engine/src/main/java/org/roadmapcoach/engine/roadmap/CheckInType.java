package org.roadmapcoach.engine.roadmap;

/** The kind of a check-in; a review is milestone-focused. */
public enum CheckInType implements Coded {
    KICKOFF, CHECKIN, REVIEW
}
