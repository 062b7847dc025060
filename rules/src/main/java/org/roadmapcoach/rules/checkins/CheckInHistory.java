package org.roadmapcoach.rules.checkins;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.rules.common.Text;

/** Orderings and summaries of one pairing's check-ins, for the CI- rules. */
public final class CheckInHistory {

    /** RULES.md's order of check-ins: by date, then by id (as text). */
    public static final Comparator<CheckIn> ORDER = Comparator.comparing(CheckIn::date).thenComparing(CheckIn::id);

    private CheckInHistory() {
    }

    /**
     * When the pair last met: the latest of {@code heldDates}, or {@code startDate} when none was held.
     */
    public static LastContact lastContact(Collection<LocalDate> heldDates, LocalDate startDate) {
        return heldDates.stream().max(Comparator.naturalOrder())
                .map(date -> new LastContact(date, true))
                .orElseGet(() -> new LastContact(startDate, false));
    }

    /**
     * The check-ins at the end of the history (by {@link #ORDER}) that were all missed or cancelled,
     * oldest first; empty when the latest check-in was held or there is none.
     */
    public static MissedStreak missedStreak(Collection<CheckIn> checkIns) {
        List<CheckIn> ordered = new ArrayList<>(checkIns);
        ordered.sort(ORDER);
        int from = ordered.size();
        while (from > 0 && ordered.get(from - 1).status() != CheckInStatus.HELD) {
            from--;
        }
        return new MissedStreak(List.copyOf(ordered.subList(from, ordered.size())));
    }

    /** How many of {@code checkIns} carry feedback to the mentee. */
    public static long withFeedbackToMentee(Collection<CheckIn> checkIns) {
        return checkIns.stream().filter(c -> Text.hasText(c.feedbackToMentee())).count();
    }

    /** The earliest date of {@code checkIns}, or null when there is none. */
    public static LocalDate earliestDate(Collection<CheckIn> checkIns) {
        return checkIns.stream().map(CheckIn::date).min(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * The date the pair last met.
     *
     * @param date the last held check-in, or the pairing's start when {@code held} is false
     * @param held whether a check-in was ever held
     */
    public record LastContact(LocalDate date, boolean held) {
    }

    /** Missed or cancelled check-ins in a row, oldest first. */
    public record MissedStreak(List<CheckIn> checkIns) {

        /** How many in a row. */
        public int length() {
            return checkIns.size();
        }

        /** The first of the streak, or null when it is empty. */
        public LocalDate since() {
            return checkIns.isEmpty() ? null : checkIns.get(0).date();
        }

        /** The ids, oldest first. */
        public List<String> ids() {
            return checkIns.stream().map(CheckIn::id).toList();
        }
    }
}
