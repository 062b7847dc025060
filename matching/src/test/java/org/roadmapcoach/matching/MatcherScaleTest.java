package org.roadmapcoach.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.matching.fixtures.Given.D;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.matching.MatchProposal.Pair;
import org.roadmapcoach.matching.MatchProposal.Unmatched;
import org.roadmapcoach.matching.fixtures.RandomCohort;

/**
 * MATCHING.md's scale: 10,000 waiting mentees and 2,500 mentors with up to 5 places each. Asserts what can be
 * checked without a second exact solver at this size (every pair valid, places kept, no unmatched mentee left
 * beside an eligible mentor with a place), and prints the time taken; the oracle test covers optimality.
 */
class MatcherScaleTest {

    @Test
    void tenThousandWaitingMenteesAndTwoAndAHalfThousandMentorsGiveAValidMaximalProposal() {
        RandomCohort.Cohort cohort = RandomCohort.generate(
                new RandomCohort.Shape(10_000, 1_500, 2_500, 150, 5, 3_000), 2026);
        MatchingSettings settings = MatchingSettings.defaults();

        // load OR-Tools' native library (about 2 s, once per JVM) outside the time measured
        RandomCohort.Cohort tiny = RandomCohort.generate(new RandomCohort.Shape(20, 0, 5, 6, 2, 0), 1);
        assertThat(Matcher.propose(tiny.people(), tiny.pairings(), D, settings).summary().waiting()).isEqualTo(20);

        // the CPU time of this thread (the solver runs on it) says more than the wall time on a shared machine
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        MatchProposal proposal = Matcher.propose(cohort.people(), cohort.pairings(), D, settings);
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("matching scale: %,d waiting, %,d matched, %,d unmatched, %,d mentors with places,"
                        + " total score %,d in %,d ms (%,d ms of CPU)%n", proposal.summary().waiting(), proposal.summary().matched(),
                proposal.summary().unmatched(), proposal.summary().mentorsWithPlaces(),
                proposal.summary().totalScore(), millis, cpuMillis);

        MatcherOracleTest.Reference ref = new MatcherOracleTest.Reference(cohort.people(), cohort.pairings(), settings);
        assertThat(proposal.summary().waiting()).isEqualTo(10_000).isEqualTo(ref.waiting.size());
        assertThat(ref.mentors).hasSize(2_500);
        Map<String, Integer> taken = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (Pair pair : proposal.proposals()) {
            Person e = ref.waiting.get(pair.menteeId());
            Person m = ref.mentors.get(pair.mentorId());
            assertThat(e).as(pair.menteeId()).isNotNull();
            assertThat(seen.add(e.id())).isTrue();
            assertThat(ref.eligible(e, m)).as(pair.toString()).isTrue();
            assertThat(pair.score()).isEqualTo(ref.score(e, m));
            taken.merge(m.id(), 1, Integer::sum);
            total += pair.score();
        }
        taken.forEach((m, n) -> assertThat(n).as(m).isLessThanOrEqualTo(ref.free.get(m)));
        assertThat(proposal.summary().totalScore()).isEqualTo(total);
        assertThat(proposal.summary().matched() + proposal.summary().unmatched()).isEqualTo(10_000);
        assertThat(proposal.summary().matched()).isGreaterThan(3_000);

        // maximal: every mentor with a place left is ineligible for every unmatched mentee
        for (Person m : ref.mentors.values()) {
            if (ref.free.get(m.id()) - taken.getOrDefault(m.id(), 0) <= 0) {
                continue;
            }
            for (Unmatched unmatched : proposal.unmatched()) {
                assertThat(ref.eligible(ref.waiting.get(unmatched.menteeId()), m))
                        .as(unmatched.menteeId() + " and " + m.id()).isFalse();
            }
        }
    }
}
