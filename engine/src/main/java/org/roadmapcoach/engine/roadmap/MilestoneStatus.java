package org.roadmapcoach.engine.roadmap;

/** Where a milestone stands. */
public enum MilestoneStatus implements Coded {
    PLANNED, IN_PROGRESS, DONE, DROPPED
}
