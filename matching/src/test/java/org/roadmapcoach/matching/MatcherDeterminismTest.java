package org.roadmapcoach.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.matching.fixtures.Given.D;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.matching.fixtures.RandomCohort;

/**
 * The same cohort gives the same proposal whatever order its people and pairings come in. The cohorts are
 * full of ties (equal scores everywhere), where a solver could pick any of many optima.
 */
class MatcherDeterminismTest {

    static final int SHUFFLES = 6;

    @Test
    void shuffledPeopleAndPairingsGiveTheSameProposal() {
        // gap points only: every pair covering one gap scores the same
        MatchingSettings ties = new MatchingSettings(2, BigDecimal.valueOf(2), false, 10, 0, 0, 1, 2);
        for (long seed : new long[] {7, 8, 9}) {
            RandomCohort.Cohort cohort = RandomCohort.generate(new RandomCohort.Shape(600, 60, 150, 12, 3, 200), seed);
            for (MatchingSettings settings : List.of(ties, MatchingSettings.defaults())) {
                MatchProposal first = Matcher.propose(cohort.people(), cohort.pairings(), D, settings);
                assertThat(first.summary().matched()).isGreaterThan(100);
                assertThat(first.summary().unmatched()).isGreaterThan(10);
                Random random = new Random(seed);
                for (int run = 0; run < SHUFFLES; run++) {
                    List<Person> people = new ArrayList<>(cohort.people());
                    List<Pairing> pairings = new ArrayList<>(cohort.pairings());
                    Collections.shuffle(people, random);
                    Collections.shuffle(pairings, random);
                    assertThat(Matcher.propose(people, pairings, D, settings)).as("seed %d run %d", seed, run)
                            .isEqualTo(first);
                }
            }
        }
    }

    @Test
    void theSameInputTwiceGivesTheSameProposal() {
        RandomCohort.Cohort cohort = RandomCohort.generate(new RandomCohort.Shape(300, 0, 80, 8, 2, 50), 11);
        MatchProposal first = Matcher.propose(cohort.people(), cohort.pairings(), D, MatchingSettings.defaults());
        assertThat(Matcher.propose(cohort.people(), cohort.pairings(), D, MatchingSettings.defaults()))
                .isEqualTo(first);
    }
}
