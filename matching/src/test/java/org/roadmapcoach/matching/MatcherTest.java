package org.roadmapcoach.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roadmapcoach.matching.fixtures.Given.D;
import static org.roadmapcoach.matching.fixtures.Given.coordinator;
import static org.roadmapcoach.matching.fixtures.Given.mentee;
import static org.roadmapcoach.matching.fixtures.Given.mentor;
import static org.roadmapcoach.matching.fixtures.Given.pairing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.PairingStatus;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.matching.MatchProposal.Alternative;
import org.roadmapcoach.matching.MatchProposal.Pair;
import org.roadmapcoach.matching.MatchProposal.Unmatched;

/** One focused group of tests per rule of docs/MATCHING.md. */
class MatcherTest {

    static final MatchingSettings DEFAULTS = MatchingSettings.defaults();

    static MatchProposal propose(List<Person> people, List<Pairing> pairings) {
        return Matcher.propose(people, pairings, D, DEFAULTS);
    }

    static MatchProposal propose(List<Person> people, List<Pairing> pairings, MatchingSettings settings) {
        return Matcher.propose(people, pairings, D, settings);
    }

    static MatchingSettings settings(int defaultMaxMentees, String hoursPerMentee, boolean allowRepeat,
                                     int gapPoints, int ambitionPoints, int crossDepartmentPoints,
                                     int minCoveredGaps, int alternatives) {
        return new MatchingSettings(defaultMaxMentees, new BigDecimal(hoursPerMentee), allowRepeat, gapPoints,
                ambitionPoints, crossDepartmentPoints, minCoveredGaps, alternatives);
    }

    static Map<String, String> mentorOf(MatchProposal proposal) {
        return proposal.proposals().stream().collect(Collectors.toMap(Pair::menteeId, Pair::mentorId));
    }

    static Pair pairOf(MatchProposal proposal, String menteeId) {
        return proposal.proposals().stream().filter(p -> p.menteeId().equals(menteeId)).findFirst().orElseThrow();
    }

    static Unmatched unmatchedOf(MatchProposal proposal, String menteeId) {
        return proposal.unmatched().stream().filter(u -> u.menteeId().equals(menteeId)).findFirst().orElseThrow();
    }

    static List<String> waitingIds(MatchProposal proposal) {
        return java.util.stream.Stream.concat(proposal.proposals().stream().map(Pair::menteeId),
                proposal.unmatched().stream().map(Unmatched::menteeId)).sorted().toList();
    }

    @Test
    void settingsDefaultsAreThoseOfTheSpec() {
        assertThat(MatchingSettings.defaults()).isEqualTo(settings(2, "2", false, 10, 3, 2, 1, 2));
    }

    @Test
    void settingsRejectNegativePoints() {
        assertThatThrownBy(() -> settings(2, "2", false, 10, -3, 2, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matching points must be 0 or more");
    }

    @Test
    void settingsComeFromTheCohortsPolicyKeys() {
        Policy policy = Policy.defaults().with(PolicyKey.MATCH_ALLOW_REPEAT, java.math.BigDecimal.ONE)
                .with(PolicyKey.MATCH_HOURS_PER_MENTEE, new java.math.BigDecimal("1.5"))
                .with(PolicyKey.MATCH_ALTERNATIVES, java.math.BigDecimal.ZERO);
        assertThat(MatchingSettings.of(Policy.defaults())).isEqualTo(MatchingSettings.defaults());
        assertThat(MatchingSettings.of(policy)).isEqualTo(settings(2, "1.5", true, 10, 3, 2, 1, 0));
    }

    @Test
    void settingsRejectAHoursPerMenteeOfZero() {
        assertThatThrownBy(() -> settings(2, "0", false, 10, 3, 2, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matching.hoursPerMentee");
    }

    @Test
    void aPersonIdGivenTwiceIsRejected() {
        List<Person> people = List.of(mentee("E1").gaps("sql").build(), mentor("E1").strengths("sql").build());
        assertThatThrownBy(() -> propose(people, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("E1");
    }

    @Test
    void anEmptyCohortGivesAnEmptyProposal() {
        MatchProposal proposal = propose(List.of(), List.of());
        assertThat(proposal.summary()).isEqualTo(new MatchProposal.Summary(0, 0, 0, 0, 0));
        assertThat(proposal.proposals()).isEmpty();
        assertThat(proposal.unmatched()).isEmpty();
    }

    @Nested
    class WaitingMentees {

        final Person m1 = mentor("M1").strengths("sql").maxMentees(5).build();

        @Test
        void aMenteeWithAnActivePairingIsNotWaiting() {
            MatchProposal proposal = propose(List.of(mentee("E1").gaps("sql").build(), m1),
                    List.of(pairing("E1", "M9").build()));
            assertThat(proposal.summary().waiting()).isZero();
            assertThat(proposal.proposals()).isEmpty();
        }

        @Test
        void aMenteeWithAPausedPairingIsNotWaiting() {
            MatchProposal proposal = propose(List.of(mentee("E1").gaps("sql").build(), m1),
                    List.of(pairing("E1", "M9").status(PairingStatus.PAUSED).build()));
            assertThat(proposal.summary().waiting()).isZero();
        }

        @Test
        void aPairingEndingOnTheDateIsStillBusyButOneEndedTheDayBeforeIsNot() {
            List<Person> people = List.of(mentee("E1").gaps("sql").build(), mentee("E2").gaps("sql").build(), m1);
            MatchProposal proposal = propose(people, List.of(
                    pairing("E1", "M9").end(D).build(),
                    pairing("E2", "M9").status(PairingStatus.PAUSED).end(D.minusDays(1)).build()));
            assertThat(waitingIds(proposal)).containsExactly("E2");
        }

        @Test
        void anActivePairingThatStartsAfterTheDateIsBusy() {
            MatchProposal proposal = propose(List.of(mentee("E1").gaps("sql").build(), m1),
                    List.of(pairing("E1", "M9").start(D.plusDays(10)).build()));
            assertThat(proposal.summary().waiting()).isZero();
        }

        @Test
        void aClosedPairingDoesNotMakeAMenteeBusyWhateverItsEndDate() {
            List<Person> people = List.of(mentee("E1").gaps("sql").build(), mentee("E2").gaps("sql").build(), m1);
            MatchProposal proposal = propose(people, List.of(
                    pairing("E1", "M9").status(PairingStatus.CLOSED).build(),
                    pairing("E2", "M9").status(PairingStatus.CLOSED).end(D.plusDays(30)).build()));
            assertThat(waitingIds(proposal)).containsExactly("E1", "E2");
            assertThat(mentorOf(proposal)).containsOnly(Map.entry("E1", "M1"), Map.entry("E2", "M1"));
        }

        @Test
        void onlyMenteesWait() {
            MatchProposal proposal = propose(List.of(coordinator("C1").gaps("sql").build(),
                    mentor("M2").gaps("sql").build(), m1), List.of());
            assertThat(proposal.summary().waiting()).isZero();
        }
    }

    @Nested
    class FreePlaces {

        static List<Person> menteesWithGap(int count, String gap) {
            return java.util.stream.IntStream.rangeClosed(1, count)
                    .mapToObj(i -> mentee("E" + i).gaps(gap).build()).toList();
        }

        static List<Person> with(List<Person> mentees, Person... mentors) {
            List<Person> people = new java.util.ArrayList<>(mentees);
            people.addAll(List.of(mentors));
            return people;
        }

        @Test
        void aMentorWithoutMaxMenteesTakesTheDefaultOfTwo() {
            MatchProposal proposal = propose(with(menteesWithGap(4, "sql"), mentor("M1").strengths("sql").build()),
                    List.of());
            assertThat(proposal.summary().matched()).isEqualTo(2);
        }

        @Test
        void theDefaultMaxMenteesComesFromTheSettings() {
            MatchProposal proposal = propose(with(menteesWithGap(4, "sql"), mentor("M1").strengths("sql").build()),
                    List.of(), settings(3, "2", false, 10, 3, 2, 1, 2));
            assertThat(proposal.summary().matched()).isEqualTo(3);
        }

        @Test
        void freePlacesAreMaxMenteesMinusBusyPairings() {
            Person m1 = mentor("M1").strengths("sql").maxMentees(3).build();
            MatchProposal proposal = propose(with(menteesWithGap(4, "sql"), m1),
                    List.of(pairing("X1", "M1").build(), pairing("X2", "M1").status(PairingStatus.CLOSED).build()));
            assertThat(proposal.summary().matched()).isEqualTo(2);
        }

        @Test
        void capacityCapsThePlacesAtFloorOfHoursOverHoursPerMentee() {
            Person m1 = mentor("M1").strengths("sql").maxMentees(5).capacityHoursPerMonth(5).build();
            MatchProposal proposal = propose(with(menteesWithGap(4, "sql"), m1), List.of());
            assertThat(proposal.summary().matched()).isEqualTo(2);
        }

        @Test
        void busyPairingsCountAgainstTheCapacityCapToo() {
            Person m1 = mentor("M1").strengths("sql").maxMentees(5).capacityHoursPerMonth(5).build();
            MatchProposal proposal = propose(with(menteesWithGap(4, "sql"), m1),
                    List.of(pairing("X1", "M1").status(PairingStatus.PAUSED).build()));
            assertThat(proposal.summary().matched()).isEqualTo(1);
        }

        @Test
        void capacityNeverRaisesThePlacesAboveMaxMentees() {
            Person m1 = mentor("M1").strengths("sql").maxMentees(1).capacityHoursPerMonth(40).build();
            assertThat(propose(with(menteesWithGap(3, "sql"), m1), List.of()).summary().matched()).isEqualTo(1);
        }

        @Test
        void capacityCapsTheDefaultMaxMenteesToo() {
            Person m1 = mentor("M1").strengths("sql").capacityHoursPerMonth(3).build();
            assertThat(propose(with(menteesWithGap(3, "sql"), m1), List.of()).summary().matched()).isEqualTo(1);
        }

        @Test
        void hoursPerMenteeMayBeADecimal() {
            Person m1 = mentor("M1").strengths("sql").maxMentees(5).capacityHoursPerMonth(5).build();
            MatchProposal proposal = propose(with(menteesWithGap(5, "sql"), m1), List.of(),
                    settings(2, "1.5", false, 10, 3, 2, 1, 2));
            assertThat(proposal.summary().matched()).isEqualTo(3);
        }

        @Test
        void aMentorWithZeroOrFewerFreePlacesTakesNobodyAndHasNoPlaces() {
            Person full = mentor("M1").strengths("sql").maxMentees(1).build();
            Person zeroCapacity = mentor("M2").strengths("sql").capacityHoursPerMonth(1).build();
            Person open = mentor("M3").strengths("ux").build();
            MatchProposal proposal = propose(with(menteesWithGap(1, "sql"), full, zeroCapacity, open),
                    List.of(pairing("X1", "M1").build(), pairing("X2", "M1").build()));
            assertThat(proposal.proposals()).isEmpty();
            assertThat(proposal.summary().mentorsWithPlaces()).isEqualTo(1);
            Unmatched e1 = unmatchedOf(proposal, "E1");
            assertThat(e1.reason()).isEqualTo(UnmatchedReason.NO_PLACE);
            assertThat(e1.detail()).contains("M1 has no free place (1 place, 2 busy pairings)")
                    .contains("M2 has no free place (0 places by 1 hours a month at 2 per mentee, 0 busy pairings)");
        }
    }

    @Nested
    class Repeats {

        final List<Person> people = List.of(mentee("E1").gaps("sql").build(), mentor("M1").strengths("sql").build());
        final List<Pairing> closedBefore = List.of(pairing("E1", "M1").status(PairingStatus.CLOSED)
                .start(D.minusYears(1)).end(D.minusMonths(6)).build());

        @Test
        void aFormerPartnerIsNeverProposedAgain() {
            MatchProposal proposal = propose(people, closedBefore);
            assertThat(proposal.proposals()).isEmpty();
            Unmatched e1 = unmatchedOf(proposal, "E1");
            assertThat(e1.reason()).isEqualTo(UnmatchedReason.NO_ELIGIBLE);
            assertThat(e1.detail()).isEqualTo("mentors cover a gap, but none is eligible: "
                    + "M1 covers sql but is a former partner");
        }

        @Test
        void aMentorWhoOnceWasThisMenteesMenteeIsAFormerPartnerToo() {
            List<Pairing> theOtherWayRound = List.of(pairing("M1", "E1").status(PairingStatus.CLOSED)
                    .start(D.minusYears(2)).end(D.minusYears(1)).build());
            MatchProposal proposal = propose(people, theOtherWayRound);
            assertThat(proposal.proposals()).isEmpty();
            assertThat(unmatchedOf(proposal, "E1").reason()).isEqualTo(UnmatchedReason.NO_ELIGIBLE);
        }

        @Test
        void allowRepeatLiftsTheExclusion() {
            MatchProposal proposal = propose(people, closedBefore, settings(2, "2", true, 10, 3, 2, 1, 2));
            assertThat(mentorOf(proposal)).containsExactly(Map.entry("E1", "M1"));
        }

        @Test
        void aFormerPartnerIsNoAlternative() {
            List<Person> three = List.of(mentee("E1").gaps("sql", "ux").build(),
                    mentor("M1").strengths("sql", "ux").build(), mentor("M2").strengths("sql").build(),
                    mentor("M3").strengths("sql", "ux").build());
            MatchProposal proposal = propose(three, List.of(pairing("E1", "M3").status(PairingStatus.CLOSED).build()));
            assertThat(pairOf(proposal, "E1").alternatives()).extracting(Alternative::mentorId).containsExactly("M2");
        }
    }

    @Nested
    class Score {

        @Test
        void eachCoveredGapScoresGapPointsAndIsListedInTheMenteesOrder() {
            MatchProposal proposal = propose(List.of(mentee("E1").gaps("ux", "sql", "java").build(),
                    mentor("M1").strengths("sql", "go", "ux").build()), List.of());
            Pair pair = pairOf(proposal, "E1");
            assertThat(pair.score()).isEqualTo(20);
            assertThat(pair.covered()).containsExactly("ux", "sql");
            assertThat(pair.ambition()).isEmpty();
            assertThat(pair.crossDepartment()).isFalse();
        }

        @Test
        void ambitionScoresOtherStrengthsFoundInTheAmbitionsIgnoringCaseAndAsSubstrings() {
            Person e1 = mentee("E1").gaps("sql").ambitions("Lead a KUBERNETES platform team; SQL guru").build();
            Person m1 = mentor("M1").strengths("sql", "kubernetes", "go", "platform team", "lead").build();
            Pair pair = pairOf(propose(List.of(e1, m1), List.of()), "E1");
            // sql is covered, so it scores as a gap only; "go" appears nowhere; "lead" is a substring of "Lead"
            assertThat(pair.covered()).containsExactly("sql");
            assertThat(pair.ambition()).containsExactly("kubernetes", "platform team", "lead");
            assertThat(pair.score()).isEqualTo(10 + 3 * 3);
        }

        @Test
        void aStrengthInsideALongerWordOfTheAmbitionsCounts() {
            Person e1 = mentee("E1").gaps("sql").ambitions("Leadership").build();
            Person m1 = mentor("M1").strengths("sql", "lead").build();
            assertThat(pairOf(propose(List.of(e1, m1), List.of()), "E1").ambition()).containsExactly("lead");
        }

        @Test
        void differentDepartmentsScoreCrossDepartmentPoints() {
            Person e1 = mentee("E1").gaps("sql").department("Sales").build();
            Person m1 = mentor("M1").strengths("sql").department("Engineering").build();
            Pair pair = pairOf(propose(List.of(e1, m1), List.of()), "E1");
            assertThat(pair.crossDepartment()).isTrue();
            assertThat(pair.score()).isEqualTo(12);
        }

        @Test
        void departmentsDifferingOnlyInCaseAreTheSame() {
            Person e1 = mentee("E1").gaps("sql").department("Sales").build();
            Person m1 = mentor("M1").strengths("sql").department("SALES").build();
            Pair pair = pairOf(propose(List.of(e1, m1), List.of()), "E1");
            assertThat(pair.crossDepartment()).isFalse();
            assertThat(pair.score()).isEqualTo(10);
        }

        @Test
        void anEmptyDepartmentIsNeverCrossDepartment() {
            Person e1 = mentee("E1").gaps("sql").department("Sales").build();
            Person e2 = mentee("E2").gaps("sql").department("").build();
            Person m1 = mentor("M1").strengths("sql").build();
            Person m2 = mentor("M2").strengths("sql").department("Engineering").build();
            MatchProposal proposal = propose(List.of(e1, e2, m1, m2), List.of(),
                    settings(1, "2", false, 10, 3, 2, 1, 2));
            // E1 with M2 is the only cross-department pair; E2 with M1 the only other place
            assertThat(mentorOf(proposal)).containsOnly(Map.entry("E1", "M2"), Map.entry("E2", "M1"));
            assertThat(pairOf(proposal, "E2").crossDepartment()).isFalse();
            assertThat(proposal.summary().totalScore()).isEqualTo(22);
        }

        @Test
        void pointValuesComeFromTheSettings() {
            Person e1 = mentee("E1").gaps("sql", "ux").ambitions("go").department("a").build();
            Person m1 = mentor("M1").strengths("sql", "ux", "go").department("b").build();
            Pair pair = pairOf(propose(List.of(e1, m1), List.of(), settings(2, "2", false, 7, 5, 1, 1, 2)), "E1");
            assertThat(pair.score()).isEqualTo(2 * 7 + 5 + 1);
        }
    }

    @Nested
    class Eligibility {

        final Person e1 = mentee("E1").gaps("sql", "ux", "java").build();
        final Person oneGap = mentor("M1").strengths("sql", "go").build();
        final Person twoGaps = mentor("M2").strengths("sql", "ux").build();

        @Test
        void aPairCoveringOneGapIsEligibleByDefault() {
            assertThat(mentorOf(propose(List.of(e1, oneGap), List.of()))).containsExactly(Map.entry("E1", "M1"));
        }

        @Test
        void minCoveredGapsOfZeroMakesEveryPairThatIsNoRepeatEligible() {
            Person noGaps = mentee("E2").build();
            MatchProposal proposal = propose(List.of(e1, noGaps, mentor("M3").strengths("go").maxMentees(1).build()),
                    List.of(), settings(2, "2", false, 10, 3, 2, 0, 2));
            assertThat(proposal.summary().matched()).isEqualTo(1);
            assertThat(proposal.proposals().get(0).score()).isZero();
            assertThat(proposal.unmatched()).extracting(Unmatched::reason).containsExactly(UnmatchedReason.NO_PLACE);
        }

        @Test
        void aPairCoveringFewerGapsThanMinCoveredGapsIsNotEligible() {
            MatchingSettings two = settings(2, "2", false, 10, 3, 2, 2, 2);
            MatchProposal proposal = propose(List.of(e1, oneGap, twoGaps), List.of(), two);
            assertThat(mentorOf(proposal)).containsExactly(Map.entry("E1", "M2"));
            assertThat(pairOf(proposal, "E1").alternatives()).isEmpty();

            Unmatched alone = unmatchedOf(propose(List.of(e1, oneGap), List.of(), two), "E1");
            assertThat(alone.reason()).isEqualTo(UnmatchedReason.NO_ELIGIBLE);
            assertThat(alone.detail()).isEqualTo("mentors cover a gap, but none is eligible: "
                    + "M1 covers only sql, fewer than the 2 gaps required");
        }
    }

    @Nested
    class UnmatchedReasons {

        @Test
        void aMenteeWithoutGapsIsNoGaps() {
            Unmatched e1 = unmatchedOf(propose(List.of(mentee("E1").build(), mentor("M1").strengths("sql").build()),
                    List.of()), "E1");
            assertThat(e1.reason()).isEqualTo(UnmatchedReason.NO_GAPS);
            assertThat(e1.reason().code()).isEqualTo("no-gaps");
            assertThat(e1.detail()).isEqualTo("lists no gaps, so no mentor can cover one");
        }

        @Test
        void aMenteeWhoseGapsNoMentorHasIsNoCoverNamingTheGaps() {
            Unmatched e1 = unmatchedOf(propose(List.of(mentee("E1").gaps("rust", "ux").build(),
                    mentor("M1").strengths("sql").build()), List.of()), "E1");
            assertThat(e1.reason()).isEqualTo(UnmatchedReason.NO_COVER);
            assertThat(e1.reason().code()).isEqualTo("no-cover");
            assertThat(e1.detail()).isEqualTo("no mentor has a strength among the gaps: rust, ux");
        }

        @Test
        void noEligibleNamesEveryCoveringMentorAndWhy() {
            List<Person> people = List.of(mentee("E1").gaps("sql", "ux").build(),
                    mentor("M1").strengths("sql").build(), mentor("M2").strengths("ux", "sql").build(),
                    mentor("M3").strengths("ux").build(), mentor("M4").strengths("go").build());
            MatchProposal proposal = propose(people, List.of(pairing("E1", "M2").status(PairingStatus.CLOSED).build(),
                    pairing("E1", "M3").status(PairingStatus.CLOSED).build()), settings(2, "2", false, 10, 3, 2, 2, 2));
            Unmatched e1 = unmatchedOf(proposal, "E1");
            assertThat(e1.reason().code()).isEqualTo("no-eligible");
            assertThat(e1.detail()).isEqualTo("mentors cover a gap, but none is eligible: "
                    + "M1 covers only sql, fewer than the 2 gaps required; "
                    + "M2 covers sql, ux but is a former partner; "
                    + "M3 covers only ux, fewer than the 2 gaps required, and is a former partner");
        }

        @Test
        void aCoveringMentorWithoutAFreePlaceMakesItNoPlaceNotNoCover() {
            MatchProposal proposal = propose(List.of(mentee("E1").gaps("sql").build(),
                    mentor("M1").strengths("sql").maxMentees(0).build()), List.of());
            Unmatched e1 = unmatchedOf(proposal, "E1");
            assertThat(e1.reason().code()).isEqualTo("no-place");
            assertThat(e1.detail()).isEqualTo("the mentors who cover a gap have no place left: "
                    + "M1 has no free place (0 places, 0 busy pairings)");
        }

        @Test
        void noPlaceNamesTheMentorsAndTheMenteesWhoTookTheirPlaces() {
            List<Person> people = List.of(mentee("E1").gaps("sql", "ux").build(),
                    mentee("E2").gaps("sql").department("Sales").build(), mentee("E3").gaps("sql").build(),
                    mentor("M1").strengths("sql", "ux").maxMentees(2).department("Engineering").build(),
                    mentor("M2").strengths("ux").maxMentees(1).build());
            MatchProposal proposal = propose(people, List.of(pairing("X1", "M2").build()));
            // M1's two places take two of the three: E1 (20) and E2 (12, cross-department) score more than E3 (10)
            assertThat(proposal.summary().matched()).isEqualTo(2);
            assertThat(mentorOf(proposal)).containsEntry("E1", "M1").containsEntry("E2", "M1");
            Unmatched e3 = unmatchedOf(proposal, "E3");
            assertThat(e3.reason()).isEqualTo(UnmatchedReason.NO_PLACE);
            assertThat(e3.detail()).isEqualTo("the mentors who cover a gap have no place left: "
                    + "M1's 2 free places went to E1, E2. "
                    + "Any arrangement that matched this mentee would leave another mentee unmatched");
        }

        @Test
        void noPlaceWithMoreThanTenMentorsNamesEveryOneById() {
            List<Person> people = new java.util.ArrayList<>(List.of(mentee("E1").gaps("sql").build()));
            for (int i = 10; i < 22; i++) {
                people.add(mentor("M" + i).strengths("sql").maxMentees(i < 16 ? 0 : 1).department("b").build());
            }
            for (int i = 16; i < 22; i++) {
                people.add(mentee("T" + i).gaps("sql").department("a").build());
            }
            // the T mentees score 12 with any of the six free mentors (cross-department), E1 only 10
            Unmatched e1 = unmatchedOf(propose(people, List.of()), "E1");
            assertThat(e1.reason()).isEqualTo(UnmatchedReason.NO_PLACE);
            assertThat(e1.detail()).isEqualTo("the mentors who cover a gap have no place left: 12 mentors; "
                    + "no free place: M10, M11, M12, M13, M14, M15; "
                    + "every free place taken by this proposal: M16, M17, M18, M19, M20, M21. "
                    + "Any arrangement that matched this mentee would leave another mentee unmatched");
        }

        @Test
        void reasonsAreCheckedInTheSpecsOrder() {
            // a mentee whose only covering mentor is both full and a former partner is no-eligible, not no-place
            MatchProposal proposal = propose(List.of(mentee("E1").gaps("sql").build(),
                    mentor("M1").strengths("sql").maxMentees(1).build()),
                    List.of(pairing("E1", "M1").status(PairingStatus.CLOSED).build(), pairing("X1", "M1").build()));
            assertThat(unmatchedOf(proposal, "E1").reason()).isEqualTo(UnmatchedReason.NO_ELIGIBLE);
        }

        @Test
        void unmatchedMenteesAreListedByMenteeId() {
            List<Person> people = List.of(mentee("E3").build(), mentee("E1").gaps("rust").build(),
                    mentee("E2").build(), mentor("M1").strengths("sql").build());
            assertThat(propose(people, List.of()).unmatched()).extracting(Unmatched::menteeId)
                    .containsExactly("E1", "E2", "E3");
        }
    }

    @Nested
    class Alternatives {

        final List<Person> people = List.of(
                mentee("E1").gaps("sql", "ux").ambitions("go").department("a").build(),
                mentee("E2").gaps("java").build(),
                mentor("M1").strengths("sql", "ux", "go").department("b").build(), // E1: 20 + 3 + 2 = 25
                mentor("M2").strengths("sql", "java").maxMentees(1).build(),          // E1: 10, E2: 10
                mentor("M3").strengths("ux").maxMentees(3).build(),                   // E1: 10
                mentor("M4").strengths("sql", "go").build(),                          // E1: 10 + 3 = 13
                mentor("M5").strengths("sql").build());                               // E1: 10

        @Test
        void alternativesAreOtherEligibleMentorsWithAPlaceLeftBestScoreFirstThenMentorId() {
            MatchProposal proposal = propose(people, List.of(pairing("X1", "M3").build()));
            Pair e1 = pairOf(proposal, "E1");
            assertThat(e1.mentorId()).isEqualTo("M1");
            // M2's only place went to E2, so it is no alternative; M3 and M5 tie at 10 and M3 comes first
            assertThat(e1.alternatives()).containsExactly(new Alternative("M4", 13, 2), new Alternative("M3", 10, 2));
        }

        @Test
        void alternativesAreCappedBySettingsAndShowThePlacesLeftAfterTheProposal() {
            MatchProposal three = propose(people, List.of(), settings(2, "2", false, 10, 3, 2, 1, 3));
            assertThat(pairOf(three, "E1").alternatives()).containsExactly(new Alternative("M4", 13, 2),
                    new Alternative("M3", 10, 3), new Alternative("M5", 10, 2));
            MatchProposal none = propose(people, List.of(), settings(2, "2", false, 10, 3, 2, 1, 0));
            assertThat(pairOf(none, "E1").alternatives()).isEmpty();
        }

        @Test
        void aMentorWhosePlacesTheProposalFillsIsNoAlternative() {
            List<Person> twoMentees = List.of(mentee("E1").gaps("sql").build(), mentee("E2").gaps("sql", "ux").build(),
                    mentor("M1").strengths("sql").maxMentees(1).build(),
                    mentor("M2").strengths("sql", "ux").maxMentees(1).build());
            MatchProposal proposal = propose(twoMentees, List.of());
            assertThat(mentorOf(proposal)).containsOnly(Map.entry("E1", "M1"), Map.entry("E2", "M2"));
            assertThat(proposal.proposals()).allSatisfy(p -> assertThat(p.alternatives()).isEmpty());
        }
    }

    @Nested
    class TheProposal {

        @Test
        void matchingMoreMenteesBeatsAHigherScore() {
            // E1 with M1 alone scores 30, more than the two pairs below together, but leaves E2 unmatched
            List<Person> people = List.of(mentee("E1").gaps("sql", "ux", "java").build(),
                    mentee("E2").gaps("sql").build(),
                    mentor("M1").strengths("sql", "ux", "java").maxMentees(1).build(),
                    mentor("M2").strengths("java").maxMentees(1).build());
            MatchProposal proposal = propose(people, List.of());
            assertThat(mentorOf(proposal)).containsOnly(Map.entry("E1", "M2"), Map.entry("E2", "M1"));
            assertThat(proposal.summary().totalScore()).isEqualTo(20);
        }

        @Test
        void amongTheLargestSetsTheHighestTotalScoreWins() {
            List<Person> people = List.of(mentee("E1").gaps("sql", "ux").build(), mentee("E2").gaps("sql").build(),
                    mentor("M1").strengths("sql", "ux").maxMentees(1).build(),
                    mentor("M2").strengths("sql", "ux").maxMentees(1).build(),
                    mentor("M3").strengths("sql").maxMentees(1).build());
            MatchProposal proposal = propose(people, List.of());
            assertThat(proposal.summary().matched()).isEqualTo(2);
            assertThat(proposal.summary().totalScore()).isEqualTo(30);
            assertThat(pairOf(proposal, "E1").mentorId()).isIn("M1", "M2");
        }

        @Test
        void proposalsAreOrderedByScoreThenMenteeId() {
            List<Person> people = List.of(mentee("E3").gaps("sql").build(), mentee("E1").gaps("sql").build(),
                    mentee("E2").gaps("sql", "ux").build(), mentor("M1").strengths("sql", "ux").maxMentees(3).build());
            assertThat(propose(people, List.of()).proposals()).extracting(Pair::menteeId)
                    .containsExactly("E2", "E1", "E3");
        }

        @Test
        void theSummaryCountsWaitingMatchedUnmatchedMentorsWithPlacesAndTheTotal() {
            List<Person> people = List.of(mentee("E1").gaps("sql").build(), mentee("E2").gaps("sql").build(),
                    mentee("E3").gaps("sql").build(), mentee("E4").build(), mentee("E5").gaps("sql").build(),
                    mentor("M1").strengths("sql").maxMentees(2).department("x").build(),
                    mentor("M2").strengths("ux").build(), mentor("M3").strengths("sql").maxMentees(1).build(),
                    coordinator("C1").build());
            MatchProposal proposal = propose(people, List.of(pairing("E5", "M3").build()));
            assertThat(proposal.summary()).isEqualTo(new MatchProposal.Summary(4, 2, 2, 2, 20));
        }
    }
}
