package org.roadmapcoach.app.problem;

/**
 * An id that does not exist, or that exists outside the caller's reach: the same answer for both, so
 * that nobody learns which ids exist elsewhere.
 */
public final class NotFoundException extends CoachException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
