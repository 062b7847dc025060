package org.roadmapcoach.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.PairingStatus;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * Who takes part in matching as of a date (MATCHING.md, "Who takes part"), indexed for the search: the
 * waiting mentees and every mentor, each sorted by id so that the same cohort always gives the same
 * indexes whatever order the lists came in; strengths and gaps as ids of one vocabulary.
 */
final class Roster {

    final MatchingSettings settings;

    /** Waiting mentees, by id. */
    final Person[] mentees;
    /** Each waiting mentee's gaps as stored, without blanks and repeats, in the mentee's order. */
    final String[][] gapNames;
    /** The vocabulary ids of those gaps that are some mentor's strength, in the same order. */
    final int[][] gapIds;
    /** Each waiting mentee's ambitions, lower-case ("" when none). */
    final String[] ambitions;
    final String[] menteeDepartments;

    /** Every mentor, by id. */
    final Person[] mentors;
    /** A mentor's places before busy pairings: max_mentees or the default, capped by the capacity. */
    final int[] places;
    final int[] busy;
    /** places - busy; 0 or less takes nobody. */
    final int[] free;
    /** Each mentor's strengths as vocabulary ids, without repeats, in the mentor's order. */
    final int[][] strengths;
    final String[] mentorDepartments;

    /** Every mentor strength, as stored; an id is an index. */
    final String[] vocabulary;
    /** The vocabulary, lower-case, for the ambitions' case-insensitive substring test. */
    final String[] vocabularyLowerCase;
    /** For each strength id, the mentors who have it, by index ascending. */
    final int[][] mentorsByStrength;

    /** Per waiting mentee, the mentors it had a pairing with (any status), ascending; empty when repeats are allowed. */
    private final int[][] formerPartners;

    Roster(List<Person> people, List<Pairing> pairings, LocalDate asOf, MatchingSettings settings) {
        this.settings = settings;
        Set<String> ids = new HashSet<>();
        for (Person person : people) {
            if (!ids.add(person.id())) {
                throw new IllegalArgumentException("person " + person.id() + " appears twice");
            }
        }
        Set<String> busyMentees = new HashSet<>();
        Map<String, Integer> busyByMentor = new HashMap<>();
        for (Pairing pairing : pairings) {
            if (isBusy(pairing, asOf)) {
                busyMentees.add(pairing.menteeId());
                busyByMentor.merge(pairing.mentorId(), 1, Integer::sum);
            }
        }

        mentees = people.stream()
                .filter(p -> p.role() == Role.MENTEE && !busyMentees.contains(p.id()))
                .sorted(Comparator.comparing(Person::id))
                .toArray(Person[]::new);
        mentors = people.stream()
                .filter(p -> p.role() == Role.MENTOR)
                .sorted(Comparator.comparing(Person::id))
                .toArray(Person[]::new);

        Map<String, Integer> strengthIds = new HashMap<>();
        List<String> words = new ArrayList<>();
        strengths = new int[mentors.length][];
        places = new int[mentors.length];
        busy = new int[mentors.length];
        free = new int[mentors.length];
        mentorDepartments = new String[mentors.length];
        Map<String, Integer> mentorIndex = new HashMap<>();
        for (int m = 0; m < mentors.length; m++) {
            Person mentor = mentors[m];
            mentorIndex.put(mentor.id(), m);
            List<String> own = distinct(mentor.strengths());
            strengths[m] = new int[own.size()];
            for (int s = 0; s < own.size(); s++) {
                strengths[m][s] = strengthIds.computeIfAbsent(own.get(s), word -> {
                    words.add(word);
                    return words.size() - 1;
                });
            }
            places[m] = places(mentor, settings);
            busy[m] = busyByMentor.getOrDefault(mentor.id(), 0);
            free[m] = places[m] - busy[m];
            mentorDepartments[m] = department(mentor);
        }
        vocabulary = words.toArray(String[]::new);
        vocabularyLowerCase = new String[vocabulary.length];
        for (int s = 0; s < vocabulary.length; s++) {
            vocabularyLowerCase[s] = vocabulary[s].toLowerCase(Locale.ROOT);
        }
        IntList[] byStrength = new IntList[vocabulary.length];
        for (int m = 0; m < mentors.length; m++) {
            for (int s : strengths[m]) {
                if (byStrength[s] == null) {
                    byStrength[s] = new IntList(8);
                }
                byStrength[s].add(m);
            }
        }
        mentorsByStrength = new int[vocabulary.length][];
        for (int s = 0; s < vocabulary.length; s++) {
            mentorsByStrength[s] = byStrength[s].toArray();
        }

        gapNames = new String[mentees.length][];
        gapIds = new int[mentees.length][];
        ambitions = new String[mentees.length];
        menteeDepartments = new String[mentees.length];
        Map<String, Integer> menteeIndex = new HashMap<>();
        for (int e = 0; e < mentees.length; e++) {
            Person mentee = mentees[e];
            menteeIndex.put(mentee.id(), e);
            List<String> gaps = distinct(mentee.gaps());
            gapNames[e] = gaps.toArray(String[]::new);
            gapIds[e] = gaps.stream().filter(strengthIds::containsKey).mapToInt(strengthIds::get).toArray();
            ambitions[e] = mentee.ambitions() == null ? "" : mentee.ambitions().toLowerCase(Locale.ROOT);
            menteeDepartments[e] = department(mentee);
        }

        Map<Integer, Set<Integer>> former = new HashMap<>();
        if (!settings.allowRepeat()) {
            for (Pairing pairing : pairings) {
                // "had a pairing together": either way round, should a mentor once have been this mentee's mentee
                for (int way = 0; way < 2; way++) {
                    Integer e = menteeIndex.get(way == 0 ? pairing.menteeId() : pairing.mentorId());
                    Integer m = mentorIndex.get(way == 0 ? pairing.mentorId() : pairing.menteeId());
                    if (e != null && m != null) {
                        former.computeIfAbsent(e, k -> new HashSet<>()).add(m);
                    }
                }
            }
        }
        formerPartners = new int[mentees.length][];
        for (int e = 0; e < mentees.length; e++) {
            formerPartners[e] = former.getOrDefault(e, Set.of()).stream().mapToInt(Integer::intValue).sorted()
                    .toArray();
        }
    }

    /** Busy as of {@code asOf}: active or paused, and the end date empty or not before {@code asOf}. */
    static boolean isBusy(Pairing pairing, LocalDate asOf) {
        return (pairing.status() == PairingStatus.ACTIVE || pairing.status() == PairingStatus.PAUSED)
                && (pairing.endDate() == null || !pairing.endDate().isBefore(asOf));
    }

    /** Whether mentee {@code e} and mentor {@code m} had a pairing before, while repeats are not allowed. */
    boolean formerPartners(int e, int m) {
        int[] partners = formerPartners[e];
        return partners.length > 0 && Arrays.binarySearch(partners, m) >= 0;
    }

    /** Whether the pair may be proposed at all: enough covered gaps and not a repeat. */
    boolean eligible(int e, int m, int coveredGaps) {
        return coveredGaps >= settings.minCoveredGaps() && !formerPartners(e, m);
    }

    /** Places before busy pairings: max_mentees (or the default), at most floor(capacity / hoursPerMentee). */
    private static int places(Person mentor, MatchingSettings settings) {
        int places = mentor.maxMentees() != null ? mentor.maxMentees() : settings.defaultMaxMentees();
        if (mentor.capacityHoursPerMonth() != null) {
            BigDecimal byHours = BigDecimal.valueOf(mentor.capacityHoursPerMonth())
                    .divide(settings.hoursPerMentee(), 0, RoundingMode.FLOOR);
            places = byHours.min(BigDecimal.valueOf(places)).intValueExact();
        }
        return places;
    }

    /** Lower-case department, "" when none. */
    private static String department(Person person) {
        return person.department() == null ? "" : person.department().trim().toLowerCase(Locale.ROOT);
    }

    /** The list as stored, without blank entries and repeats (a competence counts once). */
    private static List<String> distinct(List<String> values) {
        Set<String> kept = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value);
            }
        }
        return new ArrayList<>(kept);
    }
}
