package org.roadmapcoach.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.matching.fixtures.Given.D;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.alg.matching.MaximumWeightBipartiteMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.PairingStatus;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.Role;
import org.roadmapcoach.matching.MatchProposal.Alternative;
import org.roadmapcoach.matching.MatchProposal.Pair;
import org.roadmapcoach.matching.MatchProposal.Unmatched;
import org.roadmapcoach.matching.fixtures.RandomCohort;

/**
 * Random cohorts checked against an independent exact answer: MATCHING.md's rules written out plainly (no
 * index, no arrays), and JGraphT's maximum-weight bipartite matching on a graph with one vertex per free
 * place of a mentor and weight BIG + score per eligible pair, BIG above any total score, so that its optimum
 * is the largest set first and the highest score second.
 */
class MatcherOracleTest {

    static final int SMALL = 400;
    static final int MEDIUM = 150;
    static final int TINY = 300;

    @Test
    void smallCohortsMatchTheIndependentOptimumInCountAndScore() {
        Map<UnmatchedReason, Integer> reasons = new java.util.EnumMap<>(UnmatchedReason.class);
        int matched = 0;
        for (int i = 0; i < SMALL; i++) {
            long seed = 1_000 + i;
            Random random = new Random(seed);
            RandomCohort.Shape shape = new RandomCohort.Shape(random.nextInt(13), random.nextInt(3),
                    random.nextInt(7), 3 + random.nextInt(6), 3, random.nextInt(6));
            MatchProposal proposal = check(RandomCohort.generate(shape, seed), settings(random), seed);
            matched += proposal.summary().matched();
            proposal.unmatched().forEach(u -> reasons.merge(u.reason(), 1, Integer::sum));
        }
        // the generator reaches every outcome
        assertThat(reasons).containsOnlyKeys(UnmatchedReason.values());
        assertThat(matched).isGreaterThan(SMALL);
    }

    @Test
    void mediumCohortsMatchTheIndependentOptimumInCountAndScore() {
        int matched = 0;
        int unmatched = 0;
        for (int i = 0; i < MEDIUM; i++) {
            long seed = 50_000 + i;
            Random random = new Random(seed);
            RandomCohort.Shape shape = new RandomCohort.Shape(20 + random.nextInt(50), random.nextInt(10),
                    5 + random.nextInt(20), 6 + random.nextInt(11), 1 + random.nextInt(4), random.nextInt(30));
            MatchProposal proposal = check(RandomCohort.generate(shape, seed), settings(random), seed);
            matched += proposal.summary().matched();
            unmatched += proposal.summary().unmatched();
        }
        assertThat(matched).isGreaterThan(10 * MEDIUM);
        assertThat(unmatched).isGreaterThan(5 * MEDIUM);
    }

    @Test
    void tinyCohortsMatchTheBruteForceOptimumInCountAndScore() {
        int matched = 0;
        for (int i = 0; i < TINY; i++) {
            long seed = 90_000 + i;
            Random random = new Random(seed);
            RandomCohort.Shape shape = new RandomCohort.Shape(1 + random.nextInt(7), random.nextInt(2),
                    1 + random.nextInt(4), 3 + random.nextInt(4), 2, random.nextInt(3));
            RandomCohort.Cohort cohort = RandomCohort.generate(shape, seed);
            MatchingSettings settings = settings(random);
            MatchProposal proposal = check(cohort, settings, seed);
            long[] best = new Reference(cohort.people(), cohort.pairings(), settings).bruteForce();
            assertThat(new long[] {proposal.summary().matched(), proposal.summary().totalScore()})
                    .as("seed " + seed + " with " + settings).containsExactly(best);
            matched += proposal.summary().matched();
        }
        assertThat(matched).isGreaterThan(TINY);
    }

    static MatchingSettings settings(Random random) {
        int minCovered = new int[] {1, 1, 1, 2, 2, 0}[random.nextInt(6)];
        String hours = new String[] {"2", "2", "1", "1.5", "3"}[random.nextInt(5)];
        return new MatchingSettings(random.nextInt(4), new BigDecimal(hours), random.nextInt(4) == 0,
                random.nextInt(13), random.nextInt(6), random.nextInt(5), minCovered, random.nextInt(4));
    }

    static MatchProposal check(RandomCohort.Cohort cohort, MatchingSettings settings, long seed) {
        // a few candidates per mentee in the first solve, so that proving the optimum adds the pairs it needs
        return check(cohort, settings, seed, 1 + (int) Math.floorMod(seed, 3L));
    }

    static MatchProposal check(RandomCohort.Cohort cohort, MatchingSettings settings, long seed, int arcsPerMentee) {
        Reference ref = new Reference(cohort.people(), cohort.pairings(), settings);
        MatchProposal proposal = Matcher.propose(cohort.people(), cohort.pairings(), D, settings, arcsPerMentee);
        String where = "seed " + seed + " with " + settings + ", " + arcsPerMentee + " arcs per mentee first";

        // who takes part
        Set<String> accounted = new TreeSet<>();
        proposal.proposals().forEach(p -> assertThat(accounted.add(p.menteeId())).as(where).isTrue());
        proposal.unmatched().forEach(u -> assertThat(accounted.add(u.menteeId())).as(where).isTrue());
        assertThat(accounted).as(where).isEqualTo(ref.waiting.keySet());
        long withPlaces = ref.free.values().stream().filter(f -> f > 0).count();
        assertThat(proposal.summary().mentorsWithPlaces()).as(where).isEqualTo((int) withPlaces);

        // every pair eligible, scored as the rules say, within the mentor's places
        Map<String, Integer> taken = new HashMap<>();
        long total = 0;
        for (Pair pair : proposal.proposals()) {
            Person e = ref.waiting.get(pair.menteeId());
            Person m = ref.mentors.get(pair.mentorId());
            assertThat(ref.eligible(e, m)).as(where + " " + pair).isTrue();
            assertThat(pair.score()).as(where + " " + pair).isEqualTo(ref.score(e, m));
            assertThat(pair.covered()).as(where).isEqualTo(ref.covered(e, m));
            assertThat(pair.ambition()).as(where).isEqualTo(ref.ambition(e, m));
            assertThat(pair.crossDepartment()).as(where).isEqualTo(ref.crossDepartment(e, m));
            taken.merge(m.id(), 1, Integer::sum);
            total += pair.score();
        }
        taken.forEach((m, n) -> assertThat(n).as(where + " places of " + m).isLessThanOrEqualTo(ref.free.get(m)));

        // the optimum: as many mentees, then as much score, as the independent solution
        long[] optimum = ref.optimum();
        assertThat(proposal.summary().matched()).as(where).isEqualTo(proposal.proposals().size())
                .isEqualTo((int) optimum[0]);
        assertThat(proposal.summary().totalScore()).as(where).isEqualTo(total).isEqualTo(optimum[1]);
        assertThat(proposal.summary().waiting()).as(where).isEqualTo(ref.waiting.size());
        assertThat(proposal.summary().unmatched()).as(where).isEqualTo(proposal.unmatched().size());

        // order: best first, then mentee id; the unmatched by mentee id
        assertThat(proposal.proposals()).as(where).isSortedAccordingTo(
                Comparator.comparingInt(Pair::score).reversed().thenComparing(Pair::menteeId));
        assertThat(proposal.unmatched()).as(where).isSortedAccordingTo(Comparator.comparing(Unmatched::menteeId));

        // alternatives: the best other eligible mentors with a place left after the proposal
        for (Pair pair : proposal.proposals()) {
            Person e = ref.waiting.get(pair.menteeId());
            List<Alternative> expected = ref.mentors.values().stream()
                    .filter(m -> !m.id().equals(pair.mentorId()) && ref.eligible(e, m)
                            && ref.free.get(m.id()) - taken.getOrDefault(m.id(), 0) > 0)
                    .map(m -> new Alternative(m.id(), ref.score(e, m), ref.free.get(m.id()) - taken.getOrDefault(m.id(), 0)))
                    .sorted(Comparator.comparingInt(Alternative::score).reversed().thenComparing(Alternative::mentorId))
                    .limit(settings.alternatives())
                    .toList();
            assertThat(pair.alternatives()).as(where + " " + pair.menteeId()).isEqualTo(expected);
        }

        // reasons
        for (Unmatched unmatched : proposal.unmatched()) {
            Person e = ref.waiting.get(unmatched.menteeId());
            assertThat(unmatched.reason()).as(where + " " + unmatched).isEqualTo(ref.reason(e));
            if (unmatched.reason() == UnmatchedReason.NO_PLACE) {
                // a largest set leaves no eligible mentor with a place for an unmatched mentee
                ref.mentors.values().stream().filter(m -> ref.eligible(e, m)).forEach(m -> assertThat(
                        ref.free.get(m.id()) - taken.getOrDefault(m.id(), 0)).as(where + " " + m.id()).isLessThanOrEqualTo(0));
            }
        }
        return proposal;
    }

    /** MATCHING.md written out plainly, one rule per method, over people and pairings as given. */
    static final class Reference {
        final MatchingSettings settings;
        final Map<String, Person> waiting = new TreeMap<>();
        final Map<String, Person> mentors = new TreeMap<>();
        final Map<String, Integer> free = new TreeMap<>();
        final Set<String> formerPairs = new HashSet<>();

        Reference(List<Person> people, List<Pairing> pairings, MatchingSettings settings) {
            this.settings = settings;
            Set<String> busyMentees = new HashSet<>();
            Map<String, Integer> busyMentors = new HashMap<>();
            for (Pairing p : pairings) {
                boolean busy = (p.status() == PairingStatus.ACTIVE || p.status() == PairingStatus.PAUSED)
                        && (p.endDate() == null || p.endDate().compareTo(D) >= 0);
                if (busy) {
                    busyMentees.add(p.menteeId());
                    busyMentors.merge(p.mentorId(), 1, Integer::sum);
                }
                formerPairs.add(p.menteeId() + "|" + p.mentorId());
                formerPairs.add(p.mentorId() + "|" + p.menteeId());
            }
            for (Person p : people) {
                if (p.role() == Role.MENTEE && !busyMentees.contains(p.id())) {
                    waiting.put(p.id(), p);
                }
                if (p.role() == Role.MENTOR) {
                    mentors.put(p.id(), p);
                    int places = p.maxMentees() == null ? settings.defaultMaxMentees() : p.maxMentees();
                    if (p.capacityHoursPerMonth() != null) {
                        int byHours = new BigDecimal(p.capacityHoursPerMonth())
                                .divide(settings.hoursPerMentee(), 0, RoundingMode.FLOOR).intValueExact();
                        places = Math.min(places, byHours);
                    }
                    free.put(p.id(), places - busyMentors.getOrDefault(p.id(), 0));
                }
            }
        }

        List<String> covered(Person e, Person m) {
            return new ArrayList<>(new LinkedHashSet<>(e.gaps().stream().filter(m.strengths()::contains).toList()));
        }

        List<String> ambition(Person e, Person m) {
            String text = e.ambitions() == null ? "" : e.ambitions().toLowerCase(Locale.ROOT);
            List<String> covered = covered(e, m);
            return new ArrayList<>(new LinkedHashSet<>(m.strengths().stream()
                    .filter(s -> !covered.contains(s) && text.contains(s.toLowerCase(Locale.ROOT))).toList()));
        }

        boolean crossDepartment(Person e, Person m) {
            String a = e.department() == null ? "" : e.department().trim();
            String b = m.department() == null ? "" : m.department().trim();
            return !a.isEmpty() && !b.isEmpty() && !a.equalsIgnoreCase(b);
        }

        int score(Person e, Person m) {
            return settings.gapPoints() * covered(e, m).size() + settings.ambitionPoints() * ambition(e, m).size()
                    + (crossDepartment(e, m) ? settings.crossDepartmentPoints() : 0);
        }

        boolean former(Person e, Person m) {
            return !settings.allowRepeat() && formerPairs.contains(e.id() + "|" + m.id());
        }

        boolean eligible(Person e, Person m) {
            return covered(e, m).size() >= settings.minCoveredGaps() && !former(e, m);
        }

        UnmatchedReason reason(Person e) {
            if (settings.minCoveredGaps() <= 0) {
                if (mentors.isEmpty()) {
                    return UnmatchedReason.NO_COVER;
                }
                return mentors.values().stream().allMatch(m -> former(e, m))
                        ? UnmatchedReason.NO_ELIGIBLE : UnmatchedReason.NO_PLACE;
            }
            if (e.gaps().isEmpty()) {
                return UnmatchedReason.NO_GAPS;
            }
            List<Person> covering = mentors.values().stream().filter(m -> !covered(e, m).isEmpty()).toList();
            if (covering.isEmpty()) {
                return UnmatchedReason.NO_COVER;
            }
            return covering.stream().anyMatch(m -> eligible(e, m)) ? UnmatchedReason.NO_PLACE
                    : UnmatchedReason.NO_ELIGIBLE;
        }

        /** {matched, total score} of the best of every set of eligible pairs within the places, tried one by one. */
        long[] bruteForce() {
            List<Person> mentees = new ArrayList<>(waiting.values());
            Map<String, Integer> left = new HashMap<>(free);
            long[] best = {0, 0};
            tryFrom(0, mentees, left, 0, 0, best);
            return best;
        }

        private void tryFrom(int i, List<Person> mentees, Map<String, Integer> left, long count, long score,
                             long[] best) {
            if (i == mentees.size()) {
                if (count > best[0] || count == best[0] && score > best[1]) {
                    best[0] = count;
                    best[1] = score;
                }
                return;
            }
            Person e = mentees.get(i);
            tryFrom(i + 1, mentees, left, count, score, best);
            for (Person m : mentors.values()) {
                if (left.get(m.id()) > 0 && eligible(e, m)) {
                    left.merge(m.id(), -1, Integer::sum);
                    tryFrom(i + 1, mentees, left, count + 1, score + score(e, m), best);
                    left.merge(m.id(), 1, Integer::sum);
                }
            }
        }

        /** {matched, total score} of a maximum-weight matching with weight BIG + score on places. */
        long[] optimum() {
            SimpleWeightedGraph<String, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
            Set<String> left = new HashSet<>();
            Set<String> right = new HashSet<>();
            long big = 1;
            for (Person e : waiting.values()) {
                for (Person m : mentors.values()) {
                    if (free.get(m.id()) > 0 && eligible(e, m)) {
                        big += score(e, m);
                    }
                }
            }
            Map<DefaultWeightedEdge, Integer> scores = new HashMap<>();
            for (Person e : waiting.values()) {
                for (Person m : mentors.values()) {
                    if (free.get(m.id()) <= 0 || !eligible(e, m)) {
                        continue;
                    }
                    String mentee = "e:" + e.id();
                    graph.addVertex(mentee);
                    left.add(mentee);
                    for (int place = 0; place < free.get(m.id()); place++) {
                        String slot = "m:" + m.id() + "#" + place;
                        graph.addVertex(slot);
                        right.add(slot);
                        DefaultWeightedEdge edge = graph.addEdge(mentee, slot);
                        graph.setEdgeWeight(edge, big + score(e, m));
                        scores.put(edge, score(e, m));
                    }
                }
            }
            Set<DefaultWeightedEdge> matching = new MaximumWeightBipartiteMatching<>(graph, left, right)
                    .getMatching().getEdges();
            return new long[] {matching.size(), matching.stream().mapToLong(scores::get).sum()};
        }
    }
}
