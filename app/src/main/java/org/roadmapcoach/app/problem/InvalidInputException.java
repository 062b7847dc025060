package org.roadmapcoach.app.problem;

import java.util.List;

/**
 * Input that breaks a rule: every field error found, each naming its field, the value and what was
 * expected. A sentence alone (a command-line mistake) has no field errors.
 */
public class InvalidInputException extends CoachException {

    private static final long serialVersionUID = 1L;

    /** The field errors one answer lists at most; the rest are counted ({@link #errorCount}). */
    public static final int MAX_ERRORS_KEPT = 1000;

    private final transient List<FieldError> errors;
    private final long errorCount;

    public InvalidInputException(String message) {
        super(message);
        this.errors = List.of();
        this.errorCount = 0;
    }

    /** Some fields broke their rules; the message names the first and counts the rest. */
    public InvalidInputException(List<FieldError> errors) {
        this(errors, errors.size());
    }

    /**
     * Some fields broke their rules, {@code errorCount} in all, of which {@code errors} are the first (at most
     * {@value #MAX_ERRORS_KEPT} are kept).
     */
    public InvalidInputException(List<FieldError> errors, long errorCount) {
        super(errors.get(0) + (errorCount > 1 ? " (and " + (errorCount - 1) + " more, see errors)" : ""));
        this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_ERRORS_KEPT)));
        this.errorCount = Math.max(errorCount, errors.size());
    }

    /** One field broke a rule. */
    public static InvalidInputException of(String field, Object value, String reason) {
        return new InvalidInputException(List.of(new FieldError(field, value == null ? null : String.valueOf(value),
                reason)));
    }

    /** How many field errors there were, those not kept included. */
    public long errorCount() {
        return errorCount;
    }

    /** The field errors; empty for a mistake that is one sentence. */
    public List<FieldError> errors() {
        return errors;
    }
}
