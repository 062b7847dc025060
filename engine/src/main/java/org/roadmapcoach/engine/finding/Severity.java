package org.roadmapcoach.engine.finding;

import org.roadmapcoach.engine.roadmap.Coded;

/** How urgent a finding is, most urgent first. */
public enum Severity implements Coded {
    CRITICAL, WARNING, INFO
}
