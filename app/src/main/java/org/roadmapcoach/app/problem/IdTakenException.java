package org.roadmapcoach.app.problem;

/** A record's given id (in its own pairing's namespace) is already used: never an overwrite. */
public final class IdTakenException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public IdTakenException(String id) {
        super("The id " + Shown.quoted(id) + " is already used; leave id out to get a new one.");
    }
}
