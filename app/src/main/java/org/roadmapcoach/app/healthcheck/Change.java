package org.roadmapcoach.app.healthcheck;

/** How a finding compares with the previous health check of the cohort. */
public enum Change {
    NEW, UNCHANGED, RESOLVED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
