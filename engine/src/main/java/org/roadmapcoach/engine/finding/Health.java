package org.roadmapcoach.engine.finding;

import java.util.Collection;
import org.roadmapcoach.engine.roadmap.Coded;

/** A pairing's health, worst first. */
public enum Health implements Coded {
    RED, AMBER, GREEN;

    /** Red with any critical finding or three or more warnings, amber with one or two warnings, else green. */
    public static Health of(Collection<Finding> findings) {
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        if (warnings >= 3 || findings.stream().anyMatch(f -> f.severity() == Severity.CRITICAL)) {
            return RED;
        }
        return warnings > 0 ? AMBER : GREEN;
    }
}
