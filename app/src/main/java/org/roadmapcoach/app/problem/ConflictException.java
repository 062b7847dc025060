package org.roadmapcoach.app.problem;

/** A request that cannot be done in the state things are in: an id already taken, an ambiguous id. */
public class ConflictException extends CoachException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
