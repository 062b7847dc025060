package org.roadmapcoach.app.problem;

/**
 * A health check split among workers that could not be finished (its coordinating process stopped, or a
 * partition failed every time it was tried); nothing of it is kept, and running it again is the remedy.
 */
public class CheckFailedException extends CoachException {

    private static final long serialVersionUID = 1L;

    public CheckFailedException(String message) {
        super(message);
    }
}
