package org.roadmapcoach.data.digest;

import java.time.LocalDate;

/**
 * An item a person's digest held: when last, and at which severity.
 *
 * @param itemKey what the item is about (a finding's rule, pairing and subject; a pairing that turned red)
 */
public record HistoryEntry(String itemKey, String severity, LocalDate sentOn) {
}
