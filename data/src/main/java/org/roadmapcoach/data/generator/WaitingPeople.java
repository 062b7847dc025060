package org.roadmapcoach.data.generator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * People for mentor matching (MATCHING.md): mentees with no pairing, and one mentor with free places (1 to 5,
 * with the hours for them) for every four of them. They draw on a random of their own, so that a cohort
 * generated with waiting people has the same pairings as one without.
 */
final class WaitingPeople {

    private WaitingPeople() {
    }

    /** Writes {@code count} waiting mentees ({@code EW000001}, ...) and ceil(count / 4) mentors ({@code MW000001}, ...). */
    static void write(CohortGenerator.Sink sink, int count, long seed) throws IOException {
        Random random = new Random(seed * 1_000_003L + 17);
        String format = "%0" + Math.max(6, String.valueOf(count).length()) + "d";
        int mentors = (count + 3) / 4;
        for (int i = 1; i <= mentors; i++) {
            String id = "MW" + String.format(format, i);
            String name = CohortGenerator.name(random);
            int places = 1 + random.nextInt(5);
            sink.add(Tables.PEOPLE, new Person(id, name, Role.MENTOR, PairingMaker.email(name, id),
                    Vocabulary.pick(random, Vocabulary.MENTOR_TITLES), Vocabulary.pick(random, Vocabulary.DEPARTMENTS),
                    names(random, Vocabulary.COMPETENCIES, 3 + random.nextInt(2)), List.of(),
                    "Take on new mentees this cycle.", 2 * places + random.nextInt(3), places));
        }
        for (int i = 1; i <= count; i++) {
            String id = "EW" + String.format(format, i);
            String name = CohortGenerator.name(random);
            List<String> gaps = new ArrayList<>(names(random, Vocabulary.TECHNICAL, 2));
            gaps.add(random.nextInt(3), Vocabulary.pick(random, Vocabulary.SOFT).name());
            List<String> strengths = names(random, Vocabulary.COMPETENCIES, 2);
            strengths.removeAll(gaps);
            String ambitions = random.nextInt(4) == 0 ? null
                    : String.format(Vocabulary.pick(random, Vocabulary.AMBITIONS),
                    Vocabulary.pick(random, Vocabulary.COMPETENCIES).name());
            sink.add(Tables.PEOPLE, new Person(id, name, Role.MENTEE, PairingMaker.email(name, id),
                    Vocabulary.pick(random, Vocabulary.MENTEE_TITLES), Vocabulary.pick(random, Vocabulary.DEPARTMENTS),
                    strengths, gaps, ambitions, null, null));
        }
    }

    private static List<String> names(Random random, List<Vocabulary.Competency> from, int count) {
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            String name = Vocabulary.pick(random, from).name();
            if (!chosen.contains(name)) {
                chosen.add(name);
            }
        }
        return chosen;
    }
}
