package org.roadmapcoach.engine.roadmap;

/** What was given back. */
public enum ReciprocityKind implements Coded {
    PROJECT_UPDATE, INSIGHT, EXPLORATORY_WORK, BRIEF, PEER_MENTORING, DOCUMENTATION, INTRODUCTION, COACHING, OTHER
}
