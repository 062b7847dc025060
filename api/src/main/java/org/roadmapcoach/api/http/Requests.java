package org.roadmapcoach.api.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.roadmapcoach.engine.roadmap.Dates;

/** Query parameters shared by several endpoints, checked with the field named on a mistake. */
public final class Requests {

    /** The most suggestions one call returns. */
    public static final int MAX_LIMIT = 100;

    private Requests() {
    }

    /** {@code ?asOf=yyyy-MM-dd}, today (by {@code clock}) when absent. */
    public static LocalDate asOf(Context ctx, Clock clock) {
        String text = ctx.queryParam("asOf");
        if (text == null || text.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return Dates.parse(text.strip());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("asOf", text, "expected a date as yyyy-MM-dd");
        }
    }

    /** {@code ?limit=N}, 1 to {@link #MAX_LIMIT}; {@code fallback} when absent. */
    public static int limit(Context ctx, int fallback) {
        String text = ctx.queryParam("limit");
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw ProblemException.invalid("limit", text, "expected a whole number from 1 to " + MAX_LIMIT);
    }
}
