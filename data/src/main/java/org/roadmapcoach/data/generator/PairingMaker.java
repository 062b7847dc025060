package org.roadmapcoach.data.generator;

import static org.roadmapcoach.data.generator.Vocabulary.pick;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.roadmapcoach.data.generator.CohortGenerator.Sink;
import org.roadmapcoach.data.generator.Vocabulary.Competency;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Agreement;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.ObjectiveStatus;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.PairingStatus;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.Role;
import org.roadmapcoach.engine.roadmap.SkillType;
import org.roadmapcoach.engine.roadmap.Stage;

/**
 * Makes one pairing's records at a time, telling its {@link Story} in dates relative to
 * {@link CohortGenerator#AS_OF}. Nothing is dated after that day except due and end dates.
 */
final class PairingMaker {

    private static final LocalDate D = CohortGenerator.AS_OF;

    private final Random random;
    private final Sink sink;
    private final Map<String, List<String>> resourcesByCompetency;

    // The pairing being made.
    private Story story;
    private int startAgo;
    private LocalDate start;
    private LocalDate end;
    private String pairingId;

    PairingMaker(Random random, Sink sink, Map<String, List<String>> resourcesByCompetency) {
        this.random = random;
        this.sink = sink;
        this.resourcesByCompetency = resourcesByCompetency;
    }

    void mentor(String id) throws IOException {
        String name = CohortGenerator.name(random);
        sink.add(Tables.PEOPLE, new Person(id, name, Role.MENTOR, email(name, id), pick(random, Vocabulary.MENTOR_TITLES),
                pick(random, Vocabulary.DEPARTMENTS), competencies(Vocabulary.COMPETENCIES, 3), List.of(),
                "Grow the next generation of leads.", 4 + random.nextInt(7), 2 + random.nextInt(2)));
    }

    void pairing(String id, String menteeId, String mentorId, Story story) throws IOException {
        this.story = story;
        this.pairingId = id;
        startAgo = story == Story.NEW ? between(3, 26) : between(75, 260);
        start = D.minusDays(startAgo);
        end = start.plusDays(between(300, 365));
        int cadence = pick(random, List.of(7, 14, 14, 14, 21, 28));

        List<Competency> gaps = gaps();
        Person mentee = mentee(menteeId, gaps);
        sink.add(Tables.PEOPLE, mentee);
        sink.add(Tables.PAIRINGS, pairingRecord(menteeId, mentorId, cadence));
        objectives(gaps);
        History history = new History(random, sink, story, startAgo, pairingId);
        history.checkIns(cadence);
        history.reciprocity();
        history.activities();
        history.engagements(resourcesByCompetency.get(gaps.get(0).name()));
    }

    // ---- people and the pairing ----

    private List<Competency> gaps() {
        if (story == Story.OVERLOADED || random.nextInt(100) < 15) {
            return competencyList(Vocabulary.TECHNICAL, 3);
        }
        List<Competency> gaps = new ArrayList<>(competencyList(Vocabulary.TECHNICAL, 2));
        gaps.add(random.nextInt(3), pick(random, Vocabulary.SOFT));
        return gaps;
    }

    private Person mentee(String id, List<Competency> gaps) {
        String name = CohortGenerator.name(random);
        List<String> strengths = new ArrayList<>();
        while (strengths.size() < 2) {
            Competency c = pick(random, Vocabulary.COMPETENCIES);
            if (!gaps.contains(c) && !strengths.contains(c.name())) {
                strengths.add(c.name());
            }
        }
        String ambitions = story == Story.NEW && random.nextBoolean() ? null
                : String.format(pick(random, Vocabulary.AMBITIONS), gaps.get(0).name());
        return new Person(id, name, Role.MENTEE, email(name, id), pick(random, Vocabulary.MENTEE_TITLES),
                pick(random, Vocabulary.DEPARTMENTS), strengths, gaps.stream().map(Competency::name).toList(),
                ambitions, null, null);
    }

    private Pairing pairingRecord(String menteeId, String mentorId, int cadence) {
        PairingStatus status = PairingStatus.ACTIVE;
        LocalDate startDate = start;
        LocalDate endDate = end;
        if (story == Story.INACTIVE) {
            switch (random.nextInt(4)) {
                case 0 -> status = PairingStatus.CLOSED;
                case 1 -> status = PairingStatus.PAUSED;
                case 2 -> endDate = D.minusDays(between(1, 60)); // ended
                default -> startDate = D.plusDays(between(1, 30)); // starts later
            }
        }
        String[] parts = {"The mentee sets the agenda and sends drafts two days ahead; the mentor challenges, opens doors and gives candid feedback.",
            "Sessions are confidential and never feed into performance reviews. Chat for quick questions, not after 6 pm.",
            "Every " + cadence + " days, 45 minutes; a review session whenever a milestone is done.",
            "A promotion-ready portfolio, two talks given and a shipped stretch assignment by the end."};
        boolean paperwork = story == Story.PAPERWORK || story == Story.NEW;
        if (paperwork) {
            int missing = 1 + random.nextInt(3);
            for (int i = 0; i < missing; i++) {
                parts[random.nextInt(4)] = null;
            }
        }
        String plan = paperwork ? null
                : "Monthly insights from the mentee's team, and peer-mentoring a graduate from the next intake.";
        return new Pairing(pairingId, menteeId, mentorId, startDate, endDate, cadence, status,
                new Agreement(parts[0], parts[1], parts[2], parts[3]), plan);
    }

    // ---- objectives and milestones ----

    /** Writes the objectives and their milestones. */
    private void objectives(List<Competency> gaps) throws IOException {
        int count = story == Story.OVERLOADED ? 6 : 3;
        for (int k = 1; k <= count; k++) {
            String id = pairingId + "-O" + k;
            Competency competency = gaps.get((k - 1) % gaps.size());
            if (story == Story.OVERLOADED && k == 6) {
                competency = Vocabulary.TECHNICAL.stream().filter(c -> !gaps.contains(c)).findFirst().orElseThrow();
            }
            objective(id, k, story == Story.NEW && k == 1 ? null : competency);
        }
    }

    private void objective(String id, int k, Competency competency) throws IOException {
        boolean draft = story == Story.NEW;
        boolean achieved = story == Story.STAR && k <= 2;
        // How far along: done milestones first, then one in progress, then planned ones.
        int done = achieved ? 4 : draft ? 0 : Math.max(0, Math.min(3, startAgo / 60 - random.nextInt(2)));
        if (story == Story.STALLED || story == Story.OVERLOADED && k == 3) {
            done = 1;
        }
        int open = (draft ? 2 : 4) - done;
        LocalDate due;
        if (draft && k == 1) {
            due = null;
        } else if (achieved) {
            due = D.plusDays(between(0, 30));
        } else if (story == Story.STALLED && k == 1) {
            due = D.minusDays(between(5, 40));
        } else if (story == Story.OVERLOADED && k == 2) {
            due = end.plusDays(between(10, 60));
        } else if (story == Story.OVERLOADED && k == 3) {
            due = D.plusDays(between(7, 20));
        } else {
            due = min(end, D.plusDays(14L * open + between(5, 90)));
        }

        String title;
        String description = null;
        String metric = null;
        String unit = null;
        BigDecimal baseline = null;
        BigDecimal target = null;
        BigDecimal current = null;
        if (draft && k == 1) {
            title = "Get better at communication";
        } else if (draft && k == 2) {
            title = "Learn " + competency.name();
        } else {
            int n = 2 + random.nextInt(4);
            String team = pick(random, Vocabulary.TEAMS);
            String month = Vocabulary.MONTHS.get((due == null ? end : due).getMonthValue() - 1);
            if (competency.type() == SkillType.TECHNICAL) {
                String deliverable = pick(random, Vocabulary.DELIVERABLES);
                title = "Ship the " + competency.name() + " " + deliverable + " for the " + team + " team, used by "
                        + n + " teams by " + month;
                metric = "teams using the " + deliverable;
                unit = "teams";
                baseline = BigDecimal.ZERO;
                target = BigDecimal.valueOf(n);
                current = BigDecimal.valueOf(random.nextInt(n + 1));
            } else {
                title = "Run " + n + " sessions on " + competency.name() + " with the " + team
                        + " stakeholders by " + month;
                metric = "stakeholder satisfaction";
                unit = "out of 5";
                baseline = new BigDecimal("3." + random.nextInt(5));
                target = new BigDecimal("4." + (2 + random.nextInt(6)));
                current = new BigDecimal("3." + (5 + random.nextInt(5)));
            }
            if (draft) {
                // a draft names a number in its title but has no target yet
                metric = null;
                unit = null;
                baseline = null;
                target = null;
                current = null;
            } else {
                description = "Agreed at the kickoff, as the " + team + " team's priority for " + month
                        + "; success is judged by the team lead, not only the mentor.";
            }
        }
        String evidencePlan = draft || random.nextInt(10) == 0 ? null
                : "The shipped work, a short write-up, and feedback from two stakeholders";
        LocalDate lastReviewed;
        if (draft || story == Story.STALLED) {
            lastReviewed = null;
        } else {
            lastReviewed = D.minusDays(random.nextInt(100) < 15 ? between(95, 140) : between(3, 80));
        }
        ObjectiveStatus status = achieved ? ObjectiveStatus.ACHIEVED : ObjectiveStatus.ACTIVE;
        sink.add(Tables.OBJECTIVES, new Objective(id, pairingId, title, description,
                competency == null ? null : competency.name(), competency == null ? null : competency.type(), metric,
                baseline, target, current, unit, due, evidencePlan, status, lastReviewed));
        milestones(id, k, done, due == null ? end : due);
    }

    private void milestones(String objectiveId, int k, int done, LocalDate objectiveDue) throws IOException {
        Stage[] stages = story == Story.NEW ? new Stage[] {Stage.DISCOVERY, Stage.PRACTICE} : Stage.values();
        // Completions spread from soon after the start to lastAgo days ago, oldest first.
        int lastAgo = story == Story.STAR && k == 1 ? between(1, 12)
                : story == Story.STALLED ? between(60, 120) : between(3, 40);
        lastAgo = Math.min(lastAgo, Math.max(1, startAgo - 20));
        int firstAgo = Math.max(lastAgo, startAgo - 10);
        int open = stages.length - done;
        boolean outOfOrder = story == Story.HYGIENE && k == 1;
        for (int i = 0; i < stages.length; i++) {
            String id = objectiveId + "-M" + (i + 1);
            MilestoneStatus status;
            LocalDate due;
            LocalDate progress = null;
            LocalDate completed = null;
            String reflection = null;
            if (outOfOrder && i == 1) {
                // practice done, discovery still open: skipped ahead, no reflection, no review since
                status = MilestoneStatus.DONE;
                completed = D.minusDays(between(20, 40));
                due = completed.plusDays(between(0, 7));
                progress = completed;
            } else if (outOfOrder && i == 0) {
                status = MilestoneStatus.IN_PROGRESS;
                progress = D.minusDays(between(2, 15));
                due = D.plusDays(between(10, 30));
            } else if (i < done) {
                status = MilestoneStatus.DONE;
                int ago = done == 1 ? lastAgo : lastAgo + (firstAgo - lastAgo) * (done - 1 - i) / (done - 1);
                completed = D.minusDays(ago);
                due = completed.plusDays(between(0, 7));
                progress = completed;
                reflection = story == Story.HYGIENE && i == done - 1 ? null : pick(random, Vocabulary.REFLECTIONS);
            } else {
                status = i == done ? MilestoneStatus.IN_PROGRESS : MilestoneStatus.PLANNED;
                long span = ChronoUnit.DAYS.between(D, objectiveDue);
                // open milestones share the time left; an objective already past its date has them all late
                due = span > 0 ? D.plusDays(span * (i - done + 1) / open)
                        : objectiveDue.minusDays(7L * (stages.length - 1 - i));
                if (status == MilestoneStatus.IN_PROGRESS) {
                    progress = D.minusDays(story == Story.STALLED ? between(30, 80) : between(1, 14));
                    if (story == Story.STALLED) {
                        due = D.minusDays(between(3, 50));
                    }
                }
            }
            sink.add(Tables.MILESTONES, new Milestone(id, objectiveId, stages[i], milestoneTitle(stages[i]), due,
                    status, progress, completed, reflection));
        }
    }

    private static String milestoneTitle(Stage stage) {
        return switch (stage) {
            case DISCOVERY -> "Map the current state and talk to three people who have done it";
            case PRACTICE -> "Do a first real piece of work, reviewed by the mentor";
            case FEEDBACK -> "Get feedback from two stakeholders and act on it";
            case MASTERY -> "Teach it back: a short session or write-up for the team";
        };
    }

    // ---- helpers ----

    private List<String> competencies(List<Competency> from, int count) {
        return competencyList(from, count).stream().map(Competency::name).toList();
    }

    private List<Competency> competencyList(List<Competency> from, int count) {
        List<Competency> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            Competency c = pick(random, from);
            if (!chosen.contains(c)) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    private int between(int min, int max) {
        return between(random, min, max);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    static int between(Random random, int min, int max) {
        return max <= min ? min : min + random.nextInt(max - min + 1);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static String email(String name, String id) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".") + "." + id.toLowerCase(java.util.Locale.ROOT)
                + "@example.org";
    }
}
