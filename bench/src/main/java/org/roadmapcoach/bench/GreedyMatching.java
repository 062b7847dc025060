package org.roadmapcoach.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The baseline the exact matching is measured against: MATCHING.md's rules with the default policy, written
 * out plainly from a cohort folder's people.csv and pairings.csv, and a greedy pass that takes the eligible
 * pairs best score first (then mentee id, then mentor id) while the mentee is free and the mentor has a place.
 * Usage: {@code GreedyMatching DIR AS_OF}; prints {@code greedy matched=N score=S pairs=P ms=T}.
 */
public final class GreedyMatching {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private GreedyMatching() {
    }

    private record Person(String id, String role, String department, List<String> strengths, List<String> gaps,
                          String ambitions, Integer hours, Integer max) {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path dir = Path.of(args[0]);
        LocalDate asOf = LocalDate.parse(args[1]);
        List<Person> people = new ArrayList<>();
        for (CSVRecord r : read(dir.resolve("people.csv"))) {
            people.add(new Person(r.get("id"), r.get("role").trim().toLowerCase(Locale.ROOT), lower(r.get("department")),
                    list(r.get("strengths")), list(r.get("gaps")), lower(r.get("ambitions")),
                    whole(r.get("capacity_hours_per_month")), whole(r.get("max_mentees"))));
        }
        Set<String> busyMentees = new HashSet<>();
        Map<String, Integer> busyMentors = new HashMap<>();
        Set<String> former = new HashSet<>();
        for (CSVRecord r : read(dir.resolve("pairings.csv"))) {
            String status = r.get("status").isBlank() ? "active" : r.get("status").trim().toLowerCase(Locale.ROOT);
            String end = r.get("end_date");
            if ((status.equals("active") || status.equals("paused"))
                    && (end.isBlank() || !LocalDate.parse(end.trim()).isBefore(asOf))) {
                busyMentees.add(r.get("mentee_id"));
                busyMentors.merge(r.get("mentor_id"), 1, Integer::sum);
            }
            former.add(r.get("mentee_id") + "|" + r.get("mentor_id"));
            former.add(r.get("mentor_id") + "|" + r.get("mentee_id"));
        }
        List<Person> mentees = people.stream().filter(p -> p.role().equals("mentee") && !busyMentees.contains(p.id()))
                .sorted((a, b) -> a.id().compareTo(b.id())).toList();
        List<Person> mentors = people.stream().filter(p -> p.role().equals("mentor"))
                .sorted((a, b) -> a.id().compareTo(b.id())).toList();
        int[] free = new int[mentors.size()];
        Map<String, List<Integer>> byStrength = new HashMap<>();
        for (int m = 0; m < mentors.size(); m++) {
            Person mentor = mentors.get(m);
            int places = mentor.max() != null ? mentor.max() : 2;
            if (mentor.hours() != null) {
                places = Math.min(places, mentor.hours() / 2);
            }
            free[m] = places - busyMentors.getOrDefault(mentor.id(), 0);
            for (String strength : mentor.strengths()) {
                byStrength.computeIfAbsent(strength, k -> new ArrayList<>()).add(m);
            }
        }
        // every eligible pair with a free place as one long: score, then mentee and mentor index, so that a sort
        // puts the best score first and, within a score, the lower ids first
        long[] pairs = new long[1024];
        int size = 0;
        for (int e = 0; e < mentees.size(); e++) {
            Person mentee = mentees.get(e);
            Set<Integer> covering = new LinkedHashSet<>();
            for (String gap : mentee.gaps()) {
                covering.addAll(byStrength.getOrDefault(gap, List.of()));
            }
            for (int m : covering) {
                Person mentor = mentors.get(m);
                if (free[m] <= 0 || former.contains(mentee.id() + "|" + mentor.id())) {
                    continue;
                }
                int covered = 0;
                int ambition = 0;
                for (String strength : mentor.strengths()) {
                    if (mentee.gaps().contains(strength)) {
                        covered++;
                    } else if (mentee.ambitions().contains(strength.toLowerCase(Locale.ROOT))) {
                        ambition++;
                    }
                }
                boolean cross = !mentee.department().isEmpty() && !mentor.department().isEmpty()
                        && !mentee.department().equals(mentor.department());
                int score = 10 * covered + 3 * ambition + (cross ? 2 : 0);
                if (size == pairs.length) {
                    pairs = Arrays.copyOf(pairs, size * 2);
                }
                pairs[size++] = ((long) (1_000_000 - score) << 42) | ((long) e << 21) | m;
            }
        }
        Arrays.sort(pairs, 0, size);
        boolean[] matched = new boolean[mentees.size()];
        long count = 0;
        long total = 0;
        for (int i = 0; i < size; i++) {
            int e = (int) ((pairs[i] >>> 21) & 0x1F_FFFF);
            int m = (int) (pairs[i] & 0x1F_FFFF);
            if (!matched[e] && free[m] > 0) {
                matched[e] = true;
                free[m]--;
                count++;
                total += 1_000_000 - (pairs[i] >>> 42);
            }
        }
        System.out.printf("greedy matched=%d score=%d pairs=%d ms=%d%n", count, total, size,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = FORMAT.parse(reader)) {
            return parser.getRecords();
        }
    }

    private static String lower(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    private static List<String> list(String text) {
        List<String> values = new ArrayList<>();
        for (String value : text.split(";")) {
            String trimmed = value.trim().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty() && !values.contains(trimmed)) {
                values.add(trimmed);
            }
        }
        return values;
    }

    private static Integer whole(String text) {
        return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
    }
}
