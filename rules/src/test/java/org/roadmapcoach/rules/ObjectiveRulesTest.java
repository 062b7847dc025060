package org.roadmapcoach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.rules.fixtures.Given.D;
import static org.roadmapcoach.rules.fixtures.Given.daysAgo;
import static org.roadmapcoach.rules.fixtures.Given.inDays;
import static org.roadmapcoach.rules.fixtures.Given.milestone;
import static org.roadmapcoach.rules.fixtures.Given.objective;
import static org.roadmapcoach.rules.fixtures.Given.roadmap;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.finding.SubjectType;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.ObjectiveStatus;
import org.roadmapcoach.engine.roadmap.SkillType;
import org.roadmapcoach.engine.roadmap.Stage;
import org.roadmapcoach.rules.fixtures.Expect;
import org.roadmapcoach.rules.fixtures.RuleRun;

/** objectives.drl: the S.M.A.R.T. checks and the OBJ- rules. */
class ObjectiveRulesTest {

    @Nested
    class SmartSpecific {
        static final String RULE = "SMART-SPECIFIC";

        @Test
        void firesOnATitleOfThreeWords() {
            Finding f = RuleRun.only(RULE).single(roadmap().with(objective("O1").title("Learn Kubernetes properly")));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.OBJECTIVE, "O1");
            assertThat(f.pairingId()).isEqualTo("P1");
            assertThat(f.audience()).isEqualTo(Audience.MENTEE);
            assertThat(f.evidence()).containsEntry("wordCount", 3).containsEntry("minWords", 4)
                    .containsEntry("title", "Learn Kubernetes properly");
            assertThat(f.message()).contains("\"Learn Kubernetes properly\"").contains("3 words");
        }

        @Test
        void doesNotFireOnFourPlainWords() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").title("Ship the billing migration"))))
                    .isEmpty();
        }

        @Test
        void firesOnAVagueAimWithoutDeliverableAudienceOrScope() {
            Finding f = RuleRun.only(RULE).single(roadmap().with(objective("O1").title("Get better at giving feedback")));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.OBJECTIVE, "O1");
            assertThat((String) f.evidence().get("reason")).contains("get better");
        }

        @Test
        void doesNotFireOnAVagueAimWithAConcreteDeliverable() {
            assertThat(RuleRun.only(RULE).findings(roadmap()
                    .with(objective("O1").title("Get better at SQL by completing the Stanford databases course"))))
                    .isEmpty();
        }

        @Test
        void followsThePolicyMinimumOfWords() {
            RuleRun fiveWords = RuleRun.only(RULE).with(PolicyKey.SMART_MIN_TITLE_WORDS, "5");

            assertThat(fiveWords.findings(roadmap().with(objective("O1").title("Ship the billing migration"))))
                    .singleElement().satisfies(f -> assertThat(f.evidence()).containsEntry("minWords", 5));
            assertThat(fiveWords.findings(roadmap().with(objective("O1").title("Ship the billing migration today"))))
                    .isEmpty();
        }

        @Test
        void looksOnlyAtActiveObjectives() {
            assertThat(RuleRun.only(RULE).findings(roadmap()
                    .with(objective("O1").title("Networking").status(ObjectiveStatus.ACHIEVED),
                            objective("O2").title("Leadership").status(ObjectiveStatus.DROPPED)))).isEmpty();
        }
    }

    @Nested
    class SmartMeasurable {
        static final String RULE = "SMART-MEASURABLE";

        @Test
        void firesWithoutTargetOrQuantity() {
            Finding f = RuleRun.only(RULE).single(roadmap().with(objective("O1").noTarget()
                    .title("Present the observability roadmap to the platform team")
                    .description("Someone from leadership attends; several teams join")));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.OBJECTIVE, "O1");
            assertThat(f.audience()).isEqualTo(Audience.MENTEE);
            assertThat(f.evidence()).containsEntry("title", "Present the observability roadmap to the platform team");
        }

        @Test
        void doesNotFireWithATarget() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").target("3")
                    .title("Present the observability roadmap to the platform team")))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Run 2 demos", "Cut the error rate by half", "Reach 80% coverage", "Present weekly",
                "Demo twenty-five features", "Meet once a quarter", "Write ONE article", "Post per sprint"})
        void doesNotFireWhenTheTitleStatesAQuantity(String title) {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").noTarget().title(title)))).isEmpty();
        }

        @Test
        void doesNotFireWhenTheDescriptionStatesAQuantity() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").noTarget()
                    .title("Present the observability roadmap").description("Every month, to the platform team"))))
                    .isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Someone reviews the doc", "Personal persistence", "Several teams, often", "Oneself",
                "Many more talks"})
        void firesWhenNumberWordsOnlyAppearInsideOtherWords(String title) {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").noTarget().title(title))))
                    .extracting(Finding::subjectId).containsExactly("O1");
        }
    }

    @Nested
    class SmartTimebound {
        static final String RULE = "SMART-TIMEBOUND";

        @Test
        void firesWithoutDueDate() {
            Finding f = RuleRun.only(RULE).single(roadmap().end(inDays(100)).with(objective("O1").due(null)));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.OBJECTIVE, "O1");
            assertThat(f.evidence()).doesNotContainKey("dueDate").containsEntry("pairingEndDate", inDays(100));
            assertThat(f.message()).contains("has no due date");
        }

        @Test
        void firesWhenDueTheDayAfterThePairingEnds() {
            Finding f = RuleRun.only(RULE).single(roadmap().end(inDays(30)).with(objective("O1").due(inDays(31))));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.OBJECTIVE, "O1");
            assertThat(f.evidence()).containsEntry("dueDate", inDays(31)).containsEntry("pairingEndDate", inDays(30));
            assertThat(f.keyDate()).isEqualTo(inDays(30));
        }

        @Test
        void doesNotFireWhenDueOnTheDayThePairingEnds() {
            assertThat(RuleRun.only(RULE).findings(roadmap().end(inDays(30)).with(objective("O1").due(inDays(30)))))
                    .isEmpty();
        }

        @Test
        void doesNotFireWithADueDateAndNoPlannedEnd() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").due(inDays(900))))).isEmpty();
        }
    }

    @Nested
    class SmartAttainable {
        static final String RULE = "SMART-ATTAINABLE";

        @Test
        void firesWhenTwoOpenMilestonesNeed28DaysAnd27AreLeft() {
            Finding f = RuleRun.only(RULE).single(roadmap().with(objective("O1").due(inDays(27)))
                    .with(milestone("M1", "O1").stage(Stage.PRACTICE), milestone("M2", "O1").stage(Stage.FEEDBACK).inProgress(),
                            milestone("M3", "O1").stage(Stage.DISCOVERY).doneOn(daysAgo(5)),
                            milestone("M4", "O1").stage(Stage.MASTERY).status(MilestoneStatus.DROPPED)));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.OBJECTIVE, "O1");
            assertThat(f.audience()).isEqualTo(Audience.PAIR);
            assertThat(f.evidence()).containsEntry("openMilestones", 2L).containsEntry("daysLeft", 27L)
                    .containsEntry("daysPerMilestone", 14).containsEntry("daysNeeded", 28L)
                    .containsEntry("dueDate", inDays(27));
            assertThat(f.keyDate()).isEqualTo(inDays(27));
        }

        @Test
        void doesNotFireWhenTwoOpenMilestonesNeed28DaysAnd28AreLeft() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").due(inDays(28)))
                    .with(milestone("M1", "O1"), milestone("M2", "O1").inProgress()))).isEmpty();
        }

        @Test
        void firesOnTheDueDateItselfWithAnOpenMilestone() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").due(D)).with(milestone("M1", "O1"))))
                    .singleElement().satisfies(f -> assertThat(f.evidence()).containsEntry("daysLeft", 0L));
        }

        @Test
        void doesNotFireOnceTheDueDateHasPassed() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").due(daysAgo(1)))
                    .with(milestone("M1", "O1"), milestone("M2", "O1")))).isEmpty();
        }

        @Test
        void doesNotFireWithoutOpenMilestones() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").due(inDays(1))))).isEmpty();
        }

        @Test
        void followsThePolicyDaysPerMilestone() {
            assertThat(RuleRun.only(RULE).with(PolicyKey.SMART_DAYS_PER_MILESTONE, "10")
                    .findings(roadmap().with(objective("O1").due(inDays(20))).with(milestone("M1", "O1"), milestone("M2", "O1"))))
                    .isEmpty();
            assertThat(RuleRun.only(RULE).with(PolicyKey.SMART_DAYS_PER_MILESTONE, "10")
                    .findings(roadmap().with(objective("O1").due(inDays(19))).with(milestone("M1", "O1"), milestone("M2", "O1"))))
                    .hasSize(1);
        }
    }

    @Nested
    class SmartRelevant {
        static final String RULE = "SMART-RELEVANT";

        @Test
        void firesWithoutCompetency() {
            Finding f = RuleRun.only(RULE).single(roadmap().with(objective("O1").competency(null)));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.OBJECTIVE, "O1");
            assertThat(f.evidence()).doesNotContainKey("competency")
                    .containsEntry("menteeGaps", List.of("public speaking", "sql"));
            assertThat(f.message()).contains("names no competency");
        }

        @Test
        void firesWhenTheCompetencyIsNeitherAGapNorInTheAmbitions() {
            Finding f = RuleRun.only(RULE).single(roadmap().gaps("sql").ambitions("Lead architecture reviews")
                    .with(objective("O1").competency("negotiation")));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.OBJECTIVE, "O1");
            assertThat(f.evidence()).containsEntry("competency", "negotiation").containsEntry("menteeGaps", List.of("sql"));
        }

        @Test
        void doesNotFireWhenTheCompetencyIsAGapInAnyCase() {
            assertThat(RuleRun.only(RULE).findings(roadmap().gaps("sql").with(objective("O1").competency("SQL"))))
                    .isEmpty();
        }

        @Test
        void doesNotFireWhenTheAmbitionsMentionTheCompetency() {
            assertThat(RuleRun.only(RULE).findings(roadmap().gaps().ambitions("Head of Negotiation for EMEA")
                    .with(objective("O1").competency("negotiation")))).isEmpty();
        }
    }

    @Nested
    class ObjOverload {
        static final String RULE = "OBJ-OVERLOAD";

        @Test
        void firesWithSixActiveObjectives() {
            Finding f = RuleRun.only(RULE).single(roadmap().with(objective("O1"), objective("O2"), objective("O3"),
                    objective("O4"), objective("O5"), objective("O6"), objective("O7").status(ObjectiveStatus.ACHIEVED)));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.PAIRING, "P1");
            assertThat(f.evidence()).containsEntry("activeObjectives", 6).containsEntry("maxActive", 5)
                    .containsEntry("objectiveIds", List.of("O1", "O2", "O3", "O4", "O5", "O6"));
        }

        @Test
        void doesNotFireWithFiveActiveObjectives() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1"), objective("O2"), objective("O3"),
                    objective("O4"), objective("O5"), objective("O6").status(ObjectiveStatus.DROPPED)))).isEmpty();
        }

        @Test
        void followsThePolicyMaximum() {
            assertThat(RuleRun.only(RULE).with(PolicyKey.OBJ_MAX_ACTIVE, "2")
                    .findings(roadmap().with(objective("O1"), objective("O2"), objective("O3")))).hasSize(1);
        }
    }

    @Nested
    class ObjEvidence {
        static final String RULE = "OBJ-EVIDENCE";

        @Test
        void firesWithoutEvidencePlan() {
            Finding f = RuleRun.only(RULE).single(roadmap().with(objective("O1").evidencePlan(null)));

            Expect.finding(f, RULE, Severity.INFO, SubjectType.OBJECTIVE, "O1");
            assertThat(f.evidence()).containsKey("title");
        }

        @Test
        void firesWithABlankEvidencePlan() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").evidencePlan("   ")))).hasSize(1);
        }

        @Test
        void doesNotFireWithAnEvidencePlanOrWhenNotActive() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1"),
                    objective("O2").evidencePlan(null).status(ObjectiveStatus.ACHIEVED)))).isEmpty();
        }
    }

    @Nested
    class ObjOverdue {
        static final String RULE = "OBJ-OVERDUE";

        @Test
        void firesTheDayAfterTheDueDate() {
            Finding f = RuleRun.only(RULE).single(roadmap().with(objective("O1").due(daysAgo(1))));

            Expect.finding(f, RULE, Severity.CRITICAL, SubjectType.OBJECTIVE, "O1");
            assertThat(f.audience()).isEqualTo(Audience.PAIR);
            assertThat(f.evidence()).containsEntry("dueDate", daysAgo(1)).containsEntry("daysLate", 1L);
            assertThat(f.keyDate()).isEqualTo(daysAgo(1));
        }

        @Test
        void doesNotFireOnTheDueDate() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").due(D)))).isEmpty();
        }

        @Test
        void doesNotFireOnceAchievedOrWithoutDueDate() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(
                    objective("O1").due(daysAgo(40)).status(ObjectiveStatus.ACHIEVED), objective("O2").due(null))))
                    .isEmpty();
        }
    }

    @Nested
    class ObjNoSoftSkill {
        static final String RULE = "OBJ-NO-SOFT-SKILL";

        @Test
        void firesWithTwoActiveObjectivesAndNoneSoft() {
            Finding f = RuleRun.only(RULE).single(roadmap().with(objective("O1").technical(),
                    objective("O2").skillType(null), objective("O3").status(ObjectiveStatus.ACHIEVED)));

            Expect.finding(f, RULE, Severity.INFO, SubjectType.PAIRING, "P1");
            assertThat(f.evidence()).containsEntry("activeObjectives", 2);
        }

        @Test
        void doesNotFireWithOneActiveObjective() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").technical(),
                    objective("O2").technical().status(ObjectiveStatus.DROPPED)))).isEmpty();
        }

        @Test
        void doesNotFireWhenAnActiveObjectiveIsSoft() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").technical(),
                    objective("O2").skillType(SkillType.SOFT)))).isEmpty();
        }

        @Test
        void firesWhenOnlyAnAchievedObjectiveIsSoft() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(objective("O1").technical(),
                    objective("O2").technical(), objective("O3").status(ObjectiveStatus.ACHIEVED)))).hasSize(1);
        }
    }

    @Nested
    class ObjRevisit {
        static final String RULE = "OBJ-REVISIT";

        @Test
        void firesWhenLastReviewed91DaysAgo() {
            Finding f = RuleRun.only(RULE).single(roadmap().startedDaysAgo(200)
                    .with(objective("O1").lastReviewed(daysAgo(91))));

            Expect.finding(f, RULE, Severity.INFO, SubjectType.OBJECTIVE, "O1");
            assertThat(f.evidence()).containsEntry("lastReviewed", daysAgo(91)).containsEntry("daysSince", 91L)
                    .containsEntry("revisitDays", 90);
            assertThat(f.keyDate()).isEqualTo(daysAgo(91));
        }

        @Test
        void doesNotFireWhenLastReviewed90DaysAgo() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(200)
                    .with(objective("O1").lastReviewed(daysAgo(90))))).isEmpty();
        }

        @Test
        void countsFromTheStartWhenNeverReviewed() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(90).with(objective("O1")))).isEmpty();
            Finding f = RuleRun.only(RULE).single(roadmap().startedDaysAgo(91).with(objective("O1")));
            assertThat(f.evidence()).containsEntry("startDate", daysAgo(91)).doesNotContainKey("lastReviewed");
        }

        @Test
        void looksOnlyAtActiveObjectives() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(200)
                    .with(objective("O1").status(ObjectiveStatus.ACHIEVED)))).isEmpty();
        }

        @Test
        void followsThePolicyDays() {
            LocalDate reviewed = daysAgo(31);
            assertThat(RuleRun.only(RULE).with(PolicyKey.OBJ_REVISIT_DAYS, "30")
                    .findings(roadmap().startedDaysAgo(200).with(objective("O1").lastReviewed(reviewed)))).hasSize(1);
        }
    }
}
