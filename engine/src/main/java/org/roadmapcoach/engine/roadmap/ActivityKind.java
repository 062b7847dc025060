package org.roadmapcoach.engine.roadmap;

/** A learning activity; assignment is real stretch work. */
public enum ActivityKind implements Coded {
    PRACTICE, ASSIGNMENT, SHADOWING, SIDE_PROJECT, REVIEW, REFLECTION, ARTIFACT
}
