package org.roadmapcoach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.rules.fixtures.Given.activity;
import static org.roadmapcoach.rules.fixtures.Given.daysAgo;
import static org.roadmapcoach.rules.fixtures.Given.inDays;
import static org.roadmapcoach.rules.fixtures.Given.milestone;
import static org.roadmapcoach.rules.fixtures.Given.objective;
import static org.roadmapcoach.rules.fixtures.Given.roadmap;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.finding.SubjectType;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.ActivityKind;
import org.roadmapcoach.engine.roadmap.ObjectiveStatus;
import org.roadmapcoach.rules.fixtures.Expect;
import org.roadmapcoach.rules.fixtures.Given.RoadmapBuilder;
import org.roadmapcoach.rules.fixtures.RuleRun;

/** activities.drl: stretch and reflection. */
class ActivityRulesTest {

    @Nested
    class AcNoStretch {
        static final String RULE = "AC-NO-STRETCH";

        RoadmapBuilder threePractice() {
            return roadmap().startedDaysAgo(100).with(activity("A1").on(daysAgo(59)), activity("A2").on(daysAgo(20)),
                    activity("A3").on(daysAgo(0)));
        }

        @Test
        void firesWithThreePracticeActivitiesAndNoStretchInTheLast60Days() {
            Finding f = RuleRun.only(RULE).single(threePractice()
                    .with(activity("A4").kind(ActivityKind.ASSIGNMENT).on(daysAgo(60))));

            Expect.finding(f, RULE, Severity.INFO, SubjectType.PAIRING, "P1");
            assertThat(f.audience()).isEqualTo(Audience.MENTOR);
            assertThat(f.evidence()).containsEntry("practiceActivities", 3).containsEntry("windowDays", 60);
            assertThat(f.nextStep()).contains("assignment").contains("shadowing").contains("side project");
            assertThat(f.keyDate()).isEqualTo(daysAgo(59));
        }

        @Test
        void doesNotFireWhenAPracticeActivityIsOutsideTheWindow() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(100).with(activity("A1").on(daysAgo(60)),
                    activity("A2").on(daysAgo(20)), activity("A3").on(daysAgo(0)), activity("A4").on(inDays(1)))))
                    .isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = ActivityKind.class, names = {"ASSIGNMENT", "SHADOWING", "SIDE_PROJECT"})
        void doesNotFireWithAStretchActivityInTheWindow(ActivityKind stretch) {
            assertThat(RuleRun.only(RULE).findings(threePractice().with(activity("A4").kind(stretch).on(daysAgo(59)))))
                    .isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = ActivityKind.class, names = {"REVIEW", "REFLECTION", "ARTIFACT"})
        void otherKindsAreNotStretch(ActivityKind other) {
            assertThat(RuleRun.only(RULE).findings(threePractice().with(activity("A4").kind(other).on(daysAgo(1)))))
                    .hasSize(1);
        }

        @Test
        void followsThePolicyWindowAndMinimum() {
            assertThat(RuleRun.only(RULE).with(PolicyKey.AC_MIN_PRACTICE, "4").findings(threePractice())).isEmpty();
            assertThat(RuleRun.only(RULE).with(PolicyKey.AC_STRETCH_WINDOW_DAYS, "59").findings(threePractice()))
                    .isEmpty();
        }
    }

    @Nested
    class AcNoReflection {
        static final String RULE = "AC-NO-REFLECTION";

        @Test
        void firesThirtyOneDaysAfterTheStartWithoutAnyReflection() {
            Finding f = RuleRun.only(RULE).single(roadmap().startedDaysAgo(31).with(objective("O1"))
                    .with(activity("A1").kind(ActivityKind.REFLECTION).on(daysAgo(30)))
                    .with(milestone("M1", "O1").reflection("").doneOn(daysAgo(2)), milestone("M2", "O1").doneOn(daysAgo(30))));

            Expect.finding(f, RULE, Severity.INFO, SubjectType.PAIRING, "P1");
            assertThat(f.audience()).isEqualTo(Audience.MENTEE);
            assertThat(f.evidence()).containsEntry("startDate", daysAgo(31)).containsEntry("windowDays", 30);
        }

        @Test
        void doesNotFireThirtyDaysAfterTheStart() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(30))).isEmpty();
        }

        @Test
        void doesNotFireAfterAReflectionActivityInTheLast30Days() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(100)
                    .with(activity("A1").kind(ActivityKind.REFLECTION).on(daysAgo(29))))).isEmpty();
        }

        @Test
        void doesNotFireAfterAMilestoneOfAnyObjectiveCompletedWithAReflection() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(100)
                    .with(objective("O1").status(ObjectiveStatus.ACHIEVED))
                    .with(milestone("M1", "O1").doneOn(daysAgo(29))))).isEmpty();
        }

        @Test
        void ignoresReflectionsDatedAfterTheAsOfDate() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(100).with(objective("O1"))
                    .with(activity("A1").kind(ActivityKind.REFLECTION).on(inDays(1)))
                    .with(milestone("M1", "O1").doneOn(inDays(1))))).hasSize(1);
        }

        @Test
        void followsThePolicyGraceAndWindow() {
            assertThat(RuleRun.only(RULE).with(PolicyKey.AC_REFLECTION_GRACE_DAYS, "60")
                    .findings(roadmap().startedDaysAgo(60))).isEmpty();
            assertThat(RuleRun.only(RULE).with(PolicyKey.AC_REFLECTION_WINDOW_DAYS, "10").findings(roadmap()
                    .startedDaysAgo(100).with(activity("A1").kind(ActivityKind.REFLECTION).on(daysAgo(10))))).hasSize(1);
        }
    }
}
