package org.roadmapcoach.app.problem;

/** A field of a request that broke a rule; value is the offending value as given, or null. */
public record FieldError(String field, String value, String reason) {
    @Override
    public String toString() {
        return field + ": " + (value == null ? "" : "'" + value + "' ") + reason;
    }
}
