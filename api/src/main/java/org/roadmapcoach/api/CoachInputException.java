package org.roadmapcoach.api;

/**
 * A user mistake (unknown cohort, bad value, rejected input): shown as one sentence, exit code 1,
 * never a stack trace.
 */
public class CoachInputException extends RuntimeException {
    public CoachInputException(String message) {
        super(message);
    }
}
