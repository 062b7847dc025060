package org.roadmapcoach.engine.roadmap;

/** How far a pairing got with a resource. */
public enum EngagementStatus implements Coded {
    STARTED, COMPLETED, DISMISSED
}
