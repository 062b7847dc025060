package org.roadmapcoach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.rules.fixtures.Given.checkIn;
import static org.roadmapcoach.rules.fixtures.Given.daysAgo;
import static org.roadmapcoach.rules.fixtures.Given.inDays;
import static org.roadmapcoach.rules.fixtures.Given.milestone;
import static org.roadmapcoach.rules.fixtures.Given.objective;
import static org.roadmapcoach.rules.fixtures.Given.roadmap;

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
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.ObjectiveStatus;
import org.roadmapcoach.engine.roadmap.Stage;
import org.roadmapcoach.rules.fixtures.Expect;
import org.roadmapcoach.rules.fixtures.Given.RoadmapBuilder;
import org.roadmapcoach.rules.fixtures.RuleRun;

/** milestones.drl: only milestones of active objectives. */
class MilestoneRulesTest {

    @Nested
    class MsStalled {
        static final String RULE = "MS-STALLED";

        @Test
        void firesAfter22DaysWithoutProgress() {
            Finding f = RuleRun.only(RULE).single(roadmap().startedDaysAgo(100).with(objective("O1"))
                    .with(milestone("M1", "O1").inProgress().title("Draft the talk outline").lastProgress(daysAgo(22))));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.MILESTONE, "M1");
            assertThat(f.pairingId()).isEqualTo("P1");
            assertThat(f.audience()).isEqualTo(Audience.MENTEE);
            assertThat(f.evidence()).containsEntry("lastProgress", daysAgo(22)).containsEntry("daysSince", 22L)
                    .containsEntry("stalledDays", 21).containsEntry("objectiveId", "O1");
            assertThat(f.message()).contains("\"Draft the talk outline\"").contains("22 days");
            assertThat(f.keyDate()).isEqualTo(daysAgo(22));
        }

        @Test
        void doesNotFireAfter21DaysWithoutProgress() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(100).with(objective("O1"))
                    .with(milestone("M1", "O1").inProgress().lastProgress(daysAgo(21))))).isEmpty();
        }

        @Test
        void countsFromThePairingStartWithoutProgressDate() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(21).with(objective("O1"))
                    .with(milestone("M1", "O1").inProgress()))).isEmpty();
            Finding f = RuleRun.only(RULE).single(roadmap().startedDaysAgo(22).with(objective("O1"))
                    .with(milestone("M1", "O1").inProgress()));
            assertThat(f.evidence()).containsEntry("startDate", daysAgo(22)).doesNotContainKey("lastProgress");
        }

        @Test
        void looksOnlyAtInProgressMilestonesOfActiveObjectives() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(100)
                    .with(objective("O1"), objective("O2").status(ObjectiveStatus.ACHIEVED))
                    .with(milestone("M1", "O1").lastProgress(daysAgo(50)),
                            milestone("M2", "O2").inProgress().lastProgress(daysAgo(50))))).isEmpty();
        }

        @Test
        void followsThePolicyDays() {
            assertThat(RuleRun.only(RULE).with(PolicyKey.MS_STALLED_DAYS, "30").findings(roadmap().startedDaysAgo(100)
                    .with(objective("O1")).with(milestone("M1", "O1").inProgress().lastProgress(daysAgo(30))))).isEmpty();
        }
    }

    @Nested
    class MsOverdue {
        static final String RULE = "MS-OVERDUE";

        RoadmapBuilder dueDaysAgo(long days, MilestoneStatus status) {
            return roadmap().startedDaysAgo(100).with(objective("O1"))
                    .with(milestone("M1", "O1").due(daysAgo(days)).status(status));
        }

        @Test
        void doesNotFireOnTheDueDate() {
            assertThat(RuleRun.only(RULE).findings(dueDaysAgo(0, MilestoneStatus.PLANNED))).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"1, PLANNED, WARNING", "30, IN_PROGRESS, WARNING", "31, PLANNED, CRITICAL", "90, IN_PROGRESS, CRITICAL"})
        void isAWarningUpTo30DaysLateAndCriticalAfter(long days, MilestoneStatus status, Severity severity) {
            Finding f = RuleRun.only(RULE).single(dueDaysAgo(days, status));

            Expect.finding(f, RULE, severity, SubjectType.MILESTONE, "M1");
            assertThat(f.audience()).isEqualTo(Audience.PAIR);
            assertThat(f.evidence()).containsEntry("dueDate", daysAgo(days)).containsEntry("daysLate", days)
                    .containsEntry("objectiveId", "O1");
            assertThat(f.keyDate()).isEqualTo(daysAgo(days));
        }

        @Test
        void doesNotFireWhenDoneOrDropped() {
            assertThat(RuleRun.only(RULE).findings(dueDaysAgo(10, MilestoneStatus.DONE))).isEmpty();
            assertThat(RuleRun.only(RULE).findings(dueDaysAgo(10, MilestoneStatus.DROPPED))).isEmpty();
        }

        @Test
        void looksOnlyAtActiveObjectives() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").status(ObjectiveStatus.DROPPED))
                    .with(milestone("M1", "O1").due(daysAgo(10))))).isEmpty();
        }

        @Test
        void followsThePolicyCriticalDays() {
            assertThat(RuleRun.only(RULE).with(PolicyKey.MS_CRITICAL_LATE_DAYS, "5")
                    .single(dueDaysAgo(6, MilestoneStatus.PLANNED)).severity()).isEqualTo(Severity.CRITICAL);
        }
    }

    @Nested
    class MsStagesMissing {
        static final String RULE = "MS-STAGES-MISSING";

        @Test
        void firesNamingTheMissingStagesInOrder() {
            Finding f = RuleRun.only(RULE).single(roadmap().with(objective("O1"))
                    .with(milestone("M1", "O1").stage(Stage.FEEDBACK), milestone("M2", "O1").stage(Stage.DISCOVERY)));

            Expect.finding(f, RULE, Severity.INFO, SubjectType.OBJECTIVE, "O1");
            assertThat(f.evidence()).containsEntry("missing", List.of("practice", "mastery"));
            assertThat(f.message()).contains("practice and mastery stages");
        }

        @Test
        void firesWithAllFourMissingWhenThereIsNoMilestone() {
            assertThat(RuleRun.only(RULE).single(roadmap().with(objective("O1"))).evidence())
                    .containsEntry("missing", List.of("discovery", "practice", "feedback", "mastery"));
        }

        @Test
        void doesNotFireWhenEveryStageHasAMilestoneWhateverItsStatus() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1")).with(
                    milestone("M1", "O1").stage(Stage.DISCOVERY).doneOn(daysAgo(3)),
                    milestone("M2", "O1").stage(Stage.PRACTICE).inProgress(),
                    milestone("M3", "O1").stage(Stage.FEEDBACK),
                    milestone("M4", "O1").stage(Stage.MASTERY).status(MilestoneStatus.DROPPED)))).isEmpty();
        }

        @Test
        void looksOnlyAtActiveObjectives() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").status(ObjectiveStatus.ACHIEVED))))
                    .isEmpty();
        }
    }

    @Nested
    class MsStageOrder {
        static final String RULE = "MS-STAGE-ORDER";

        @Test
        void firesOnADoneMilestoneWithAnEarlierStageStillOpen() {
            Finding f = RuleRun.only(RULE).single(roadmap().with(objective("O1")).with(
                    milestone("M1", "O1").stage(Stage.DISCOVERY),
                    milestone("M2", "O1").stage(Stage.PRACTICE).inProgress(),
                    milestone("M3", "O1").stage(Stage.FEEDBACK).doneOn(daysAgo(2)),
                    milestone("M4", "O1").stage(Stage.MASTERY)));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.MILESTONE, "M3");
            assertThat(f.evidence()).containsEntry("stage", "feedback").containsEntry("earlierOpen", List.of("M1", "M2"))
                    .containsEntry("completedOn", daysAgo(2));
        }

        @Test
        void doesNotFireWhenEarlierStagesAreDoneOrDropped() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1")).with(
                    milestone("M1", "O1").stage(Stage.DISCOVERY).doneOn(daysAgo(9)),
                    milestone("M2", "O1").stage(Stage.PRACTICE).status(MilestoneStatus.DROPPED),
                    milestone("M3", "O1").stage(Stage.FEEDBACK).doneOn(daysAgo(2)),
                    milestone("M4", "O1").stage(Stage.FEEDBACK).inProgress()))).isEmpty();
        }

        @Test
        void doesNotLookAtOtherObjectivesOrInactiveOnes() {
            assertThat(RuleRun.only(RULE).findings(roadmap()
                    .with(objective("O1"), objective("O2"), objective("O3").status(ObjectiveStatus.ACHIEVED)).with(
                    milestone("M1", "O1").stage(Stage.DISCOVERY),
                    milestone("M2", "O2").stage(Stage.MASTERY).doneOn(daysAgo(2)),
                    milestone("M3", "O3").stage(Stage.DISCOVERY),
                    milestone("M4", "O3").stage(Stage.MASTERY).doneOn(daysAgo(2))))).isEmpty();
        }
    }

    @Nested
    class MsNoReflection {
        static final String RULE = "MS-NO-REFLECTION";

        @Test
        void firesOnADoneMilestoneWithoutReflection() {
            Finding f = RuleRun.only(RULE).single(roadmap().with(objective("O1"))
                    .with(milestone("M1", "O1").reflection(" ").doneOn(daysAgo(3))));

            Expect.finding(f, RULE, Severity.INFO, SubjectType.MILESTONE, "M1");
            assertThat(f.evidence()).containsEntry("completedOn", daysAgo(3)).containsEntry("objectiveId", "O1");
        }

        @Test
        void doesNotFireWithAReflectionOrWhenNotDone() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1"))
                    .with(milestone("M1", "O1").doneOn(daysAgo(3)), milestone("M2", "O1").inProgress()))).isEmpty();
        }

        @Test
        void looksOnlyAtActiveObjectives() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").status(ObjectiveStatus.ACHIEVED))
                    .with(milestone("M1", "O1").reflection("").doneOn(daysAgo(3))))).isEmpty();
        }
    }

    @Nested
    class MsNoReview {
        static final String RULE = "MS-NO-REVIEW";

        RoadmapBuilder completedDaysAgo(long days) {
            return roadmap().startedDaysAgo(100).with(objective("O1")).with(milestone("M1", "O1").doneOn(daysAgo(days)));
        }

        @Test
        void firesFifteenDaysAfterCompletionWithoutReview() {
            Finding f = RuleRun.only(RULE).single(completedDaysAgo(15));

            Expect.finding(f, RULE, Severity.INFO, SubjectType.MILESTONE, "M1");
            assertThat(f.audience()).isEqualTo(Audience.PAIR);
            assertThat(f.evidence()).containsEntry("completedOn", daysAgo(15)).containsEntry("daysSince", 15L)
                    .containsEntry("reviewWithinDays", 14);
            assertThat(f.keyDate()).isEqualTo(daysAgo(15));
        }

        @Test
        void doesNotFireFourteenDaysAfterCompletion() {
            assertThat(RuleRun.only(RULE).findings(completedDaysAgo(14))).isEmpty();
        }

        @Test
        void doesNotFireAfterAHeldReviewOnTheCompletionDay() {
            assertThat(RuleRun.only(RULE).findings(completedDaysAgo(20)
                    .with(checkIn("C1").type(CheckInType.REVIEW).on(daysAgo(20))))).isEmpty();
        }

        @Test
        void firesWhenTheOnlyReviewIsBeforeCompletionMissedOrNotAReview() {
            assertThat(RuleRun.only(RULE).findings(completedDaysAgo(20).with(
                    checkIn("C1").type(CheckInType.REVIEW).on(daysAgo(21)),
                    checkIn("C2").type(CheckInType.REVIEW).on(daysAgo(10)).missed(),
                    checkIn("C3").type(CheckInType.CHECKIN).on(daysAgo(5))))).hasSize(1);
        }

        @Test
        void ignoresAReviewDatedAfterTheAsOfDate() {
            assertThat(RuleRun.only(RULE).findings(completedDaysAgo(20)
                    .with(checkIn("C1").type(CheckInType.REVIEW).on(inDays(1))))).hasSize(1);
        }

        @Test
        void looksOnlyAtActiveObjectives() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").status(ObjectiveStatus.ACHIEVED))
                    .with(milestone("M1", "O1").doneOn(daysAgo(40))))).isEmpty();
        }

        @Test
        void followsThePolicyDays() {
            assertThat(RuleRun.only(RULE).with(PolicyKey.MS_REVIEW_WITHIN_DAYS, "7").findings(completedDaysAgo(8)))
                    .hasSize(1);
        }
    }
}
