package org.roadmapcoach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.rules.fixtures.Given.checkIn;
import static org.roadmapcoach.rules.fixtures.Given.daysAgo;
import static org.roadmapcoach.rules.fixtures.Given.inDays;
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
import org.roadmapcoach.rules.fixtures.Expect;
import org.roadmapcoach.rules.fixtures.Given.CheckInBuilder;
import org.roadmapcoach.rules.fixtures.RuleRun;

/** checkins.drl: kickoff, cadence, missed streaks and two-way feedback. */
class CheckInRulesTest {

    @Nested
    class CiNoKickoff {
        static final String RULE = "CI-NO-KICKOFF";

        @Test
        void firesFifteenDaysAfterTheStartWithoutAKickoff() {
            Finding f = RuleRun.only(RULE).single(roadmap().startedDaysAgo(15).with(checkIn("C1").on(daysAgo(3))));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.PAIRING, "P1");
            assertThat(f.audience()).isEqualTo(Audience.MENTOR);
            assertThat(f.evidence()).containsEntry("startDate", daysAgo(15)).containsEntry("daysSinceStart", 15L)
                    .containsEntry("kickoffWithinDays", 14);
            assertThat(f.nextStep()).contains("goals").contains("role").contains("boundaries").contains("cadence")
                    .contains("measure success");
            assertThat(f.keyDate()).isEqualTo(daysAgo(15));
        }

        @Test
        void doesNotFireFourteenDaysAfterTheStart() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(14))).isEmpty();
        }

        @Test
        void doesNotFireOnceAKickoffWasHeld() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(60)
                    .with(checkIn("C1").type(CheckInType.KICKOFF).on(daysAgo(55))))).isEmpty();
        }

        @Test
        void firesWhenTheKickoffWasMissedOrIsOnlyPlannedAfterTheAsOfDate() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(60).with(
                    checkIn("C1").type(CheckInType.KICKOFF).on(daysAgo(55)).missed(),
                    checkIn("C2").type(CheckInType.KICKOFF).on(inDays(2))))).hasSize(1);
        }
    }

    @Nested
    class CiOverdue {
        static final String RULE = "CI-OVERDUE";

        @ParameterizedTest(name = "cadence {0}, last held {1} days ago: {2}")
        @CsvSource({
                "14, 21, NONE", "14, 22, WARNING", "14, 42, WARNING", "14, 43, CRITICAL",
                "7, 10, NONE", "7, 11, WARNING", "7, 21, WARNING", "7, 22, CRITICAL",
                "1, 1, NONE", "1, 2, WARNING", "1, 3, WARNING", "1, 4, CRITICAL"})
        void comparesDaysSinceTheLastHeldCheckInWithTheCadence(int cadence, long days, String expected) {
            List<Finding> found = RuleRun.only(RULE).findings(roadmap().startedDaysAgo(200).cadence(cadence).with(
                    checkIn("C1").type(CheckInType.KICKOFF).on(daysAgo(150)),
                    checkIn("C2").on(daysAgo(days)),
                    checkIn("C3").on(daysAgo(days - 1 < 0 ? 0 : days - 1)).missed()));

            if (expected.equals("NONE")) {
                assertThat(found).isEmpty();
            } else {
                assertThat(found).hasSize(1);
                Finding f = Expect.finding(found.get(0), RULE, Severity.valueOf(expected), SubjectType.PAIRING, "P1");
                assertThat(f.audience()).isEqualTo(Audience.MENTOR);
                assertThat(f.evidence()).containsEntry("lastHeldCheckIn", daysAgo(days)).containsEntry("daysSince", days)
                        .containsEntry("cadenceDays", cadence);
                assertThat(f.keyDate()).isEqualTo(daysAgo(days));
            }
        }

        @Test
        void countsFromTheStartWhenNoCheckInWasHeld() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(21))).isEmpty();
            Finding f = RuleRun.only(RULE).single(roadmap().startedDaysAgo(22)
                    .with(checkIn("C1").on(daysAgo(2)).cancelled()));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.PAIRING, "P1");
            assertThat(f.evidence()).containsEntry("startDate", daysAgo(22)).containsEntry("daysSince", 22L)
                    .doesNotContainKey("lastHeldCheckIn");
            assertThat(f.message()).contains("22 days").contains("cadence is 14");
        }

        @Test
        void anyHeldTypeCountsAndTheLatestWins() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(200).with(
                    checkIn("C1").type(CheckInType.KICKOFF).on(daysAgo(100)),
                    checkIn("C2").type(CheckInType.REVIEW).on(daysAgo(3)),
                    checkIn("C3").on(daysAgo(60))))).isEmpty();
        }

        @Test
        void ignoresCheckInsAfterTheAsOfDate() {
            assertThat(RuleRun.only(RULE).single(roadmap().startedDaysAgo(200)
                    .with(checkIn("C1").on(daysAgo(30)), checkIn("C2").on(inDays(1)))).evidence())
                    .containsEntry("lastHeldCheckIn", daysAgo(30));
        }

        @Test
        void followsThePolicyFactorsInHundredths() {
            RuleRun twice = RuleRun.only(RULE).with(PolicyKey.CI_OVERDUE_FACTOR, "2")
                    .with(PolicyKey.CI_CRITICAL_FACTOR, "2.5");
            assertThat(twice.findings(roadmap().startedDaysAgo(200).with(checkIn("C1").on(daysAgo(28))))).isEmpty();
            assertThat(twice.single(roadmap().startedDaysAgo(200).with(checkIn("C1").on(daysAgo(29)))).severity())
                    .isEqualTo(Severity.WARNING);
            assertThat(twice.single(roadmap().startedDaysAgo(200).with(checkIn("C1").on(daysAgo(36)))).severity())
                    .isEqualTo(Severity.CRITICAL);
        }
    }

    @Nested
    class CiMissedStreak {
        static final String RULE = "CI-MISSED-STREAK";

        @Test
        void firesWhenTheLastTwoWereMissedOrCancelled() {
            Finding f = RuleRun.only(RULE).single(roadmap().startedDaysAgo(100).with(
                    checkIn("C1").on(daysAgo(40)), checkIn("C2").on(daysAgo(30)).missed(),
                    checkIn("C3").on(daysAgo(20)).missed(), checkIn("C4").on(daysAgo(10)).cancelled()));

            Expect.finding(f, RULE, Severity.WARNING, SubjectType.PAIRING, "P1");
            assertThat(f.audience()).isEqualTo(Audience.COORDINATOR);
            assertThat(f.evidence()).containsEntry("missedInARow", 3).containsEntry("since", daysAgo(30))
                    .containsEntry("checkIns", List.of("C2", "C3", "C4")).containsEntry("missedStreak", 2);
            assertThat(f.keyDate()).isEqualTo(daysAgo(30));
        }

        @Test
        void doesNotFireWithOnlyOneMissedAtTheEnd() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(
                    checkIn("C1").on(daysAgo(9)).missed(), checkIn("C2").on(daysAgo(5)), checkIn("C3").on(daysAgo(1)).missed())))
                    .isEmpty();
        }

        @Test
        void firesWhenEveryCheckInSoFarWasMissed() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(
                    checkIn("C1").on(daysAgo(9)).missed(), checkIn("C2").on(daysAgo(5)).cancelled()))).hasSize(1);
        }

        @Test
        void ordersCheckInsOfTheSameDateById() {
            CheckInBuilder heldFirst = checkIn("C1").on(daysAgo(2));
            CheckInBuilder missedSecond = checkIn("C2").on(daysAgo(2)).missed();
            assertThat(RuleRun.only(RULE).findings(roadmap().with(checkIn("C0").on(daysAgo(9)).missed(),
                    heldFirst, missedSecond))).isEmpty();

            CheckInBuilder missedFirst = checkIn("C1").on(daysAgo(2)).missed();
            CheckInBuilder heldSecond = checkIn("C2").on(daysAgo(2));
            assertThat(RuleRun.only(RULE).findings(roadmap().with(checkIn("C0").on(daysAgo(9)).missed(),
                    missedFirst, heldSecond))).isEmpty();

            assertThat(RuleRun.only(RULE).findings(roadmap().with(checkIn("C0").on(daysAgo(9)),
                    checkIn("C1").on(daysAgo(2)).missed(), checkIn("C2").on(daysAgo(2)).missed()))).hasSize(1);
        }

        @Test
        void comparesIdsAsText() {
            // "C10" sorts before "C9": the held C9 is the last check-in of the day, so no streak
            assertThat(RuleRun.only(RULE).findings(roadmap().with(checkIn("C8").on(daysAgo(9)).missed(),
                    checkIn("C10").on(daysAgo(2)).missed(), checkIn("C9").on(daysAgo(2))))).isEmpty();
        }

        @Test
        void ignoresCheckInsAfterTheAsOfDate() {
            assertThat(RuleRun.only(RULE).findings(roadmap().with(checkIn("C1").on(daysAgo(9)).missed(),
                    checkIn("C2").on(daysAgo(5)).missed(), checkIn("C3").on(inDays(1))))).hasSize(1);
        }

        @Test
        void followsThePolicyStreak() {
            RuleRun three = RuleRun.only(RULE).with(PolicyKey.CI_MISSED_STREAK, "3");
            assertThat(three.findings(roadmap().with(checkIn("C1").on(daysAgo(9)).missed(),
                    checkIn("C2").on(daysAgo(5)).missed()))).isEmpty();
        }
    }

    @Nested
    class CiOneWayFeedback {
        static final String RULE = "CI-ONE-WAY-FEEDBACK";

        @Test
        void firesWithThreeHeldCheckInsAndFeedbackOnlyToTheMentee() {
            Finding f = RuleRun.only(RULE).single(roadmap().startedDaysAgo(200).with(
                    checkIn("C1").on(daysAgo(89)).feedbackToMentee("Clear structure"),
                    checkIn("C2").on(daysAgo(40)),
                    checkIn("C3").on(daysAgo(5)).feedbackToMentee("Good questions"),
                    checkIn("C4").on(daysAgo(90)).feedbackToMentor("Outside the window"),
                    checkIn("C5").on(daysAgo(3)).missed().feedbackToMentor("Not held")));

            Expect.finding(f, RULE, Severity.INFO, SubjectType.PAIRING, "P1");
            assertThat(f.audience()).isEqualTo(Audience.MENTEE);
            assertThat(f.evidence()).containsEntry("heldCheckIns", 3).containsEntry("withFeedbackToMentee", 2L)
                    .containsEntry("windowDays", 90);
            assertThat(f.keyDate()).isEqualTo(daysAgo(89));
        }

        @Test
        void doesNotFireWithTwoHeldCheckInsInTheWindow() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(200).with(
                    checkIn("C1").on(daysAgo(90)).feedbackToMentee("Outside the window"),
                    checkIn("C2").on(daysAgo(40)).feedbackToMentee("Clear"),
                    checkIn("C3").on(daysAgo(5))))).isEmpty();
        }

        @Test
        void doesNotFireWhenTheMentorGotFeedbackToo() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(200).with(
                    checkIn("C1").on(daysAgo(60)).feedbackToMentee("Clear"),
                    checkIn("C2").on(daysAgo(40)),
                    checkIn("C3").on(daysAgo(5)).feedbackToMentor("More examples, please")))).isEmpty();
        }

        @Test
        void doesNotFireWithoutFeedbackToTheMentee() {
            assertThat(RuleRun.only(RULE).findings(roadmap().startedDaysAgo(200).with(
                    checkIn("C1").on(daysAgo(60)), checkIn("C2").on(daysAgo(40)), checkIn("C3").on(daysAgo(5))))).isEmpty();
        }

        @Test
        void followsThePolicyWindowAndMinimum() {
            RuleRun custom = RuleRun.only(RULE).with(PolicyKey.CI_FEEDBACK_WINDOW_DAYS, "30")
                    .with(PolicyKey.CI_FEEDBACK_MIN_HELD, "2");
            assertThat(custom.findings(roadmap().startedDaysAgo(200).with(
                    checkIn("C1").on(daysAgo(29)).feedbackToMentee("Clear"), checkIn("C2").on(daysAgo(5))))).hasSize(1);
            assertThat(custom.findings(roadmap().startedDaysAgo(200).with(
                    checkIn("C1").on(daysAgo(30)).feedbackToMentee("Clear"), checkIn("C2").on(daysAgo(5))))).isEmpty();
        }
    }
}
