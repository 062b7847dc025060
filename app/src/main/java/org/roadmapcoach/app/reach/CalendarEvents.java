package org.roadmapcoach.app.reach;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.ObjectiveStatus;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * A pairing's events (REACH.md): its next check-ins projected from the last held one (or the start date)
 * by the cadence up to the end date, at most {@value #MAX_CHECK_INS}, whatever today is; the due dates of
 * its open milestones and active objectives; and a review suggested after each done milestone that has
 * had no held review check-in since (MS-NO-REVIEW), {@code milestones.reviewWithinDays} after it was done.
 */
final class CalendarEvents {

    static final int MAX_CHECK_INS = 26;

    private CalendarEvents() {
    }

    /**
     * @param partner how summaries name the people the reader meets: "with Sofia Marquez", or both names
     *     for a coordinator
     */
    static List<CalendarEvent> of(String cohortId, Roadmap roadmap, String partner, int reviewWithinDays) {
        Pairing pairing = roadmap.pairing();
        var stamp = stamp(roadmap).atStartOfDay().toInstant(ZoneOffset.UTC);
        String uidTail = "." + pairing.id() + "." + cohortId + "@roadmap-coach";
        List<CalendarEvent> events = new ArrayList<>();
        LocalDate from = roadmap.checkIns().stream().filter(c -> c.status() == CheckInStatus.HELD)
                .map(CheckIn::date).max(Comparator.naturalOrder()).orElse(pairing.startDate());
        LocalDate next = from.plusDays(pairing.cadenceDays());
        for (int n = 0; n < MAX_CHECK_INS && pairing.cadenceDays() > 0 && !next.isAfter(pairing.endDate()); n++) {
            events.add(new CalendarEvent("checkin-" + next + uidTail, next, "Check-in " + partner + " (" + pairing.id()
                    + ")", "Planned every " + pairing.cadenceDays() + " days from the check-in held on " + from + ".",
                    stamp));
            next = next.plusDays(pairing.cadenceDays());
        }
        Map<String, Objective> objectives = roadmap.objectives().stream()
                .collect(Collectors.toMap(Objective::id, Function.identity(), (a, b) -> a));
        for (Objective objective : roadmap.objectives()) {
            if (objective.status() == ObjectiveStatus.ACTIVE && objective.dueDate() != null) {
                events.add(new CalendarEvent("objective-" + objective.id() + uidTail, objective.dueDate(),
                        "Objective due: " + objective.title() + " " + partner, "Objective " + objective.id() + " of "
                        + pairing.id() + " is due.", stamp));
            }
        }
        for (Milestone milestone : roadmap.milestones()) {
            Objective objective = objectives.get(milestone.objectiveId());
            if (objective == null || objective.status() != ObjectiveStatus.ACTIVE) {
                continue;
            }
            boolean open = milestone.status() == MilestoneStatus.PLANNED || milestone.status() == MilestoneStatus.IN_PROGRESS;
            if (open && milestone.dueDate() != null) {
                events.add(new CalendarEvent("milestone-" + milestone.id() + uidTail, milestone.dueDate(),
                        "Milestone due: " + milestone.title() + " (" + objective.title() + ") " + partner,
                        "Milestone " + milestone.id() + " of objective " + objective.id() + ".", stamp));
            }
            if (milestone.status() == MilestoneStatus.DONE && milestone.completedOn() != null
                    && !reviewedSince(roadmap, milestone.completedOn())) {
                events.add(new CalendarEvent("review-" + milestone.id() + uidTail,
                        milestone.completedOn().plusDays(reviewWithinDays),
                        "Review: " + milestone.title() + " (" + objective.title() + ") " + partner,
                        "Milestone " + milestone.id() + " was done on " + milestone.completedOn()
                                + "; hold a review check-in about it.", stamp));
            }
        }
        return events;
    }

    private static boolean reviewedSince(Roadmap roadmap, LocalDate completedOn) {
        return roadmap.checkIns().stream().anyMatch(c -> c.type() == CheckInType.REVIEW
                && c.status() == CheckInStatus.HELD && !c.date().isBefore(completedOn));
    }

    /** The latest date the pairing's records hold: the same data gives the same DTSTAMP. */
    private static LocalDate stamp(Roadmap roadmap) {
        Pairing pairing = roadmap.pairing();
        return Stream.of(Stream.of(pairing.startDate()),
                        roadmap.checkIns().stream().map(CheckIn::date),
                        roadmap.objectives().stream().flatMap(o -> Stream.of(o.lastReviewed())),
                        roadmap.milestones().stream().flatMap(m -> Stream.of(m.lastProgress(), m.completedOn())))
                .flatMap(s -> s).filter(d -> d != null).max(Comparator.naturalOrder()).orElse(pairing.startDate());
    }
}
