package org.roadmapcoach.engine.roadmap;

/** Whether a check-in took place. */
public enum CheckInStatus implements Coded {
    HELD, MISSED, CANCELLED
}
