package org.roadmapcoach.app.reach;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;

/**
 * A cohort's digest settings as the digest reads them: the {@code digest.*} keys of its policy document
 * (REACH.md), whose names, types, defaults and ranges {@link PolicyKey} holds with every other key.
 */
public record DigestPolicy(boolean enabled, int dailyCap, int resendDays, DayOfWeek weekday) {

    /** The defaults of REACH.md. */
    public static final DigestPolicy DEFAULTS = of(Policy.defaults());

    /** The digest settings of {@code policy}. */
    public static DigestPolicy of(Policy policy) {
        return new DigestPolicy(policy.get(PolicyKey.DIGEST_ENABLED).signum() != 0,
                policy.get(PolicyKey.DIGEST_DAILY_CAP).intValueExact(),
                policy.get(PolicyKey.DIGEST_RESEND_DAYS).intValueExact(),
                DayOfWeek.of(policy.get(PolicyKey.DIGEST_WEEKDAY).intValueExact()));
    }

    /** {@code policy} with these digest settings, its other keys as they are. */
    public Policy into(Policy policy) {
        return policy.with(PolicyKey.DIGEST_ENABLED, enabled ? BigDecimal.ONE : BigDecimal.ZERO)
                .with(PolicyKey.DIGEST_DAILY_CAP, BigDecimal.valueOf(dailyCap))
                .with(PolicyKey.DIGEST_RESEND_DAYS, BigDecimal.valueOf(resendDays))
                .with(PolicyKey.DIGEST_WEEKDAY, BigDecimal.valueOf(weekday.getValue()));
    }

    /**
     * These settings with the digest key {@code key} set to {@code text}.
     *
     * @throws IllegalArgumentException for a bad value, or a key that is not a digest setting
     */
    public DigestPolicy with(PolicyKey key, String text) {
        if (key.group() != PolicyKey.Group.DIGEST) {
            throw new IllegalArgumentException(key.key() + " is not a digest setting");
        }
        return of(into(Policy.defaults()).with(key, key.parse(text)));
    }
}
