package org.roadmapcoach.data.generator;

import static org.roadmapcoach.data.generator.Vocabulary.pick;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.roadmapcoach.data.generator.CohortGenerator.Sink;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.ActivityKind;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.Engagement;
import org.roadmapcoach.engine.roadmap.EngagementStatus;
import org.roadmapcoach.engine.roadmap.Giver;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;
import org.roadmapcoach.engine.roadmap.ReciprocityKind;

/**
 * The dated history of one pairing that {@link PairingMaker} makes: check-ins, reciprocity, activities
 * and engagements, told by its {@link Story}. Draws from the maker's random numbers, in the maker's order,
 * so that a seed gives the same cohort.
 */
final class History {

    private static final LocalDate D = CohortGenerator.AS_OF;

    private final Random random;
    private final Sink sink;
    private final Story story;
    private final int startAgo;
    private final LocalDate start;
    private final String pairingId;

    History(Random random, Sink sink, Story story, int startAgo, String pairingId) {
        this.random = random;
        this.sink = sink;
        this.story = story;
        this.startAgo = startAgo;
        this.start = D.minusDays(startAgo);
        this.pairingId = pairingId;
    }

    // ---- check-ins ----

    void checkIns(int cadence) throws IOException {
        List<LocalDate> dates = new ArrayList<>();
        int lastAgo = story == Story.STALLED ? cadence * between(2, 5) + between(0, 5) : between(1, cadence);
        for (int j = 0; j < 5; j++) {
            int ago = lastAgo + j * cadence;
            if (ago >= startAgo - 3) {
                break;
            }
            dates.add(0, D.minusDays(ago));
        }
        LocalDate kickoff = start.plusDays(between(0, Math.min(3, startAgo)));
        boolean noKickoff = story == Story.PAPERWORK || story == Story.NEW && random.nextBoolean();
        writeCheckIn(1, kickoff, noKickoff ? CheckInType.CHECKIN : CheckInType.KICKOFF, CheckInStatus.HELD);
        int missedFrom = story == Story.MISSED ? dates.size() - 2 - random.nextInt(2)
                : story == Story.HEALTHY && random.nextInt(10) == 0 ? dates.size() - 2 : Integer.MAX_VALUE;
        for (int j = 0; j < dates.size(); j++) {
            boolean last = j == dates.size() - 1;
            CheckInType type = last && story != Story.HYGIENE ? CheckInType.REVIEW : CheckInType.CHECKIN;
            CheckInStatus status = CheckInStatus.HELD;
            if (story == Story.MISSED && j >= missedFrom) {
                status = random.nextBoolean() ? CheckInStatus.MISSED : CheckInStatus.CANCELLED;
            } else if (j == missedFrom) {
                status = CheckInStatus.MISSED; // one lost session in a healthy pairing
            }
            writeCheckIn(j + 2, dates.get(j), type, status);
        }
    }

    private void writeCheckIn(int n, LocalDate date, CheckInType type, CheckInStatus status) throws IOException {
        boolean held = status == CheckInStatus.HELD;
        String toMentee = held && (story == Story.ONE_SIDED || random.nextInt(10) < 7)
                ? pick(random, Vocabulary.FEEDBACK_TO_MENTEE) : null;
        String toMentor = held && story != Story.ONE_SIDED && random.nextInt(10) < 6
                ? pick(random, Vocabulary.FEEDBACK_TO_MENTOR) : null;
        String notes = pick(random, Vocabulary.NOTES);
        sink.add(Tables.CHECKINS, new CheckIn(pairingId + "-C" + n, pairingId, date, type, status,
                held ? pick(random, List.of(30, 45, 60)) : null, toMentee, toMentor, notes.isEmpty() ? null : notes));
    }

    // ---- reciprocity, activities, engagements ----

    void reciprocity() throws IOException {
        int window = Math.min(90, startAgo);
        List<Object[]> entries = new ArrayList<>(); // {days ago, giver, hours}
        if (story == Story.ONE_SIDED) {
            entries.add(new Object[] {between(0, window - 1), Giver.MENTEE, new BigDecimal("0.5")});
            for (int i = 0; i < 3; i++) {
                entries.add(new Object[] {between(0, window - 1), Giver.MENTOR, BigDecimal.valueOf(2 + random.nextInt(3))});
            }
        } else {
            boolean lapsed = story == Story.STALLED;
            for (int i = 0; i < 3; i++) {
                int ago = lapsed ? Math.min(startAgo, between(60, 150)) : between(0, window - 1);
                entries.add(new Object[] {ago, Giver.MENTEE, pick(random, List.of(BigDecimal.ONE, new BigDecimal("1.5"),
                        BigDecimal.valueOf(2)))});
            }
            entries.add(new Object[] {between(0, window - 1), Giver.MENTOR, pick(random, List.of(new BigDecimal("0.5"),
                    BigDecimal.ONE, BigDecimal.valueOf(2)))});
        }
        entries.sort((a, b) -> Integer.compare((int) b[0], (int) a[0])); // oldest first, so ids follow dates
        int n = 1;
        for (Object[] entry : entries) {
            Giver giver = (Giver) entry[1];
            ReciprocityKind kind = giver == Giver.MENTEE
                    ? pick(random, List.of(ReciprocityKind.PROJECT_UPDATE, ReciprocityKind.INSIGHT,
                            ReciprocityKind.EXPLORATORY_WORK, ReciprocityKind.BRIEF, ReciprocityKind.DOCUMENTATION))
                    : pick(random, List.of(ReciprocityKind.COACHING, ReciprocityKind.INTRODUCTION, ReciprocityKind.OTHER));
            String description = giver == Giver.MENTEE ? "Shared this month's " + kind.code().replace('_', ' ')
                    + " from the team, with the numbers behind it." : "Extra time: a mock review and two introductions.";
            sink.add(Tables.RECIPROCITY, new ReciprocityEntry(pairingId + "-R" + n++, pairingId,
                    D.minusDays((int) entry[0]), giver, kind, (BigDecimal) entry[2], description));
        }
    }

    void activities() throws IOException {
        List<Object[]> activities = new ArrayList<>(); // {days ago, kind}
        switch (story) {
            case PRACTICE_ONLY -> {
                for (int i = 0; i < 3; i++) {
                    activities.add(new Object[] {between(1, 55), ActivityKind.PRACTICE});
                }
                activities.add(new Object[] {between(70, 150), ActivityKind.REVIEW});
            }
            case STALLED -> {
                for (ActivityKind kind : List.of(ActivityKind.PRACTICE, ActivityKind.ASSIGNMENT,
                        ActivityKind.REFLECTION, ActivityKind.ARTIFACT)) {
                    activities.add(new Object[] {between(45, 150), kind});
                }
            }
            default -> {
                activities.add(new Object[] {between(1, 25), ActivityKind.REFLECTION});
                activities.add(new Object[] {between(5, 55), pick(random, List.of(ActivityKind.ASSIGNMENT,
                        ActivityKind.SHADOWING, ActivityKind.SIDE_PROJECT))});
                activities.add(new Object[] {between(5, 80), ActivityKind.PRACTICE});
                activities.add(new Object[] {between(10, 120), pick(random, List.of(ActivityKind.ARTIFACT,
                        ActivityKind.REVIEW, ActivityKind.PRACTICE))});
            }
        }
        activities.replaceAll(a -> new Object[] {Math.min(startAgo, (int) a[0]), a[1]});
        activities.sort((a, b) -> Integer.compare((int) b[0], (int) a[0]));
        int n = 1;
        for (Object[] activity : activities) {
            ActivityKind kind = (ActivityKind) activity[1];
            BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(12)).divide(BigDecimal.valueOf(2));
            String outcome = pick(random, Vocabulary.OUTCOMES);
            sink.add(Tables.ACTIVITIES, new Activity(pairingId + "-A" + n++, pairingId, D.minusDays((int) activity[0]),
                    kind, activityTitle(kind), hours, outcome.isEmpty() ? null : outcome));
        }
    }

    private static String activityTitle(ActivityKind kind) {
        return switch (kind) {
            case PRACTICE -> "Practice exercise from the course, reviewed together";
            case ASSIGNMENT -> "Stretch assignment: led the planning of a cross-team change";
            case SHADOWING -> "Shadowed the mentor's design review";
            case SIDE_PROJECT -> "Side project: a small internal tool, owned end to end";
            case REVIEW -> "Reviewed a colleague's proposal";
            case REFLECTION -> "Wrote a reflection on the last month";
            case ARTIFACT -> "Published a short case study";
        };
    }

    /** @param tagged the resources tagged with the pairing's first gap */
    void engagements(List<String> tagged) throws IOException {
        int first = random.nextInt(tagged.size());
        int second = (first + 1 + random.nextInt(tagged.size() - 1)) % tagged.size();
        String takeaway = story == Story.HYGIENE ? null : pick(random, Vocabulary.TAKEAWAYS);
        sink.add(Tables.ENGAGEMENTS, new Engagement(pairingId, tagged.get(first), EngagementStatus.COMPLETED,
                D.minusDays(Math.min(startAgo, between(10, 60))), takeaway));
        EngagementStatus status = random.nextInt(20) == 0 ? EngagementStatus.DISMISSED : EngagementStatus.STARTED;
        sink.add(Tables.ENGAGEMENTS, new Engagement(pairingId, tagged.get(second), status,
                D.minusDays(Math.min(startAgo, between(1, 20))), null));
    }

    private int between(int min, int max) {
        return PairingMaker.between(random, min, max);
    }
}
