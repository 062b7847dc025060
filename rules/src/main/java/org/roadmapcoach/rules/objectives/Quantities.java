package org.roadmapcoach.rules.objectives;

import java.util.Set;
import org.roadmapcoach.rules.common.Text;

/**
 * SMART-MEASURABLE's test for a stated quantity, exactly as RULES.md defines it: a digit 0 to 9, a
 * {@code %}, or one of a fixed list of number and frequency words, where a word is a maximal run of
 * the letters a to z (case-insensitive). Nothing else counts: "several", "more" or "a few" are not
 * quantities.
 */
public final class Quantities {

    /** The quantity words of RULES.md, and no others. */
    static final Set<String> WORDS = Set.of(
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "dozen", "half",
            "twice", "once", "double", "triple", "daily", "weekly", "fortnightly", "biweekly", "monthly",
            "quarterly", "yearly", "annually", "hourly", "nightly", "every", "per");

    private Quantities() {
    }

    /** Whether {@code text} states a quantity; null states none. */
    public static boolean statesQuantity(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == '%') {
                return true;
            }
        }
        return Text.letterWords(text).stream().anyMatch(WORDS::contains);
    }

    /** Whether either text states a quantity. */
    public static boolean statesQuantity(String title, String description) {
        return statesQuantity(title) || statesQuantity(description);
    }
}
