package org.roadmapcoach.engine.finding;

import org.roadmapcoach.engine.roadmap.Coded;

/** What a finding is about. */
public enum SubjectType implements Coded {
    PAIRING, OBJECTIVE, MILESTONE, RESOURCE
}
