package org.roadmapcoach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.rules.fixtures.Given.daysAgo;
import static org.roadmapcoach.rules.fixtures.Given.engagement;
import static org.roadmapcoach.rules.fixtures.Given.inDays;
import static org.roadmapcoach.rules.fixtures.Given.milestone;
import static org.roadmapcoach.rules.fixtures.Given.objective;
import static org.roadmapcoach.rules.fixtures.Given.resource;
import static org.roadmapcoach.rules.fixtures.Given.roadmap;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.finding.SubjectType;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.EngagementStatus;
import org.roadmapcoach.engine.roadmap.Level;
import org.roadmapcoach.engine.roadmap.ObjectiveStatus;
import org.roadmapcoach.engine.roadmap.Stage;
import org.roadmapcoach.rules.fixtures.Expect;
import org.roadmapcoach.rules.fixtures.RuleRun;

/** resources.drl: recommendations and takeaways. */
class ResourceRulesTest {

    @Nested
    class ResRecommend {
        static final String RULE = "RES-RECOMMEND";

        /** Finds the recommendation of {@code resourceId}; several objectives may recommend the same resource. */
        static Finding of(List<Finding> found, String resourceId) {
            return found.stream().filter(f -> f.subjectId().equals(resourceId)).findFirst().orElseThrow();
        }

        @Test
        void recommendsTheTopThreeByStageFitThenLevelFitThenHoursThenId() {
            // current stage: practice (earliest open); wanted level: intermediate (a practice milestone is done)
            RuleRun run = RuleRun.only(RULE).catalog(
                    resource("R-stage-level-6h").stages(Stage.PRACTICE).level(Level.INTERMEDIATE).hours("6"),
                    resource("R-stage-anylevel-2h").stages(Stage.PRACTICE, Stage.FEEDBACK).hours("2"),
                    resource("R-anystage-wronglevel-1h").level(Level.ADVANCED).hours("1"),
                    resource("R-anystage-level-nohours").level(Level.INTERMEDIATE),
                    resource("R-wrongstage-level-1h").stages(Stage.MASTERY).level(Level.INTERMEDIATE).hours("1"),
                    resource("R-other-competency").competencies("sql").hours("1"));
            List<Finding> found = run.findings(roadmap().with(objective("O1").competency("Public Speaking")).with(
                    milestone("M1", "O1").stage(Stage.DISCOVERY).doneOn(daysAgo(20)),
                    milestone("M2", "O1").stage(Stage.PRACTICE).doneOn(daysAgo(5)),
                    milestone("M3", "O1").stage(Stage.PRACTICE).inProgress(),
                    milestone("M4", "O1").stage(Stage.FEEDBACK)));

            assertThat(found).extracting(Finding::subjectId)
                    .containsExactlyInAnyOrder("R-stage-anylevel-2h", "R-stage-level-6h", "R-anystage-level-nohours");
            Finding first = Expect.finding(of(found, "R-stage-anylevel-2h"), RULE, Severity.INFO, SubjectType.RESOURCE,
                    "R-stage-anylevel-2h");
            assertThat(first.audience()).isEqualTo(Audience.MENTEE);
            assertThat(first.evidence()).containsEntry("objectiveId", "O1").containsEntry("rank", 1)
                    .containsEntry("currentStage", "practice").containsEntry("wantedLevel", "intermediate")
                    .containsEntry("stageFit", "yes").containsEntry("levelFit", "yes")
                    .containsEntry("hours", new BigDecimal("2")).doesNotContainKey("resourceLevel")
                    .containsEntry("resourceStages", List.of("feedback", "practice"));
            assertThat(of(found, "R-stage-level-6h").evidence()).containsEntry("rank", 2)
                    .containsEntry("resourceLevel", "intermediate");
            assertThat(of(found, "R-anystage-level-nohours").evidence()).containsEntry("rank", 3)
                    .containsEntry("stageFit", "yes").doesNotContainKey("hours");
            assertThat(first.message()).contains("\"Resource R-stage-anylevel-2h\"").contains("practice stage");
        }

        @Test
        void ranksRatherThanFiltersWhenTooFewResourcesFit() {
            List<Finding> found = RuleRun.only(RULE).catalog(
                    resource("R1").stages(Stage.MASTERY).level(Level.ADVANCED).hours("1"),
                    resource("R2").stages(Stage.MASTERY).level(Level.INTRO).hours("9"))
                    .findings(roadmap().with(objective("O1")).with(milestone("M1", "O1").stage(Stage.DISCOVERY)));

            assertThat(of(found, "R2").evidence()).containsEntry("rank", 1).containsEntry("stageFit", "no")
                    .containsEntry("levelFit", "yes").containsEntry("wantedLevel", "intro");
            assertThat(of(found, "R1").evidence()).containsEntry("rank", 2).containsEntry("levelFit", "no");
        }

        @Test
        void everyStageFitsWithoutAnOpenMilestoneAndTiesGoByFewerHoursThenId() {
            List<Finding> found = RuleRun.only(RULE).catalog(resource("R3").stages(Stage.MASTERY).hours("2"),
                            resource("R2").hours("2"), resource("R1").hours("3"), resource("R0"))
                    .findings(roadmap().with(objective("O1"))
                            .with(milestone("M1", "O1").stage(Stage.FEEDBACK).doneOn(daysAgo(3))));

            assertThat(found).hasSize(3);
            assertThat(of(found, "R2").evidence()).containsEntry("rank", 1).doesNotContainKey("currentStage")
                    .containsEntry("wantedLevel", "advanced").containsEntry("stageFit", "yes");
            assertThat(of(found, "R3").evidence()).containsEntry("rank", 2);
            assertThat(of(found, "R1").evidence()).containsEntry("rank", 3);
        }

        @Test
        void leavesOutResourcesThePairingEngagedWithWhateverTheStatus() {
            List<Finding> found = RuleRun.only(RULE).catalog(resource("R1").hours("1"), resource("R2").hours("2"),
                            resource("R3").hours("3"), resource("R4").hours("4"), resource("R5").hours("5"))
                    .findings(roadmap().with(objective("O1"))
                            .with(engagement("R1").status(EngagementStatus.DISMISSED),
                                    engagement("R2").status(null).on(null), engagement("R4").status(EngagementStatus.STARTED)));

            assertThat(found).extracting(Finding::subjectId).containsExactlyInAnyOrder("R3", "R5");
        }

        @Test
        void anEngagementAfterTheAsOfDateDoesNotCountYet() {
            assertThat(RuleRun.only(RULE).catalog(resource("R1")).findings(roadmap().with(objective("O1"))
                    .with(engagement("R1").status(EngagementStatus.STARTED).on(inDays(3))))).hasSize(1);
        }

        @Test
        void givesOneFindingPerObjectiveAndResource() {
            List<Finding> found = RuleRun.only(RULE).catalog(resource("R1"))
                    .findings(roadmap().with(objective("O1"), objective("O2")));

            assertThat(found).extracting(f -> f.evidence().get("objectiveId")).containsExactlyInAnyOrder("O1", "O2");
            assertThat(found).extracting(Finding::subjectId).containsOnly("R1");
        }

        @Test
        void recommendsNothingForObjectivesWithoutCompetencyOrNotActive() {
            assertThat(RuleRun.only(RULE).catalog(resource("R1")).findings(roadmap().with(
                    objective("O1").competency(null), objective("O2").competency(" "),
                    objective("O3").status(ObjectiveStatus.ACHIEVED)))).isEmpty();
        }

        @Test
        void followsThePolicyNumberOfRecommendations() {
            assertThat(RuleRun.only(RULE).with(PolicyKey.RES_RECOMMENDATIONS, "1")
                    .catalog(resource("R1").hours("2"), resource("R2").hours("1"))
                    .findings(roadmap().with(objective("O1")))).extracting(Finding::subjectId).containsExactly("R2");
        }
    }

    @Nested
    class ResShareTakeaway {
        static final String RULE = "RES-SHARE-TAKEAWAY";

        @Test
        void firesEightDaysAfterCompletionWithoutTakeaway() {
            Finding f = RuleRun.only(RULE).catalog(resource("R1").title("Talk like TED"))
                    .single(roadmap().with(engagement("R1").on(daysAgo(8))));

            Expect.finding(f, RULE, Severity.INFO, SubjectType.RESOURCE, "R1");
            assertThat(f.pairingId()).isEqualTo("P1");
            assertThat(f.audience()).isEqualTo(Audience.MENTEE);
            assertThat(f.evidence()).containsEntry("completedOn", daysAgo(8)).containsEntry("daysSince", 8L)
                    .containsEntry("takeawayDays", 7);
            assertThat(f.message()).contains("\"Talk like TED\"");
            assertThat(f.keyDate()).isEqualTo(daysAgo(8));
        }

        @Test
        void doesNotFireSevenDaysAfterCompletion() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(engagement("R1").on(daysAgo(7))))).isEmpty();
        }

        @Test
        void doesNotFireWithATakeawayOrWhenNotCompleted() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(engagement("R1").on(daysAgo(30)).takeaway("Pause more"),
                    engagement("R2").on(daysAgo(30)).status(EngagementStatus.STARTED),
                    engagement("R3").on(daysAgo(30)).status(EngagementStatus.DISMISSED)))).isEmpty();
        }

        @Test
        void namesTheResourceByIdWhenItIsNotInTheCatalog() {
            assertThat(RuleRun.only(RULE).single(roadmap().with(engagement("R9").on(daysAgo(30)).takeaway(" ")))
                    .message()).contains("resource R9");
        }
    }
}
