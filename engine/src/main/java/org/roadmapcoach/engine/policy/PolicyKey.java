package org.roadmapcoach.engine.policy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every threshold of the rule catalog that a coordinator can change per cohort (the italics of
 * RULES.md), with its default and allowed range. Factors allow two decimals; everything else is a
 * whole number.
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
    MATCH_ALTERNATIVES("matching.alternatives", "2", 0, 20, "Matching: alternatives shown per proposed pair");

    /** What a key's values are: whole numbers, numbers with at most two decimals, or true and false. */
    public enum Type {
        INTEGER, DECIMAL, BOOLEAN;

        /** The type as API.md names it: {@code integer}, {@code decimal}, {@code boolean}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

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

    /** The smallest value allowed (0 for false). */
    public int min() {
        return min;
    }

    /** The largest value allowed (1 for true). */
    public int max() {
        return max;
    }

    /**
     * Whether the key is a threshold of RULES.md, so that changing it changes what a stored run may answer
     * for; the settings of matching are not.
     */
    public boolean isRuleThreshold() {
        return !key.startsWith("matching.");
    }

    /** The value as JSON shows it: {@code true} or {@code false} for a boolean key, else the number. */
    public Object shown(BigDecimal value) {
        return type == Type.BOOLEAN ? (Object) (value.signum() != 0) : value;
    }

    /** The value as text: {@code true}, {@code false} or the plain number. */
    public String text(BigDecimal value) {
        return type == Type.BOOLEAN ? String.valueOf(value.signum() != 0) : value.toPlainString();
    }

    /** The allowed values in words: {@code 1 to 50}, {@code true or false}. */
    public String range() {
        return type == Type.BOOLEAN ? "true or false" : min + " to " + max;
    }

    /**
     * Parses and range-checks a value for this key.
     *
     * @throws IllegalArgumentException saying what is allowed
     */
    public BigDecimal parse(String text) {
        if (type == Type.BOOLEAN) {
            return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1" -> BigDecimal.ONE;
                case "false", "0" -> BigDecimal.ZERO;
                default -> throw new IllegalArgumentException(key + " must be true or false, not '" + text + "'");
            };
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + text + "'");
        }
        String allowed = isFactor() ? "a number with at most two decimals" : "a whole number";
        if (value.stripTrailingZeros().scale() > (isFactor() ? 2 : 0)
                || value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException(key + " must be " + allowed + " from " + min + " to " + max
                    + ", not '" + text + "'");
        }
        value = value.stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
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
