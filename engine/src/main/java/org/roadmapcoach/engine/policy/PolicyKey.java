package org.roadmapcoach.engine.policy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every key of a cohort's policy document (API.md), the one list of them: the thresholds of the rule
 * catalog (the italics of RULES.md), the settings of mentor matching (MATCHING.md, {@code matching.*})
 * and of the weekly digest (REACH.md, {@code digest.*}), each with its type, default, allowed range and
 * meaning. Every value is kept as a number: factors allow two decimals, a boolean is 1 or 0, a weekday 1
 * (monday) to 7 (sunday); everything else is a whole number.
 */
public enum PolicyKey {
    SMART_MIN_TITLE_WORDS("smart.minTitleWords", "4", 1, 50, "SMART-SPECIFIC: fewest words in a specific title"),
    SMART_DAYS_PER_MILESTONE("smart.daysPerMilestone", "14", 1, 365, "SMART-ATTAINABLE: days each open milestone needs"),
    OBJ_MAX_ACTIVE("objectives.maxActive", "5", 1, 100, "OBJ-OVERLOAD: most active objectives per pairing"),
    OBJ_REVISIT_DAYS("objectives.revisitDays", "90", 1, 3650, "OBJ-REVISIT: days before an objective needs revisiting"),
    MS_STALLED_DAYS("milestones.stalledDays", "21", 1, 3650, "MS-STALLED: days without progress"),
    MS_CRITICAL_LATE_DAYS("milestones.criticalLateDays", "30", 1, 3650, "MS-OVERDUE: days late before it is critical"),
    MS_REVIEW_WITHIN_DAYS("milestones.reviewWithinDays", "14", 1, 3650, "MS-NO-REVIEW: days to review a done milestone"),
    CI_KICKOFF_WITHIN_DAYS("checkins.kickoffWithinDays", "14", 1, 3650, "CI-NO-KICKOFF: days to hold the kickoff"),
    CI_OVERDUE_FACTOR("checkins.overdueFactor", "1.5", 1, 100, "CI-OVERDUE: x cadence before a check-in is overdue"),
    CI_CRITICAL_FACTOR("checkins.criticalFactor", "3", 1, 100, "CI-OVERDUE: x cadence before it is critical"),
    CI_MISSED_STREAK("checkins.missedStreak", "2", 1, 100, "CI-MISSED-STREAK: missed or cancelled in a row"),
    CI_FEEDBACK_WINDOW_DAYS("checkins.feedbackWindowDays", "90", 1, 3650, "CI-ONE-WAY-FEEDBACK: window in days"),
    CI_FEEDBACK_MIN_HELD("checkins.feedbackMinHeld", "3", 1, 100, "CI-ONE-WAY-FEEDBACK: fewest held check-ins"),
    RC_PLAN_WITHIN_DAYS("reciprocity.planWithinDays", "30", 1, 3650, "RC-NO-PLAN: days to write a reciprocity plan"),
    RC_WINDOW_DAYS("reciprocity.windowDays", "90", 1, 3650, "RC-UNBALANCED: longest window in days"),
    RC_MIN_WINDOW_DAYS("reciprocity.minWindowDays", "30", 1, 3650, "RC-UNBALANCED: shortest window in days"),
    RC_DAYS_PER_MENTEE_ENTRY("reciprocity.daysPerMenteeEntry", "30", 1, 3650, "RC-UNBALANCED: days per expected mentee entry"),
    RC_MAX_HOURS_RATIO("reciprocity.maxHoursRatio", "4", 1, 100, "RC-UNBALANCED: most mentor hours per mentee hour"),
    AG_WITHIN_DAYS("agreement.withinDays", "14", 1, 3650, "AG-INCOMPLETE: days to complete the agreement"),
    AC_STRETCH_WINDOW_DAYS("activities.stretchWindowDays", "60", 1, 3650, "AC-NO-STRETCH: window in days"),
    AC_MIN_PRACTICE("activities.minPractice", "3", 1, 100, "AC-NO-STRETCH: fewest practice activities"),
    AC_REFLECTION_GRACE_DAYS("activities.reflectionGraceDays", "30", 1, 3650, "AC-NO-REFLECTION: days after start before it applies"),
    AC_REFLECTION_WINDOW_DAYS("activities.reflectionWindowDays", "30", 1, 3650, "AC-NO-REFLECTION: window in days"),
    RES_RECOMMENDATIONS("resources.recommendations", "3", 1, 20, "RES-RECOMMEND: resources per objective"),
    RES_TAKEAWAY_DAYS("resources.takeawayDays", "7", 1, 3650, "RES-SHARE-TAKEAWAY: days to share a takeaway"),
    GR_CELEBRATE_DAYS("growth.celebrateDays", "14", 1, 3650, "GR-CELEBRATE: days a win is celebrated"),
    // MATCHING.md: settings of the matching proposal, not rule thresholds (a change keeps stored runs)
    MATCH_DEFAULT_MAX_MENTEES("matching.defaultMaxMentees", "2", 0, 100,
            "Matching: a mentor's places when max_mentees is empty"),
    MATCH_HOURS_PER_MENTEE("matching.hoursPerMentee", "2", 1, 100,
            "Matching: monthly hours one mentee takes of capacity_hours_per_month", Type.DECIMAL),
    MATCH_ALLOW_REPEAT("matching.allowRepeat", "0", 0, 1,
            "Matching: whether former partners may be proposed again", Type.BOOLEAN),
    MATCH_GAP_POINTS("matching.gapPoints", "10", 0, 1000, "Matching: points per gap the mentor covers"),
    MATCH_AMBITION_POINTS("matching.ambitionPoints", "3", 0, 1000,
            "Matching: points per other mentor strength named in the ambitions"),
    MATCH_CROSS_DEPARTMENT_POINTS("matching.crossDepartmentPoints", "2", 0, 1000,
            "Matching: points when the departments differ"),
    MATCH_MIN_COVERED_GAPS("matching.minCoveredGaps", "1", 0, 50,
            "Matching: covered gaps a pair needs to be eligible"),
    MATCH_ALTERNATIVES("matching.alternatives", "2", 0, 20, "Matching: alternatives shown per proposed pair"),
    // REACH.md: settings of the weekly digest, not rule thresholds (a change keeps stored runs)
    DIGEST_ENABLED("digest.enabled", "1", 0, 1, "Digests: the kill switch, whether digests are sent", Type.BOOLEAN),
    DIGEST_DAILY_CAP("digest.dailyCap", "10000", 0, 1_000_000, "Digests: most digest emails sent a day"),
    DIGEST_RESEND_DAYS("digest.resendDays", "7", 0, 365,
            "Digests: days before an item is sent again (unless its severity rose)"),
    DIGEST_WEEKDAY("digest.weekday", "1", 1, 7, "Digests: the day coach serve --digests sends", Type.WEEKDAY);

    /**
     * What a key's values are: whole numbers, numbers with at most two decimals, true and false (kept as 1
     * and 0), or a day of the week (kept as 1 for monday to 7 for sunday, as ISO-8601 numbers them).
     */
    public enum Type {
        INTEGER, DECIMAL, BOOLEAN, WEEKDAY;

        /** The type as API.md names it: {@code integer}, {@code decimal}, {@code boolean}, {@code weekday}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a key belongs to: a rule threshold of RULES.md, a setting of MATCHING.md or of REACH.md. */
    public enum Group {
        RULES("Rule thresholds"), MATCHING("Mentor matching"), DIGEST("Weekly digests");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        /** The group's heading, as the policy page and {@code coach policy} show it. */
        public String title() {
            return title;
        }
    }

    /** Characters of a value as text at most, its sign, point and exponent included (as of a JSON number). */
    public static final int MAX_CHARS = 30;

    private final String key;
    private final BigDecimal defaultValue;
    private final int min;
    private final int max;
    private final String description;
    private final Type type;

    PolicyKey(String key, String defaultValue, int min, int max, String description) {
        this(key, defaultValue, min, max, description, null);
    }

    PolicyKey(String key, String defaultValue, int min, int max, String description, Type type) {
        this.key = key;
        this.defaultValue = new BigDecimal(defaultValue);
        this.min = min;
        this.max = max;
        this.description = description;
        this.type = type != null ? type : Type.INTEGER;
    }

    /** The public name, e.g. {@code milestones.stalledDays}. */
    public String key() {
        return key;
    }

    public BigDecimal defaultValue() {
        return defaultValue;
    }

    /** The smallest value allowed (0 for false, 1 for monday). */
    public int min() {
        return min;
    }

    /** The largest value allowed (1 for true, 7 for sunday). */
    public int max() {
        return max;
    }

    public String description() {
        return description;
    }

    /** Whether the value may have decimals (two at most); all others are whole numbers. */
    public boolean isFactor() {
        return this == CI_OVERDUE_FACTOR || this == CI_CRITICAL_FACTOR || this == RC_MAX_HOURS_RATIO
                || type == Type.DECIMAL;
    }

    public Type type() {
        return isFactor() ? Type.DECIMAL : type;
    }

    public Group group() {
        return key.startsWith("matching.") ? Group.MATCHING : key.startsWith("digest.") ? Group.DIGEST : Group.RULES;
    }

    /**
     * Whether the key is a threshold of RULES.md, so that changing it changes what a stored run may answer
     * for; the settings of matching and of digests are not (API.md).
     */
    public boolean isRuleThreshold() {
        return group() == Group.RULES;
    }

    /** The value as JSON shows it: {@code true} or {@code false}, a weekday's name, else the number. */
    public Object shown(BigDecimal value) {
        return switch (type) {
            case BOOLEAN -> value.signum() != 0;
            case WEEKDAY -> text(value);
            default -> value;
        };
    }

    /** The value as text: {@code true}, {@code false}, {@code monday}, or the plain number. */
    public String text(BigDecimal value) {
        return switch (type) {
            case BOOLEAN -> String.valueOf(value.signum() != 0);
            case WEEKDAY -> DayOfWeek.of(value.intValueExact()).name().toLowerCase(Locale.ROOT);
            default -> value.toPlainString();
        };
    }

    /** The allowed values in words: {@code 1 to 50}, {@code true or false}, {@code monday to sunday}. */
    public String range() {
        return switch (type) {
            case BOOLEAN -> "true or false";
            case WEEKDAY -> "monday to sunday";
            default -> min + " to " + max;
        };
    }

    /**
     * Parses and range-checks a value for this key: a number, {@code true} or {@code false} for a boolean
     * key, a weekday's name for a weekday key (any case).
     *
     * @throws IllegalArgumentException saying what is allowed
     */
    public BigDecimal parse(String text) {
        if (text.strip().length() > MAX_CHARS) {
            // a number's text is parsed in time that grows with the square of its length: refuse it unread
            throw new IllegalArgumentException(key + " must be " + (type == Type.INTEGER || type == Type.DECIMAL
                    ? "a number of at most " + MAX_CHARS + " characters" : range()) + ", not '" + shown(text) + "'");
        }
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (type == Type.BOOLEAN) {
            return switch (word) {
                case "true", "1" -> BigDecimal.ONE;
                case "false", "0" -> BigDecimal.ZERO;
                default -> throw new IllegalArgumentException(key + " must be true or false, not '" + shown(text) + "'");
            };
        }
        if (type == Type.WEEKDAY) {
            try {
                return BigDecimal.valueOf(DayOfWeek.valueOf(word.toUpperCase(Locale.ROOT)).getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + " must be a weekday (monday to sunday), not '"
                        + shown(text) + "'");
            }
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + shown(text) + "'");
        }
        String allowed = isFactor() ? "a number with at most two decimals" : "a whole number";
        if (value.stripTrailingZeros().scale() > (isFactor() ? 2 : 0)
                || value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException(key + " must be " + allowed + " from " + min + " to " + max
                    + ", not '" + shown(text) + "'");
        }
        value = value.stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** At most the first 100 characters of {@code text}, as an error shows a value. */
    private static String shown(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }

    /**
     * The key named {@code name}.
     *
     * @throws IllegalArgumentException listing the known keys
     */
    public static PolicyKey of(String name) {
        return Arrays.stream(values()).filter(k -> k.key.equals(name.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown policy key '" + name + "'; known keys: "
                        + Arrays.stream(values()).map(PolicyKey::key).collect(Collectors.joining(", "))));
    }
}
