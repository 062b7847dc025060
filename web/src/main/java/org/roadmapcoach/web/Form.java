package org.roadmapcoach.web;

import java.util.List;
import java.util.Map;
import org.roadmapcoach.app.problem.FieldError;

/**
 * One form of a page: blank, or as sent back with its errors, so that a mistake re-shows the form with
 * what was typed and each message beside its field.
 *
 * @param id the form's id on its page (also the prefix of its fields' ids, so that each label is unique)
 * @param values what was sent, by field name; empty for a blank form
 * @param errors each field's message, by field name
 * @param message a message about the whole form (a mistake that names no field), or null
 */
public record Form(String id, Map<String, String> values, Map<String, String> errors, String message) {

    public static Form blank(String id) {
        return new Form(id, Map.of(), Map.of(), null);
    }

    /** A form id made of {@code parts}: letters, digits, - and _ only, so that it is a valid HTML id. */
    public static String idOf(String... parts) {
        StringBuilder id = new StringBuilder();
        for (String part : parts) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            if (!id.isEmpty()) {
                id.append('-');
            }
            part.chars().forEach(c -> id.append(c < 128 && Character.isLetterOrDigit(c) || c == '-' ? (char) c : '_'));
        }
        return id.toString();
    }

    /** The form as sent, with every field error of the write it asked for. */
    public static Form failed(String id, Map<String, String> values, List<FieldError> errors, String message) {
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        for (FieldError e : errors) {
            byField.merge(e.field(), describe(e), (a, b) -> a + "; " + b);
        }
        return new Form(id, Map.copyOf(values), Map.copyOf(byField), message);
    }

    private static String describe(FieldError e) {
        return (e.value() == null ? "" : "'" + e.value() + "': ") + e.reason();
    }

    /** What the field shows: what was sent when the form failed, otherwise {@code fallback}. */
    public String value(String field, Object fallback) {
        if (!values.isEmpty()) {
            return values.getOrDefault(field, "");
        }
        return fallback == null ? "" : fallback.toString();
    }

    /** The message beside {@code field}, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    /** The id of {@code field}'s input, unique on the page. */
    public String fieldId(String field) {
        return id + "-" + field;
    }

    public boolean failed() {
        return !errors.isEmpty() || message != null;
    }

    /** Errors of fields the form does not show (such as an id the server chose), said at the top of the form. */
    public List<String> otherErrors(List<String> shownFields) {
        return errors.entrySet().stream().filter(e -> !shownFields.contains(e.getKey()))
                .map(e -> e.getKey() + ": " + e.getValue()).toList();
    }
}
