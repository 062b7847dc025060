package org.roadmapcoach.app.problem;

/** A role that may never do this (a mentee on a coordinator's use case), whatever the ids. */
public final class NotAllowedException extends CoachException {

    private static final long serialVersionUID = 1L;

    public NotAllowedException(String message) {
        super(message);
    }
}
