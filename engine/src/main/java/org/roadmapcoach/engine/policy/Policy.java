package org.roadmapcoach.engine.policy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A cohort's policy document: a value for every {@link PolicyKey} (the rule thresholds, the matching and
 * the digest settings), and a fact of every evaluation. Rules read the thresholds only, as whole numbers;
 * factors are exposed in hundredths ({@code 1.5} as {@code 150}) so that constraints stay in integer
 * arithmetic.
 */
public final class Policy {

    private final Map<PolicyKey, BigDecimal> values;

    private Policy(Map<PolicyKey, BigDecimal> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Every key at its default (RULES.md, MATCHING.md, REACH.md). */
    public static Policy defaults() {
        Map<PolicyKey, BigDecimal> values = new EnumMap<>(PolicyKey.class);
        for (PolicyKey key : PolicyKey.values()) {
            values.put(key, key.defaultValue());
        }
        return new Policy(values);
    }

    /** This policy with one value changed; the value must already be checked by {@link PolicyKey#parse}. */
    public Policy with(PolicyKey key, BigDecimal value) {
        Map<PolicyKey, BigDecimal> changed = new EnumMap<>(values);
        changed.put(key, value);
        return new Policy(changed);
    }

    public BigDecimal get(PolicyKey key) {
        return values.get(key);
    }

    /** Every value, in catalog order. */
    public Map<PolicyKey, BigDecimal> values() {
        return values;
    }

    private int whole(PolicyKey key) {
        return values.get(key).intValueExact();
    }

    private int hundredths(PolicyKey key) {
        return values.get(key).movePointRight(2).intValueExact();
    }

    public int minTitleWords() { return whole(PolicyKey.SMART_MIN_TITLE_WORDS); }
    public int daysPerMilestone() { return whole(PolicyKey.SMART_DAYS_PER_MILESTONE); }
    public int maxActiveObjectives() { return whole(PolicyKey.OBJ_MAX_ACTIVE); }
    public int revisitDays() { return whole(PolicyKey.OBJ_REVISIT_DAYS); }
    public int stalledDays() { return whole(PolicyKey.MS_STALLED_DAYS); }
    public int criticalLateDays() { return whole(PolicyKey.MS_CRITICAL_LATE_DAYS); }
    public int reviewWithinDays() { return whole(PolicyKey.MS_REVIEW_WITHIN_DAYS); }
    public int kickoffWithinDays() { return whole(PolicyKey.CI_KICKOFF_WITHIN_DAYS); }
    /** CI-OVERDUE factor in hundredths of the cadence (default 150). */
    public int overdueFactorPct() { return hundredths(PolicyKey.CI_OVERDUE_FACTOR); }
    /** CI-OVERDUE critical factor in hundredths of the cadence (default 300). */
    public int criticalFactorPct() { return hundredths(PolicyKey.CI_CRITICAL_FACTOR); }
    public int missedStreak() { return whole(PolicyKey.CI_MISSED_STREAK); }
    public int feedbackWindowDays() { return whole(PolicyKey.CI_FEEDBACK_WINDOW_DAYS); }
    public int feedbackMinHeld() { return whole(PolicyKey.CI_FEEDBACK_MIN_HELD); }
    public int planWithinDays() { return whole(PolicyKey.RC_PLAN_WITHIN_DAYS); }
    public int reciprocityWindowDays() { return whole(PolicyKey.RC_WINDOW_DAYS); }
    public int reciprocityMinWindowDays() { return whole(PolicyKey.RC_MIN_WINDOW_DAYS); }
    public int daysPerMenteeEntry() { return whole(PolicyKey.RC_DAYS_PER_MENTEE_ENTRY); }
    /** RC-UNBALANCED hours ratio in hundredths (default 400). */
    public int maxHoursRatioPct() { return hundredths(PolicyKey.RC_MAX_HOURS_RATIO); }
    public int agreementWithinDays() { return whole(PolicyKey.AG_WITHIN_DAYS); }
    public int stretchWindowDays() { return whole(PolicyKey.AC_STRETCH_WINDOW_DAYS); }
    public int minPractice() { return whole(PolicyKey.AC_MIN_PRACTICE); }
    public int reflectionGraceDays() { return whole(PolicyKey.AC_REFLECTION_GRACE_DAYS); }
    public int reflectionWindowDays() { return whole(PolicyKey.AC_REFLECTION_WINDOW_DAYS); }
    public int recommendations() { return whole(PolicyKey.RES_RECOMMENDATIONS); }
    public int takeawayDays() { return whole(PolicyKey.RES_TAKEAWAY_DAYS); }
    public int celebrateDays() { return whole(PolicyKey.GR_CELEBRATE_DAYS); }

    @Override
    public boolean equals(Object other) {
        return other instanceof Policy policy && values.equals(policy.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Policy" + values;
    }
}
