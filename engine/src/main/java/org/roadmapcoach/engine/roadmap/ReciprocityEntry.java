package org.roadmapcoach.engine.roadmap;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Something given within a pairing, by the mentee or the mentor. */
public record ReciprocityEntry(String id, String pairingId, LocalDate date, Giver giver, ReciprocityKind kind,
                               BigDecimal hours, String description) {
}
