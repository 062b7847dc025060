package org.roadmapcoach.engine.roadmap;

/** The level a resource is pitched at. */
public enum Level implements Coded {
    INTRO, INTERMEDIATE, ADVANCED
}
