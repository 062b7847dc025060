package org.roadmapcoach.engine.evaluation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The evaluation date D, a fact of every evaluation: rules never read a clock.
 *
 * @param date the as-of date D
 */
public record AsOf(LocalDate date) {

    /** D - {@code day} in days: positive for a day before D. */
    public long daysSince(LocalDate day) {
        return ChronoUnit.DAYS.between(day, date);
    }

    /** {@code day} - D in days: positive for a day after D. */
    public long daysUntil(LocalDate day) {
        return ChronoUnit.DAYS.between(date, day);
    }

    /** "more than {@code n} days before D": D - day > n. */
    public boolean moreThanDaysBefore(LocalDate day, long n) {
        return day != null && daysSince(day) > n;
    }

    /** "in the last {@code n} days": 0 <= D - day < n. */
    public boolean inLastDays(LocalDate day, long n) {
        if (day == null) {
            return false;
        }
        long since = daysSince(day);
        return since >= 0 && since < n;
    }
}
