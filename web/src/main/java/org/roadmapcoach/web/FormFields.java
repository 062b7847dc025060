package org.roadmapcoach.web;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.roadmapcoach.app.problem.FieldError;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.data.importer.ImportLimits;
import org.roadmapcoach.data.record.RecordFields;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.engine.roadmap.Dates;

/**
 * A form as sent by a browser, read field by field with the rules of CSV.md, as a CSV row and a JSON body
 * are ({@link RecordFields}): a blank field is no value, strict ISO dates, enumerated values in any case,
 * the text lengths of an import. A record kind's CSV column is read from its camelCase field
 * ({@code feedback_to_mentee} from {@code feedbackToMentee}), as in the API. Every broken rule is
 * collected; {@link #validate()} fails with all of them.
 */
public final class FormFields implements RecordFields {

    /** No exponents or thousands separators: {@code 2}, {@code 1.5}, {@code -3}, {@code .25}. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,15}(\\.\\d{0,15})?|\\.\\d{1,15})");

    private final Map<String, String> values;
    private final List<FieldError> errors = new ArrayList<>();

    /** @param values each field's first value */
    public FormFields(Map<String, String> values) {
        this.values = values;
    }

    /** The first value of each field of a form. */
    public static FormFields of(Map<String, List<String>> form) {
        Map<String, String> first = new LinkedHashMap<>();
        form.forEach((name, list) -> first.put(name, list.isEmpty() ? "" : list.get(0)));
        return new FormFields(first);
    }

    /** What was sent, for re-showing the form. */
    public Map<String, String> values() {
        return values;
    }

    /** Whether the form has the field at all (a change form sends only the fields it shows). */
    public boolean has(String field) {
        return values.containsKey(camel(field));
    }

    /** Fails with every broken rule, when there is one. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void error(String field, String value, String reason) {
        errors.add(new FieldError(field, value, reason));
    }

    @Override
    public String text(String column) {
        String field = camel(column);
        String raw = values.get(field);
        if (raw == null) {
            return null;
        }
        String text = raw.strip().replace("\r\n", "\n");
        boolean id = field.equals("id") || field.endsWith("Id");
        int max = id ? ImportLimits.DEFAULTS.maxIdChars() : ImportLimits.DEFAULTS.maxTextChars();
        if (text.codePointCount(0, text.length()) > max) {
            error(field, null, (id ? "an id" : "a text") + " of at most " + max + " characters is allowed");
            return null;
        }
        if (text.indexOf('\0') >= 0) {
            error(field, null, "may not hold a NUL character");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    @Override
    public String required(String column) {
        String text = text(column);
        if (text == null && errors.stream().noneMatch(e -> e.field().equals(camel(column)))) {
            error(camel(column), null, "is required");
        }
        return text;
    }

    @Override
    public LocalDate date(String column, boolean required) {
        String text = required ? required(column) : text(column);
        if (text == null) {
            return null;
        }
        try {
            return Dates.parse(text);
        } catch (DateTimeException e) {
            error(camel(column), text, "expected a date as yyyy-MM-dd");
            return null;
        }
    }

    @Override
    public <E extends Enum<E> & Coded> E code(String column, Class<E> type, E fallback, boolean required) {
        String text = required ? required(column) : text(column);
        if (text == null) {
            return required ? null : fallback;
        }
        try {
            return Coded.parse(type, text);
        } catch (IllegalArgumentException e) {
            error(camel(column), text, "expected one of: " + Coded.allowed(type));
            return null;
        }
    }

    @Override
    public BigDecimal decimal(String column) {
        BigDecimal value = signedDecimal(column);
        if (value != null && value.signum() < 0) {
            error(camel(column), value.toPlainString(), "expected a number, 0 or more, such as 2 or 1.5");
            return null;
        }
        return value;
    }

    @Override
    public BigDecimal signedDecimal(String column) {
        String text = text(column);
        if (text == null) {
            return null;
        }
        if (!NUMBER.matcher(text).matches()) {
            error(camel(column), text, "expected a number such as 2 or 1.5");
            return null;
        }
        return new BigDecimal(text);
    }

    @Override
    public Integer whole(String column, int min, int max, Integer fallback) {
        String text = text(column);
        if (text == null) {
            return fallback;
        }
        if (text.length() <= 10 && text.chars().allMatch(Character::isDigit)) {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return (int) value;
            }
        }
        error(camel(column), text, max == Integer.MAX_VALUE ? "expected a whole number, " + min + " or more"
                : "expected a whole number from " + min + " to " + max);
        return null;
    }

    /** A CSV column's form field: {@code feedback_to_mentee} is {@code feedbackToMentee}; camelCase stays. */
    static String camel(String column) {
        return RecordFields.fieldName(column);
    }
}
