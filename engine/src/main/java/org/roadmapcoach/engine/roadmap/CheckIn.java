package org.roadmapcoach.engine.roadmap;

import java.time.LocalDate;

/** A check-in of a pairing, held or not. */
public record CheckIn(String id, String pairingId, LocalDate date, CheckInType type, CheckInStatus status,
                      Integer minutes, String feedbackToMentee, String feedbackToMentor, String notes) {
}
