package org.roadmapcoach.app.problem;

/** A record's given id is already used in its cohort: never an overwrite. */
public final class IdTakenException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public IdTakenException(String id) {
        super("The id '" + id + "' is already used in this cohort; leave id out to get a new one.");
    }
}
