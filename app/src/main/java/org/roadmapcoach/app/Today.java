package org.roadmapcoach.app;

import org.roadmapcoach.app.problem.Shown;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.roadmap.Dates;

/**
 * The store's today (API.md), the date every evaluation defaults to and every date check measures from:
 * {@code COACH_TODAY} when set, else the date the database pins (as {@code coach demo} does), else the
 * real date.
 */
public final class Today {

    private final Store store;
    private final LocalDate fromEnvironment;
    private final Clock clock;

    private Today(Store store, LocalDate fromEnvironment, Clock clock) {
        this.store = store;
        this.fromEnvironment = fromEnvironment;
        this.clock = clock;
    }

    /**
     * @param coachToday the value of {@code COACH_TODAY}, or null when it is not set
     * @throws InvalidInputException when {@code coachToday} is not a date as yyyy-MM-dd
     */
    public static Today of(Store store, String coachToday, Clock clock) {
        LocalDate date = null;
        if (coachToday != null && !coachToday.isBlank()) {
            try {
                date = Dates.parse(coachToday.strip());
            } catch (DateTimeException e) {
                throw new InvalidInputException("COACH_TODAY is " + Shown.quoted(coachToday)
                        + "; expected a date as yyyy-MM-dd.");
            }
        }
        return new Today(store, date, clock);
    }

    public LocalDate date() {
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        Optional<LocalDate> pinned = store.pinnedToday();
        return pinned.orElseGet(() -> LocalDate.now(clock));
    }

    /** Where {@link #date()} comes from, in words: {@code COACH_TODAY}, the database, or the clock. */
    public String source() {
        if (fromEnvironment != null) {
            return "set by COACH_TODAY";
        }
        return store.pinnedToday().isPresent() ? "pinned in the database" : "the real date";
    }
}
