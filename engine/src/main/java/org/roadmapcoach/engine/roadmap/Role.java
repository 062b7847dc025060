package org.roadmapcoach.engine.roadmap;

/** A person's role in the program. */
public enum Role implements Coded {
    MENTEE, MENTOR, COORDINATOR
}
