package org.roadmapcoach.data.run;

/**
 * A stored run as {@code coach runs} lists it: the run, how many pairings and findings it holds, and about
 * how many bytes of the database they take.
 */
public record RunInfo(StoredRun run, long pairings, long findings, long bytes) {
}
