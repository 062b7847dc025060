package org.roadmapcoach.app.reach;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One all-day event of a calendar feed.
 *
 * @param uid stable for the same thing on the same day, so calendar apps update rather than duplicate
 * @param stamp DTSTAMP: from the data (the latest date the pairing's records hold), never the clock
 */
public record CalendarEvent(String uid, LocalDate date, String summary, String description, Instant stamp) {
}
