package org.roadmapcoach.app.problem;

import java.util.List;

/**
 * Input that breaks a rule: every field error found, each naming its field, the value and what was
 * expected. A sentence alone (a command-line mistake) has no field errors.
 */
public class InvalidInputException extends CoachException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidInputException(String message) {
        super(message);
        this.errors = List.of();
    }

    /** Some fields broke their rules; the message names the first and counts the rest. */
    public InvalidInputException(List<FieldError> errors) {
        super(errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more, see errors)" : ""));
        this.errors = List.copyOf(errors);
    }

    /** One field broke a rule. */
    public static InvalidInputException of(String field, Object value, String reason) {
        return new InvalidInputException(List.of(new FieldError(field, value == null ? null : String.valueOf(value),
                reason)));
    }

    /** The field errors; empty for a mistake that is one sentence. */
    public List<FieldError> errors() {
        return errors;
    }
}
