package org.roadmapcoach.data.generator;

import java.util.Random;

/**
 * What kind of pairing a synthetic one is: mostly healthy ones, and the troubles coordinators meet
 * (docs/sample-cohort.md tells one of each). Each trouble is built so that its rules fire; the weights
 * make a cohort where about a third of the pairings is healthy.
 */
enum Story {
    /** On track: regular check-ins, balanced reciprocity, milestones done in order with reflections. */
    HEALTHY(31),
    /** Two objectives achieved through mastery, a recent win: time to pay it forward. */
    STAR(5),
    /** Started days ago: draft objectives, vague titles, a half-written agreement. */
    NEW(7),
    /** No check-in for weeks, milestones stalled and overdue, an objective past its date. */
    STALLED(11),
    /** The mentor gives, the mentee takes; feedback only goes one way. */
    ONE_SIDED(9),
    /** Good work, missing paperwork: no kickoff, half an agreement, no reciprocity plan. */
    PAPERWORK(8),
    /** Six active, all-technical objectives, one impossible deadline, one off-ambition. */
    OVERLOADED(5),
    /** Milestones done out of order, without reflection or review; a takeaway never shared. */
    HYGIENE(8),
    /** Practice without stretch or reflection. */
    PRACTICE_ONLY(6),
    /** The last check-ins were missed or cancelled. */
    MISSED(6),
    /** Closed, paused, ended or not started yet: not evaluated. */
    INACTIVE(4);

    private static final int TOTAL = java.util.Arrays.stream(values()).mapToInt(s -> s.weight).sum();

    private final int weight;

    Story(int weight) {
        this.weight = weight;
    }

    static Story pick(Random random) {
        int ticket = random.nextInt(TOTAL);
        for (Story story : values()) {
            ticket -= story.weight;
            if (ticket < 0) {
                return story;
            }
        }
        throw new AssertionError("weights add up to " + TOTAL);
    }
}
