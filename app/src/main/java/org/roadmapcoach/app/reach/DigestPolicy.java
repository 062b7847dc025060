package org.roadmapcoach.app.reach;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cohort's digest settings, the {@code digest.*} keys of its policy document (REACH.md). They are
 * saved beside the rule thresholds but change nothing a stored run answers for.
 */
public record DigestPolicy(boolean enabled, int dailyCap, int resendDays, DayOfWeek weekday) {

    /** The defaults of REACH.md. */
    public static final DigestPolicy DEFAULTS = new DigestPolicy(true, 10_000, 7, DayOfWeek.MONDAY);

    /** Every key: its name, type, default, range and meaning, as {@code coach policy} shows them. */
    public enum Key {
        ENABLED("digest.enabled", "boolean", "true", "true or false", "the kill switch: whether digests are sent"),
        DAILY_CAP("digest.dailyCap", "integer", "10000", "0 to 1000000", "most digest emails sent a day"),
        RESEND_DAYS("digest.resendDays", "integer", "7", "0 to 365",
                "days before an item is sent again (unless its severity rose)"),
        WEEKDAY("digest.weekday", "weekday", "monday", "monday to sunday", "the day coach serve --digests sends");

        private final String key;
        private final String type;
        private final String defaultValue;
        private final String range;
        private final String description;

        Key(String key, String type, String defaultValue, String range, String description) {
            this.key = key;
            this.type = type;
            this.defaultValue = defaultValue;
            this.range = range;
            this.description = description;
        }

        public String key() {
            return key;
        }

        public String type() {
            return type;
        }

        public String defaultValue() {
            return defaultValue;
        }

        public String range() {
            return range;
        }

        public String description() {
            return description;
        }

        /** The key named {@code name}, if it is a digest key. */
        public static java.util.Optional<Key> of(String name) {
            return Arrays.stream(values()).filter(k -> k.key.equals(name.strip())).findFirst();
        }

        /**
         * {@code text} checked and written as stored ({@code true}, {@code 7}, {@code monday}).
         *
         * @throws IllegalArgumentException saying what is allowed
         */
        public String normalise(String text) {
            String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            switch (this) {
                case ENABLED -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new IllegalArgumentException(key + " must be true or false, not '" + shown(text) + "'");
                    }
                    return value;
                }
                case WEEKDAY -> {
                    try {
                        return DayOfWeek.valueOf(value.toUpperCase(Locale.ROOT)).name().toLowerCase(Locale.ROOT);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(key + " must be a weekday (monday to sunday), not '"
                                + shown(text) + "'");
                    }
                }
                default -> {
                    int max = this == DAILY_CAP ? 1_000_000 : 365;
                    try {
                        int number = Integer.parseInt(value);
                        if (number >= 0 && number <= max) {
                            return Integer.toString(number);
                        }
                    } catch (NumberFormatException e) {
                        // said below
                    }
                    throw new IllegalArgumentException(key + " must be a whole number from 0 to " + max + ", not '"
                            + shown(text) + "'");
                }
            }
        }

        private static String shown(String text) {
            return text == null ? "" : text.length() > 30 ? text.substring(0, 30) + "..." : text;
        }
    }

    /** The settings of the saved values (keys to text as stored); unknown or unreadable ones count as defaults. */
    public static DigestPolicy of(Map<String, String> saved) {
        Map<Key, String> values = new LinkedHashMap<>();
        for (Key key : Key.values()) {
            String text = saved.get(key.key());
            String value = key.defaultValue();
            if (text != null) {
                try {
                    value = key.normalise(text);
                } catch (IllegalArgumentException e) {
                    // a value another version wrote: the default holds
                }
            }
            values.put(key, value);
        }
        return new DigestPolicy(Boolean.parseBoolean(values.get(Key.ENABLED)),
                Integer.parseInt(values.get(Key.DAILY_CAP)), Integer.parseInt(values.get(Key.RESEND_DAYS)),
                DayOfWeek.valueOf(values.get(Key.WEEKDAY).toUpperCase(Locale.ROOT)));
    }

    /** Every key to its value as text, in key order. */
    public Map<Key, String> values() {
        Map<Key, String> values = new LinkedHashMap<>();
        values.put(Key.ENABLED, Boolean.toString(enabled));
        values.put(Key.DAILY_CAP, Integer.toString(dailyCap));
        values.put(Key.RESEND_DAYS, Integer.toString(resendDays));
        values.put(Key.WEEKDAY, weekday.name().toLowerCase(Locale.ROOT));
        return values;
    }

    /** The values that differ from their defaults, as saved. */
    public Map<String, String> changed() {
        return values().entrySet().stream().filter(e -> !e.getValue().equals(e.getKey().defaultValue()))
                .collect(Collectors.toMap(e -> e.getKey().key(), Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** This policy with {@code key} set to {@code text}. @throws IllegalArgumentException for a bad value */
    public DigestPolicy with(Key key, String text) {
        Map<String, String> saved = new LinkedHashMap<>();
        values().forEach((k, v) -> saved.put(k.key(), v));
        saved.put(key.key(), key.normalise(text));
        return of(saved);
    }
}
