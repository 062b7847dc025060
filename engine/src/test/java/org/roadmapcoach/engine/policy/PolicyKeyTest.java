package org.roadmapcoach.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one list of the policy document's keys (API.md): thresholds, matching.* and digest.*, each typed. */
class PolicyKeyTest {

    @Test
    void theDocumentHoldsTheThresholdsThenTheMatchingThenTheDigestSettingsEachWithItsType() {
        assertThat(Arrays.stream(PolicyKey.values()).map(PolicyKey::group).distinct())
                .containsExactly(PolicyKey.Group.RULES, PolicyKey.Group.MATCHING, PolicyKey.Group.DIGEST);
        assertThat(Arrays.stream(PolicyKey.values()).filter(k -> k.group() == PolicyKey.Group.DIGEST)
                .map(k -> k.key() + ":" + k.type().code() + ":" + k.text(k.defaultValue()) + ":" + k.range()))
                .containsExactly("digest.enabled:boolean:true:true or false",
                        "digest.dailyCap:integer:10000:0 to 1000000", "digest.resendDays:integer:7:0 to 365",
                        "digest.weekday:weekday:monday:monday to sunday");
        assertThat(PolicyKey.of("matching.allowRepeat").type()).isEqualTo(PolicyKey.Type.BOOLEAN);
        assertThat(PolicyKey.of("matching.hoursPerMentee").type()).isEqualTo(PolicyKey.Type.DECIMAL);
        assertThat(PolicyKey.CI_OVERDUE_FACTOR.type()).isEqualTo(PolicyKey.Type.DECIMAL);
        assertThat(Arrays.stream(PolicyKey.values()).filter(PolicyKey::isRuleThreshold))
                .allMatch(k -> k.group() == PolicyKey.Group.RULES).contains(PolicyKey.MS_STALLED_DAYS)
                .doesNotContain(PolicyKey.MATCH_GAP_POINTS, PolicyKey.DIGEST_WEEKDAY);
    }

    @Test
    void aWeekdayIsReadByNameInAnyCaseKeptAsItsIsoNumberAndShownByName() {
        BigDecimal tuesday = PolicyKey.DIGEST_WEEKDAY.parse(" Tuesday ");

        assertThat(tuesday).isEqualByComparingTo("2");
        assertThat(PolicyKey.DIGEST_WEEKDAY.text(tuesday)).isEqualTo("tuesday");
        assertThat(PolicyKey.DIGEST_WEEKDAY.shown(PolicyKey.DIGEST_WEEKDAY.parse("sunday"))).isEqualTo("sunday");
        assertThatThrownBy(() -> PolicyKey.DIGEST_WEEKDAY.parse("someday"))
                .hasMessage("digest.weekday must be a weekday (monday to sunday), not 'someday'");
        assertThatThrownBy(() -> PolicyKey.DIGEST_WEEKDAY.parse("3"))
                .hasMessageContaining("must be a weekday");
    }

    @Test
    void aBooleanIsTrueOrFalseAndShownAsOne() {
        assertThat(PolicyKey.DIGEST_ENABLED.parse("FALSE")).isEqualByComparingTo("0");
        assertThat(PolicyKey.DIGEST_ENABLED.shown(BigDecimal.ONE)).isEqualTo(true);
        assertThat(PolicyKey.MATCH_ALLOW_REPEAT.text(BigDecimal.ZERO)).isEqualTo("false");
        assertThatThrownBy(() -> PolicyKey.DIGEST_ENABLED.parse("yes"))
                .hasMessage("digest.enabled must be true or false, not 'yes'");
        assertThatThrownBy(() -> PolicyKey.DIGEST_ENABLED.parse("x".repeat(40)))
                .hasMessageStartingWith("digest.enabled must be true or false, not 'xxx");
    }

    @Test
    void aNumberOutsideItsRangeNamesTheRange() {
        assertThatThrownBy(() -> PolicyKey.DIGEST_DAILY_CAP.parse("-1"))
                .hasMessage("digest.dailyCap must be a whole number from 0 to 1000000, not '-1'");
        assertThat(PolicyKey.DIGEST_RESEND_DAYS.parse("14")).isEqualByComparingTo("14");
    }
}
