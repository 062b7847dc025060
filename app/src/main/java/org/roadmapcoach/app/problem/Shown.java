package org.roadmapcoach.app.problem;

/**
 * A value as an error shows it: at most {@value #MAX_CHARS} characters, so that no answer repeats a huge
 * input (an id in a path, a cell, an option) however it was given.
 */
public final class Shown {

    /** Characters of a value an error shows at most. */
    public static final int MAX_CHARS = 100;

    private Shown() {
    }

    /** The first {@value #MAX_CHARS} characters of {@code text}, with {@code ...} when cut; null stays null. */
    public static String cut(String text) {
        if (text == null || text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end) + "...";
    }

    /** {@code 'value'}, cut as {@link #cut} does. */
    public static String quoted(Object value) {
        return "'" + cut(String.valueOf(value)) + "'";
    }
}
