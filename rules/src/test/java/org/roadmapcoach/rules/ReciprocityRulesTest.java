package org.roadmapcoach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.rules.fixtures.Given.daysAgo;
import static org.roadmapcoach.rules.fixtures.Given.inDays;
import static org.roadmapcoach.rules.fixtures.Given.reciprocity;
import static org.roadmapcoach.rules.fixtures.Given.roadmap;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.finding.SubjectType;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.rules.fixtures.Expect;
import org.roadmapcoach.rules.fixtures.Given.ReciprocityBuilder;
import org.roadmapcoach.rules.fixtures.RuleRun;

/** reciprocity.drl: the reciprocity plan and balance (RC-), and the written agreement (AG-). */
class ReciprocityRulesTest {

    @Nested
    class RcNoPlan {
        static final String RULE = "RC-NO-PLAN";

        @Test
        void firesThirtyOneDaysAfterTheStartWithoutAPlan() {
            Finding f = RuleRun.only(RULE).single(roadmap().startedDaysAgo(31).reciprocityPlan(null));

            Expect.finding(f, RULE, Severity.INFO, SubjectType.PAIRING, "P1");
            assertThat(f.audience()).isEqualTo(Audience.MENTEE);
            assertThat(f.evidence()).containsEntry("startDate", daysAgo(31)).containsEntry("daysSinceStart", 31L)
                    .containsEntry("planWithinDays", 30);
            assertThat(f.nextStep()).contains("project update").contains("insight presentation")
                    .contains("exploratory work").contains("brief");
        }

        @Test
        void doesNotFireThirtyDaysAfterTheStart() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(30).reciprocityPlan(null))).isEmpty();
        }

        @Test
        void doesNotFireWithAPlanButFiresWithABlankOne() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(90))).isEmpty();
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(90).reciprocityPlan("  "))).hasSize(1);
        }
    }

    @Nested
    class RcUnbalanced {
        static final String RULE = "RC-UNBALANCED";

        @Test
        void doesNotApplyBeforeTheWindowReaches30Days() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(29)
                    .with(reciprocity("R1").byMentor().hours("50")))).isEmpty();
        }

        @Test
        void firesAt30DaysWhenTheMenteeGaveNothing() {
            Finding f = RuleRun.only(RULE).single(roadmap().startedDaysAgo(30));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.PAIRING, "P1");
            assertThat(f.audience()).isEqualTo(Audience.MENTEE);
            assertThat(f.evidence()).containsEntry("windowDays", 30L).containsEntry("menteeEntries", 0)
                    .containsEntry("expectedMenteeEntries", 1L);
            assertThat(f.keyDate()).isEqualTo(daysAgo(30));
        }

        @ParameterizedTest(name = "started {0} days ago, {1} mentee entries: fires {2}")
        @CsvSource({"30, 1, false", "59, 1, false", "60, 1, true", "60, 2, false", "89, 2, false", "90, 2, true",
                "90, 3, false", "400, 2, true", "400, 3, false"})
        void expectsOneMenteeEntryPer30DaysOfTheWindow(int started, int entries, boolean fires) {
            ReciprocityBuilder[] given = new ReciprocityBuilder[entries];
            for (int i = 0; i < entries; i++) {
                given[i] = reciprocity("R" + i).on(daysAgo(i));
            }
            List<Finding> found = RuleRun.only(RULE).findings(roadmap().startedDaysAgo(started).with(given));

            assertThat(found).hasSize(fires ? 1 : 0);
            found.forEach(f -> assertThat(f.evidence()).containsEntry("windowDays", (long) Math.min(90, started))
                    .containsEntry("expectedMenteeEntries", (long) Math.min(90, started) / 30));
        }

        @Test
        void countsOnlyEntriesInTheLastWDays() {
            // W = 90: an entry 90 days ago is outside the window, 89 days ago inside
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(200).with(
                    reciprocity("R1").on(daysAgo(90)), reciprocity("R2").on(daysAgo(10)), reciprocity("R3").on(daysAgo(5)))))
                    .singleElement().satisfies(f -> assertThat(f.evidence()).containsEntry("menteeEntries", 2));
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(200).with(
                    reciprocity("R1").on(daysAgo(89)), reciprocity("R2").on(daysAgo(10)), reciprocity("R3").on(daysAgo(5)))))
                    .isEmpty();
        }

        @Test
        void ignoresEntriesAfterTheAsOfDate() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(40).with(reciprocity("R1").on(inDays(1)))))
                    .hasSize(1);
        }

        @Test
        void firesWhenTheMentorGaveMoreThanFourTimesTheMenteesHours() {
            Finding f = RuleRun.only(RULE).single(roadmap().startedDaysAgo(40).with(
                    reciprocity("R1").hours("0.75"), reciprocity("R2").hours("0.25"),
                    reciprocity("R3").byMentor().hours("4.01")));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.PAIRING, "P1");
            assertThat(f.evidence()).containsEntry("menteeEntries", 2).containsEntry("expectedMenteeEntries", 1L)
                    .containsEntry("menteeHours", new BigDecimal("1")).containsEntry("mentorHours", new BigDecimal("4.01"))
                    .containsEntry("maxHoursRatio", new BigDecimal("4"));
            assertThat(f.message()).contains("4.01 hours against your 1,");
        }

        @Test
        void doesNotFireWhenTheMentorGaveExactlyFourTimesTheHours() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(40).with(
                    reciprocity("R1").hours("0.75"), reciprocity("R2").hours("0.25"),
                    reciprocity("R3").byMentor().hours("4.00")))).isEmpty();
        }

        @Test
        void comparesHoursOnlyWhenBothSumsAreAboveZero() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(40).with(
                    reciprocity("R1"), reciprocity("R2").byMentor().hours("30")))).isEmpty();
        }

        @Test
        void followsThePolicyRatioWindowAndPace() {
            assertThat(RuleRun.only(RULE).with(PolicyKey.RC_MAX_HOURS_RATIO, "1.5").findings(roadmap().startedDaysAgo(40)
                    .with(reciprocity("R1").hours("2"), reciprocity("R2").byMentor().hours("3.01")))).hasSize(1);
            assertThat(RuleRun.only(RULE).with(PolicyKey.RC_MIN_WINDOW_DAYS, "60")
                    .findings(roadmap().startedDaysAgo(59))).isEmpty();
            assertThat(RuleRun.only(RULE).with(PolicyKey.RC_WINDOW_DAYS, "45").with(PolicyKey.RC_DAYS_PER_MENTEE_ENTRY, "15")
                    .single(roadmap().startedDaysAgo(400).with(reciprocity("R1"), reciprocity("R2"))).evidence())
                    .containsEntry("windowDays", 45L).containsEntry("expectedMenteeEntries", 3L);
        }
    }

    @Nested
    class AgIncomplete {
        static final String RULE = "AG-INCOMPLETE";

        @Test
        void firesFifteenDaysAfterTheStartNamingTheMissingParts() {
            Finding f = RuleRun.only(RULE).single(roadmap().startedDaysAgo(15)
                    .agreement("Mentee drives", null, "Fortnightly", " "));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.PAIRING, "P1");
            assertThat(f.audience()).isEqualTo(Audience.PAIR);
            assertThat(f.evidence()).containsEntry("missing", List.of("boundaries", "success_metrics"))
                    .containsEntry("startDate", daysAgo(15)).containsEntry("daysSinceStart", 15L);
            assertThat(f.message()).contains("boundaries and success metrics");
        }

        @Test
        void doesNotFireFourteenDaysAfterTheStart() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(14).agreement(null, null, null, null)))
                    .isEmpty();
        }

        @Test
        void doesNotFireWithACompleteAgreement() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(100))).isEmpty();
        }

        @Test
        void followsThePolicyDays() {
            assertThat(RuleRun.only(RULE).with(PolicyKey.AG_WITHIN_DAYS, "30")
                    .findings(roadmap().startedDaysAgo(30).agreement(null, "b", "c", "d"))).isEmpty();
        }
    }
}
