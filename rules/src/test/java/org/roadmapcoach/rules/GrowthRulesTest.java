package org.roadmapcoach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.rules.fixtures.Given.D;
import static org.roadmapcoach.rules.fixtures.Given.daysAgo;
import static org.roadmapcoach.rules.fixtures.Given.inDays;
import static org.roadmapcoach.rules.fixtures.Given.milestone;
import static org.roadmapcoach.rules.fixtures.Given.objective;
import static org.roadmapcoach.rules.fixtures.Given.roadmap;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.finding.SubjectType;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.ObjectiveStatus;
import org.roadmapcoach.engine.roadmap.Stage;
import org.roadmapcoach.rules.fixtures.Expect;
import org.roadmapcoach.rules.fixtures.RuleRun;

/** growth.drl: every objective counts, whatever its status (GR-PAY-FORWARD leaves out dropped ones). */
class GrowthRulesTest {

    @Nested
    class GrCelebrate {
        static final String RULE = "GR-CELEBRATE";

        @Test
        void firesForAMilestoneCompleted13DaysAgoEvenOfAnAchievedObjective() {
            Finding f = RuleRun.only(RULE).single(roadmap().with(objective("O1").status(ObjectiveStatus.ACHIEVED))
                    .with(milestone("M1", "O1").stage(Stage.PRACTICE).title("First talk to the team").doneOn(daysAgo(13))));

            Expect.finding(f, RULE, Severity.INFO, SubjectType.MILESTONE, "M1");
            assertThat(f.audience()).isEqualTo(Audience.PAIR);
            assertThat(f.evidence()).containsEntry("completedOn", daysAgo(13)).containsEntry("stage", "practice")
                    .containsEntry("objectiveId", "O1");
            assertThat(f.message()).contains("\"First talk to the team\"");
            assertThat(f.keyDate()).isEqualTo(daysAgo(13));
        }

        @Test
        void doesNotFireForAMilestoneCompleted14DaysAgo() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1"))
                    .with(milestone("M1", "O1").doneOn(daysAgo(14))))).isEmpty();
        }

        @Test
        void firesOnTheDayOfCompletionButNotForAFutureDate() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1"))
                    .with(milestone("M1", "O1").doneOn(D), milestone("M2", "O1").doneOn(inDays(1)))))
                    .extracting(Finding::subjectId).containsExactly("M1");
        }

        @Test
        void doesNotFireForMilestonesNotDone() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1"))
                    .with(milestone("M1", "O1").doneOn(daysAgo(2)).status(MilestoneStatus.DROPPED)))).isEmpty();
        }

        @Test
        void followsThePolicyDays() {
            assertThat(RuleRun.only(RULE).with(PolicyKey.GR_CELEBRATE_DAYS, "30").findings(roadmap()
                    .with(objective("O1")).with(milestone("M1", "O1").doneOn(daysAgo(29))))).hasSize(1);
        }
    }

    @Nested
    class GrPayForward {
        static final String RULE = "GR-PAY-FORWARD";

        @Test
        void firesWithTwoObjectivesMasteredWhetherActiveOrAchieved() {
            Finding f = RuleRun.only(RULE).single(roadmap().with(objective("O2").status(ObjectiveStatus.ACHIEVED)
                            .title("Lead the Q3 incident review"), objective("O1").title("Give a talk at the all-hands"),
                    objective("O3")).with(
                    milestone("M1", "O1").stage(Stage.MASTERY).doneOn(daysAgo(40)),
                    milestone("M2", "O2").stage(Stage.MASTERY).doneOn(daysAgo(5)),
                    milestone("M3", "O2").stage(Stage.MASTERY).doneOn(daysAgo(3)),
                    milestone("M4", "O3").stage(Stage.MASTERY).inProgress()));

            Expect.finding(f, RULE, Severity.INFO, SubjectType.PAIRING, "P1");
            assertThat(f.audience()).isEqualTo(Audience.MENTEE);
            assertThat(f.evidence()).containsEntry("objectiveIds", List.of("O1", "O2"))
                    .containsEntry("masteredObjectives", 2);
            assertThat(f.message()).contains("\"Give a talk at the all-hands\" and \"Lead the Q3 incident review\"");
            assertThat(f.nextStep()).contains("mentor a newer colleague").contains("playbook");
            assertThat(f.keyDate()).isEqualTo(daysAgo(40));
        }

        @Test
        void doesNotFireWithOneMasteredObjective() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1"), objective("O2")).with(
                    milestone("M1", "O1").stage(Stage.MASTERY).doneOn(daysAgo(40)),
                    milestone("M2", "O1").stage(Stage.MASTERY).doneOn(daysAgo(4)),
                    milestone("M3", "O2").stage(Stage.FEEDBACK).doneOn(daysAgo(4))))).isEmpty();
        }

        @Test
        void leavesOutDroppedObjectives() {
            assertThat(RuleRun.only(RULE).findings(roadmap()
                    .with(objective("O1"), objective("O2").status(ObjectiveStatus.DROPPED)).with(
                    milestone("M1", "O1").stage(Stage.MASTERY).doneOn(daysAgo(40)),
                    milestone("M2", "O2").stage(Stage.MASTERY).doneOn(daysAgo(4))))).isEmpty();
        }
    }
}
