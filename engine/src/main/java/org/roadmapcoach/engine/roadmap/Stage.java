package org.roadmapcoach.engine.roadmap;

/** The four stages of a roadmap, in order. */
public enum Stage implements Coded {
    DISCOVERY, PRACTICE, FEEDBACK, MASTERY
}
