package org.roadmapcoach.engine.roadmap;

/** Who gave something in a reciprocity entry. */
public enum Giver implements Coded {
    MENTEE, MENTOR
}
