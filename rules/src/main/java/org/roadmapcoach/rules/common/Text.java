package org.roadmapcoach.rules.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small text checks shared by the rules; all null-safe, because empty CSV cells arrive as null. */
public final class Text {

    private static final Pattern WHITE_SPACE = Pattern.compile("(?U)\\s+");

    private Text() {
    }

    /** Whether {@code text} has anything but white space. */
    public static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    /** Whether {@code text} is null or only white space. */
    public static boolean isBlank(String text) {
        return !hasText(text);
    }

    /** Trimmed and lower-case (locale-independent), or the empty string for null. */
    public static String normalized(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The words of {@code text} as RULES.md counts them for quantities: maximal runs of the letters
     * a to z (either case), lower-cased. Everything else (digits, accents, hyphens) separates words.
     */
    public static List<String> letterWords(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && isAsciiLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words;
    }

    /**
     * The number of white-space separated words of {@code text}. Any Unicode white space separates,
     * so a non-breaking space pasted from a spreadsheet counts like a plain one.
     */
    public static int whitespaceWordCount(String text) {
        if (text == null) {
            return 0;
        }
        return (int) WHITE_SPACE.splitAsStream(text).filter(word -> !word.isEmpty()).count();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
