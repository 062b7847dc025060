package org.roadmapcoach.api.http;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.engine.roadmap.Dates;

/** Query parameters shared by several endpoints, checked with the field named on a mistake. */
public final class Requests {

    /** The most suggestions one call returns. */
    public static final int MAX_LIMIT = 100;

    private Requests() {
    }

    /** The most next steps one call across pairings returns. */
    public static final int MAX_LIST_LIMIT = 1_000;

    /**
     * Refuses a request whose path or query parameters (names and values) hold what is not text: a NUL, or
     * half of a surrogate pair (a percent-escape of invalid UTF-8 decodes to one), as bodies and CSV cells
     * refuse it. 400 naming the parameter, before any of them reaches a lookup or an error message.
     */
    static void checkParameters(Context ctx) {
        ctx.pathParamMap().forEach((name, value) -> checkText(name, value));
        ctx.queryParamMap().forEach((name, values) -> {
            // a name that is not text is not shown as given either
            String shown = name.replaceAll("[\\x00\\uD800-\\uDFFF\\uFFFD]", "?");
            checkText(shown, name);
            values.forEach(value -> checkText(shown, value));
        });
    }

    private static void checkText(String name, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw ProblemException.invalid(name, null, "holds a NUL character (%00); it is not text");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || c == '\uFFFD') {
                throw ProblemException.invalid(name, null, "holds a percent-escape that is not UTF-8 text");
            }
        }
    }

    /** {@code ?asOf=yyyy-MM-dd}, the store's today when absent. */
    public static LocalDate asOf(Context ctx, Today today) {
        String text = ctx.queryParam("asOf");
        if (text == null || text.isBlank()) {
            return today.date();
        }
        try {
            return Dates.parse(text.strip());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("asOf", text, "expected a date as yyyy-MM-dd");
        }
    }

    /** {@code ?limit=N}, 1 to {@link #MAX_LIMIT}; {@code fallback} when absent. */
    public static int limit(Context ctx, int fallback) {
        return whole(ctx, "limit", fallback, 1, MAX_LIMIT);
    }

    /** {@code ?limit=N} of a list across pairings, 1 to {@link #MAX_LIST_LIMIT}; {@code fallback} when absent. */
    public static int listLimit(Context ctx, int fallback) {
        return whole(ctx, "limit", fallback, 1, MAX_LIST_LIMIT);
    }

    /** {@code ?offset=N}, 0 or more; 0 when absent. */
    public static int offset(Context ctx) {
        return whole(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    }

    /** {@code ?name=true|false} (any case); false when absent. */
    public static boolean flag(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return false;
        }
        String value = text.strip();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw ProblemException.invalid(name, text, "expected true or false");
    }

    /** {@code ?keep=N} of a prune of stored runs, 1 to {@code max}: required. */
    public static int keep(Context ctx, int max) {
        String text = ctx.queryParam("keep");
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("keep", text, "expected how many of the newest runs to keep, a whole number"
                    + " from 1 to " + max);
        }
        return whole(ctx, "keep", 0, 1, max);
    }

    private static int whole(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String digits = text.strip();
        if (digits.length() <= 10 && digits.chars().allMatch(Character::isDigit)) {
            long value = Long.parseLong(digits);
            if (value >= min && value <= max) {
                return (int) value;
            }
        }
        throw ProblemException.invalid(name, text, max == Integer.MAX_VALUE ? "expected a whole number, " + min
                + " or more" : "expected a whole number from " + min + " to " + max);
    }
}
