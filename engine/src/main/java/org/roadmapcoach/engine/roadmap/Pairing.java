package org.roadmapcoach.engine.roadmap;

import java.time.LocalDate;

/**
 * A mentee paired with a mentor.
 *
 * @param endDate planned end, or null
 * @param cadenceDays agreed days between check-ins, 1 to 365
 * @param reciprocityPlan what the mentee offers back, or null
 */
public record Pairing(String id, String menteeId, String mentorId, LocalDate startDate, LocalDate endDate,
                      int cadenceDays, PairingStatus status, Agreement agreement, String reciprocityPlan) {

    /** The default agreed days between check-ins. */
    public static final int DEFAULT_CADENCE_DAYS = 14;

    /** Active as of {@code asOf}: status active, started, and not yet ended. */
    public boolean isActiveOn(LocalDate asOf) {
        return status == PairingStatus.ACTIVE && !startDate.isAfter(asOf)
                && (endDate == null || !endDate.isBefore(asOf));
    }
}
