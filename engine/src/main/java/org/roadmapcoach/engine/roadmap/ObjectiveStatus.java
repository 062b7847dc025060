package org.roadmapcoach.engine.roadmap;

/** Where an objective stands. */
public enum ObjectiveStatus implements Coded {
    ACTIVE, ACHIEVED, DROPPED
}
