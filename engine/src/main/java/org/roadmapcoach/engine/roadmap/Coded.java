package org.roadmapcoach.engine.roadmap;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enumerated value of the CSV format and the API: written lower-case ({@code in_progress}),
 * read case-insensitively.
 */
public interface Coded {

    /** The value as written in CSV and JSON, e.g. {@code in_progress}. */
    default String code() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code text} (trimmed, any case) as a value of {@code type}.
     *
     * @throws IllegalArgumentException naming the allowed values when it is none of them
     */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String text) {
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
