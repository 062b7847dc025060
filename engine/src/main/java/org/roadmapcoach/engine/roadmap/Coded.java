package org.roadmapcoach.engine.roadmap;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enumerated value of the CSV format and the API: written lower-case ({@code in_progress}),
 * read case-insensitively.
 */
public interface Coded {

    /** The value as written in CSV and JSON, e.g. {@code in_progress}. */
    default String code() {
        // Cached per enum: every stored and printed value asks for its code, millions of times in a large check.
        return CodeTable.OF.get(((Enum<?>) this).getDeclaringClass()).codes[((Enum<?>) this).ordinal()];
    }

    /**
     * Parses {@code text} (trimmed, any case) as a value of {@code type}.
     *
     * @throws IllegalArgumentException naming the allowed values when it is none of them
     */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String text) {
        // Stored values are exact codes: found at once; anything else goes the case-insensitive way.
        Object exact = text == null ? null : CodeTable.OF.get(type).byCode.get(text);
        if (exact != null) {
            return type.cast(exact);
        }
        String wanted = text == null ? "" : text.trim();
        for (E value : type.getEnumConstants()) {
            if (value.code().equalsIgnoreCase(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("expected one of " + allowed(type));
    }

    /** The allowed values of {@code type}, comma-separated, for error messages. */
    static <E extends Enum<E> & Coded> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
