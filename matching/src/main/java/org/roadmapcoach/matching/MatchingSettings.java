package org.roadmapcoach.matching;

import java.math.BigDecimal;
import java.util.Objects;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;

/**
 * The cohort's matching policy (docs/MATCHING.md): each value is the policy key named on it.
 *
 * @param defaultMaxMentees {@code matching.defaultMaxMentees}: a mentor's places when {@code max_mentees} is
 *                          empty (default 2)
 * @param hoursPerMentee    {@code matching.hoursPerMentee}: monthly hours one mentee takes; a mentor with
 *                          {@code capacity_hours_per_month} set has at most floor(capacity / this) places
 *                          (default 2; any positive number)
 * @param allowRepeat       {@code matching.allowRepeat}: whether a mentee and a mentor who had a pairing
 *                          together before (any status) may be proposed again (default false)
 * @param gapPoints         {@code matching.gapPoints}: points per gap of the mentee the mentor covers
 *                          (default 10)
 * @param ambitionPoints    {@code matching.ambitionPoints}: points per other strength of the mentor named in
 *                          the mentee's ambitions (default 3)
 * @param crossDepartmentPoints {@code matching.crossDepartmentPoints}: points when both departments are
 *                          given and differ (default 2)
 * @param minCoveredGaps    {@code matching.minCoveredGaps}: covered gaps a pair needs to be eligible
 *                          (default 1; 0 or less makes every pair that is not a repeat eligible)
 * @param alternatives      {@code matching.alternatives}: alternatives shown per proposed pair (default 2)
 */
public record MatchingSettings(int defaultMaxMentees, BigDecimal hoursPerMentee, boolean allowRepeat,
                               int gapPoints, int ambitionPoints, int crossDepartmentPoints,
                               int minCoveredGaps, int alternatives) {

    public MatchingSettings {
        Objects.requireNonNull(hoursPerMentee, "hoursPerMentee");
        if (defaultMaxMentees < 0) {
            throw new IllegalArgumentException("matching.defaultMaxMentees must be 0 or more, was "
                    + defaultMaxMentees);
        }
        if (hoursPerMentee.signum() <= 0) {
            throw new IllegalArgumentException("matching.hoursPerMentee must be more than 0, was "
                    + hoursPerMentee.toPlainString());
        }
        if (gapPoints < 0 || ambitionPoints < 0 || crossDepartmentPoints < 0) {
            // the flow ranks sets by count through a bonus per pair that a negative score could undercut
            throw new IllegalArgumentException("matching points must be 0 or more, were " + gapPoints + ", "
                    + ambitionPoints + " and " + crossDepartmentPoints);
        }
        if (alternatives < 0) {
            throw new IllegalArgumentException("matching.alternatives must be 0 or more, was " + alternatives);
        }
    }

    /** The {@code matching.*} values of a cohort's policy. */
    public static MatchingSettings of(Policy policy) {
        return new MatchingSettings(whole(policy, PolicyKey.MATCH_DEFAULT_MAX_MENTEES),
                policy.get(PolicyKey.MATCH_HOURS_PER_MENTEE), policy.get(PolicyKey.MATCH_ALLOW_REPEAT).signum() != 0,
                whole(policy, PolicyKey.MATCH_GAP_POINTS), whole(policy, PolicyKey.MATCH_AMBITION_POINTS),
                whole(policy, PolicyKey.MATCH_CROSS_DEPARTMENT_POINTS), whole(policy, PolicyKey.MATCH_MIN_COVERED_GAPS),
                whole(policy, PolicyKey.MATCH_ALTERNATIVES));
    }

    private static int whole(Policy policy, PolicyKey key) {
        return policy.get(key).intValueExact();
    }

    /** The defaults of MATCHING.md. */
    public static MatchingSettings defaults() {
        return new MatchingSettings(2, BigDecimal.valueOf(2), false, 10, 3, 2, 1, 2);
    }
}
