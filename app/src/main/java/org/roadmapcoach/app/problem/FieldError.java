package org.roadmapcoach.app.problem;

/**
 * A field of a request that broke a rule; value is the offending value as given (its first
 * {@value #SHOWN_CHARS} characters, so that an error never repeats a huge input), or null.
 */
public record FieldError(String field, String value, String reason) {

    /** Characters of a field name or value an error shows at most. */
    public static final int SHOWN_CHARS = 100;

    public FieldError {
        field = shown(field);
        value = shown(value);
    }

    /** {@code text} cut to its first {@value #SHOWN_CHARS} characters, for an error that repeats it. */
    public static String shown(String text) {
        return text == null || text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...";
    }

    @Override
    public String toString() {
        return field + ": " + (value == null ? "" : "'" + value + "' ") + reason;
    }
}
