package org.roadmapcoach.engine.roadmap;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A learning activity of a pairing. */
public record Activity(String id, String pairingId, LocalDate date, ActivityKind kind, String title,
                       BigDecimal hours, String outcome) {
}
