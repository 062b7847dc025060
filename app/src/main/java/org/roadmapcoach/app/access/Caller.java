package org.roadmapcoach.app.access;

import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * Who is calling, from their token.
 *
 * @param cohortId the cohort the token is for; null only for a coordinator of every cohort
 */
public record Caller(String personId, Role role, String cohortId) {

    public boolean isCoordinator() {
        return role == Role.COORDINATOR;
    }

    /** Whether the caller is the mentee or the mentor of {@code pairing}. */
    public boolean isIn(Pairing pairing) {
        return personId.equals(pairing.menteeId()) || personId.equals(pairing.mentorId());
    }

    /** Whether the token reaches cohort {@code id} at all. */
    public boolean reaches(String id) {
        return cohortId == null || cohortId.equals(id);
    }
}
