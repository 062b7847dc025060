package org.roadmapcoach.engine.roadmap;

/** The kind of a development resource. */
public enum ResourceType implements Coded {
    READING, COURSE, WORKSHOP, NETWORKING, VIDEO, PODCAST, COMMUNITY
}
