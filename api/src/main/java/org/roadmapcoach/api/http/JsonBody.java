package org.roadmapcoach.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.roadmapcoach.app.problem.FieldError;
import org.roadmapcoach.data.importer.ImportLimits;
import org.roadmapcoach.data.record.RecordFields;
import org.roadmapcoach.data.store.Table;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.engine.roadmap.Dates;

/**
 * A JSON request body read field by field with the rules of CSV.md: a blank text or null is no
 * value, strict ISO dates, case-insensitive enumerated values, numbers 0 or more, and the text
 * lengths of an import ({@link ImportLimits}: {@code id} and {@code *Id} fields as ids). Every broken rule
 * is collected; {@link #validate()} then fails with all of them, each naming its field. Unknown
 * fields are errors too, so a misspelt optional field is not silently dropped. As {@link RecordFields}
 * it reads a record kind's CSV columns from their camelCase fields ({@code feedback_to_mentee} from
 * {@code feedbackToMentee}), so that CSV rows and JSON bodies are read by one description.
 */
public final class JsonBody implements RecordFields {

    /**
     * Digits a number may have before or after its point: far more than any hours or cost need, and
     * a bound on exponents, since 1e999999999 is stored as plain text of a billion digits.
     */
    static final int MAX_DIGITS = RecordFields.MAX_DIGITS;

    /** The characters of an offending text shown back in an error. */
    private static final int MAX_VALUE_SHOWN = 100;

    private final ObjectNode body;
    private final List<FieldError> errors;
    /** What each field's name in an error starts with: "" for a body, {@code pairings[2].} for one of a list. */
    private final String prefix;

    private JsonBody(ObjectNode body) {
        this(body, new ArrayList<>(), "");
    }

    private JsonBody(ObjectNode body, List<FieldError> errors, String prefix) {
        this.body = body;
        this.errors = errors;
        this.prefix = prefix;
    }

    /**
     * Parses {@code bytes} strictly ({@link StrictJson}) as a JSON object with only the {@code allowed}
     * fields: an unknown field is an error naming at most the first twenty of them.
     */
    public static JsonBody parse(byte[] bytes, ObjectMapper mapper, Set<String> allowed) {
        StrictJson.Read read = StrictJson.object(bytes, allowed::contains);
        JsonBody json = new JsonBody(read.known());
        if (read.unknownCount() > 0) {
            json.error(String.join(", ", read.unknown()), null, (read.unknownCount() == 1 ? "is not a field"
                    : read.unknownCount() + " fields are not fields") + " of this request"
                    + (read.unknownCount() > read.unknown().size() ? " (the first " + read.unknown().size()
                    + " are named)" : "") + "; expected " + allowedNames(allowed));
        }
        read.notPlain().forEach(name -> json.error(name, null, "expected text, a number or null, not a list or"
                + " an object"));
        return json;
    }

    /**
     * Parses {@code bytes} strictly as {@code {"<list>": [object, ...]}} of 1 to {@code max} objects with only the
     * {@code allowed} fields. The bodies share their errors, each named as {@code <list>[i].<field>}, so that
     * {@link #validate()} on any of them fails with every error of the list.
     */
    public static List<JsonBody> parseList(byte[] bytes, String list, int max, Set<String> allowed) {
        List<StrictJson.Read> reads = StrictJson.objects(bytes, list, max, allowed::contains);
        List<FieldError> errors = new ArrayList<>();
        List<JsonBody> bodies = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            StrictJson.Read read = reads.get(i);
            JsonBody json = new JsonBody(read.known(), errors, list + "[" + i + "].");
            if (read.unknownCount() > 0) {
                json.error(String.join(", ", read.unknown()), null, "is not a field of this request; expected "
                        + allowedNames(allowed));
            }
            read.notPlain().forEach(name -> json.error(name, null, "expected text, a number or null, not a list or"
                    + " an object"));
            bodies.add(json);
        }
        return bodies;
    }

    /** Parses {@code bytes} strictly as a JSON object of any fields ({@link StrictJson}). */
    public static ObjectNode object(byte[] bytes) {
        StrictJson.Read read = StrictJson.object(bytes, name -> true);
        if (!read.notPlain().isEmpty()) {
            throw ProblemException.invalid(StrictJson.shown(read.notPlain().get(0)), null,
                    "expected text, a number or null, not a list or an object");
        }
        return read.known();
    }

    private static String allowedNames(Set<String> allowed) {
        return allowed.isEmpty() ? "no body fields" : "one of " + new TreeSet<>(allowed);
    }

    /** Whether the body names {@code column} (as its camelCase field), even as null: a change names what it sets. */
    public boolean names(String column) {
        return body.has(camel(column));
    }

    private void error(String field, String value, String reason) {
        errors.add(new FieldError(prefix + field, StrictJson.shown(value), reason));
    }

    /** Fails with every broken rule, when there is one. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** The fields of a body that writes one record of {@code table}: its columns but {@code omitted}, in camelCase. */
    public static Set<String> fieldsOf(Table<?> table, String... omitted) {
        Set<String> fields = new TreeSet<>();
        table.columns().stream().filter(c -> !Set.of(omitted).contains(c)).forEach(c -> fields.add(camel(c)));
        return fields;
    }

    /** A CSV column's JSON field: {@code feedback_to_mentee} is {@code feedbackToMentee}; camelCase stays. */
    static String camel(String column) {
        return RecordFields.fieldName(column);
    }

    /** The trimmed text, or null when absent, null or blank; a non-text value is an error. */
    @Override
    public String text(String column) {
        String field = camel(column);
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            error(field, node.toString(), "expected text");
            return null;
        }
        String text = node.asText().strip();
        boolean id = field.equals("id") || field.endsWith("Id");
        int max = id ? ImportLimits.DEFAULTS.maxIdChars() : ImportLimits.DEFAULTS.maxTextChars();
        int length = text.length() > max ? text.codePointCount(0, text.length()) : 0;
        if (length > max) {
            error(field, text.substring(0, MAX_VALUE_SHOWN) + "...", (id ? "an id" : "a text") + " of " + length
                    + " characters; at most " + max + " are allowed");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    /** The text of a required field: an error when missing or blank. */
    @Override
    public String required(String column) {
        String field = camel(column);
        String text = text(field);
        if (text == null && !hasError(field)) {
            error(field, null, "is required");
        }
        return text;
    }

    @Override
    public LocalDate date(String column, boolean required) {
        String field = camel(column);
        String text = required ? required(field) : text(field);
        if (text == null) {
            return null;
        }
        try {
            return Dates.parse(text);
        } catch (DateTimeException e) {
            error(field, text, "expected a date as yyyy-MM-dd");
            return null;
        }
    }

    /** An enumerated value in any case; {@code fallback} when absent and not required. */
    @Override
    public <E extends Enum<E> & Coded> E code(String column, Class<E> type, E fallback, boolean required) {
        String field = camel(column);
        String text = required ? required(field) : text(field);
        if (text == null) {
            return required ? null : fallback;
        }
        try {
            return Coded.parse(type, text);
        } catch (IllegalArgumentException e) {
            error(field, text, "expected one of: " + Coded.allowed(type));
            return null;
        }
    }

    /** A JSON number, 0 or more, with at most {@link #MAX_DIGITS} digits before and after the point; null when absent. */
    @Override
    public BigDecimal decimal(String column) {
        String field = camel(column);
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || node.decimalValue().signum() < 0) {
            error(field, node.toString(), "expected a number, 0 or more, such as 2 or 1.5");
            return null;
        }
        return digits(field, node);
    }

    @Override
    public BigDecimal signedDecimal(String column) {
        String field = camel(column);
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            error(field, node.toString(), "expected a number such as 2 or -1.5");
            return null;
        }
        return digits(field, node);
    }

    private BigDecimal digits(String field, JsonNode node) {
        BigDecimal value = node.decimalValue();
        if (value.scale() > MAX_DIGITS || value.precision() - value.scale() > MAX_DIGITS) {
            error(field, node.toString(), "expected a number with at most " + MAX_DIGITS
                    + " digits before and after the point");
            return null;
        }
        return value;
    }

    /** A whole JSON number from {@code min} to {@code max}; {@code fallback} when absent. */
    @Override
    public Integer whole(String column, int min, int max, Integer fallback) {
        String field = camel(column);
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || node.decimalValue().stripTrailingZeros().scale() > 0 || !node.canConvertToInt()
                || node.intValue() < min || node.intValue() > max) {
            error(field, node.toString(), max == Integer.MAX_VALUE ? "expected a whole number, " + min + " or more"
                    : "expected a whole number from " + min + " to " + max);
            return null;
        }
        return node.intValue();
    }

    private boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(prefix + field));
    }
}
