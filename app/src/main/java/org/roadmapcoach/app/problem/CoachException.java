package org.roadmapcoach.app.problem;

/**
 * A request the application answers with a reason rather than a result. Each face turns the kinds
 * in one place: the HTTP API into problem+json with a status, the command line into exit code 1 and
 * its message. The message is shown to the person, so it names what to fix and holds no SQL, paths
 * or stack traces.
 */
public abstract class CoachException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected CoachException(String message) {
        super(message);
    }
}
