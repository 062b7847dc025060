package org.roadmapcoach.engine.finding;

import org.roadmapcoach.engine.roadmap.Coded;

/** Who should act on a finding; {@code pair} means mentee and mentor together. */
public enum Audience implements Coded {
    MENTEE, MENTOR, PAIR, COORDINATOR
}
