package org.roadmapcoach.app.problem;

/**
 * A field of a request that broke a rule; value is the offending value as given (its first
 * {@value #SHOWN_CHARS} characters, so that an error never repeats a huge input), or null.
 */
public record FieldError(String field, String value, String reason) {

    /** Characters of a field name or value an error shows at most. */
    public static final int SHOWN_CHARS = Shown.MAX_CHARS;

    public FieldError {
        field = shown(field);
        value = shown(value);
    }

    private static String shown(String text) {
        return Shown.cut(text);
    }

    @Override
    public String toString() {
        return field + ": " + (value == null ? "" : "'" + value + "' ") + reason;
    }
}
