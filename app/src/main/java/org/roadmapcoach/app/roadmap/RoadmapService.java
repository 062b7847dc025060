package org.roadmapcoach.app.roadmap;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access.MilestoneRef;
import org.roadmapcoach.app.access.Access.ObjectiveRef;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.problem.IdTakenException;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.problem.Shown;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.store.DuplicateIdException;
import org.roadmapcoach.data.store.RecordLookup;
import org.roadmapcoach.data.store.RecordWriter;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.Engagement;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * Reads a pairing's roadmap and records what the pair did. Every write moves the pairing's revision in
 * the same transaction (the store's writers do it), so no stored health check answers for it afterwards
 * and the next next-steps call sees the write.
 */
public final class RoadmapService {

    /** Check-ins shown in the roadmap view. */
    static final int RECENT_CHECK_INS = 10;

    private final Store store;
    private final RecordWriter writer;
    private final RecordLookup lookup;
    private final Today today;

    public RoadmapService(Store store, Today today) {
        this.store = store;
        this.writer = new RecordWriter(store, today::date);
        this.lookup = new RecordLookup(store);
        this.today = today;
    }

    public RoadmapView view(PairingRef ref) {
        Roadmap roadmap = store.roadmap(ref.cohortId(), ref.pairingId())
                .orElseThrow(() -> new NotFoundException("There is no pairing " + Shown.quoted(ref.pairingId()) + "."));
        List<RoadmapView.ObjectiveJson> objectives = roadmap.objectives().stream()
                .map(o -> new RoadmapView.ObjectiveJson(o, roadmap.milestones().stream()
                        .filter(m -> m.objectiveId().equals(o.id())).toList()))
                .toList();
        List<CheckIn> recent = roadmap.checkIns().stream()
                .sorted(Comparator.comparing(CheckIn::date).thenComparing(CheckIn::id).reversed())
                .limit(RECENT_CHECK_INS).toList();
        List<ReciprocityEntry> reciprocity = roadmap.reciprocity().stream()
                .sorted(Comparator.comparing(ReciprocityEntry::date).thenComparing(ReciprocityEntry::id).reversed())
                .toList();
        return new RoadmapView(ref.cohortId(), roadmap.pairing(), RoadmapView.PersonJson.of(roadmap.mentee()),
                RoadmapView.PersonJson.of(roadmap.mentor()), objectives, recent, reciprocity);
    }

    /** Everything a pairing's page shows of its roadmap as of {@code asOf} (the findings come from next steps). */
    public PairingOverview overview(PairingRef ref, LocalDate asOf) {
        Roadmap roadmap = store.roadmap(ref.cohortId(), ref.pairingId())
                .orElseThrow(() -> new NotFoundException("There is no pairing '" + ref.pairingId() + "'."));
        return PairingOverview.of(roadmap, store.policy(ref.cohortId()), store.resources(ref.cohortId()), asOf);
    }

    public CheckIn add(PairingRef ref, CheckIn checkIn) {
        ownId(checkIn.id(), ref.pairingId(), "pairing");
        new PairingDates().with("date", checkIn.date()).check(ref.pairing(), today.date());
        return unique(() -> writer.add(ref.cohortId(), checkIn));
    }

    public ReciprocityEntry add(PairingRef ref, ReciprocityEntry entry) {
        ownId(entry.id(), ref.pairingId(), "pairing");
        new PairingDates().with("date", entry.date()).check(ref.pairing(), today.date());
        return unique(() -> writer.add(ref.cohortId(), entry));
    }

    public Activity add(PairingRef ref, Activity activity) {
        ownId(activity.id(), ref.pairingId(), "pairing");
        new PairingDates().with("date", activity.date()).check(ref.pairing(), today.date());
        return unique(() -> writer.add(ref.cohortId(), activity));
    }

    /** Adds an objective to the pairing. */
    public Objective add(PairingRef ref, Objective objective) {
        ownId(objective.id(), ref.pairingId(), "pairing");
        dates(objective).check(ref.pairing(), today.date());
        return unique(() -> writer.add(ref.cohortId(), objective));
    }

    /** Replaces an objective with {@code changed} (the same id and pairing). */
    public Objective change(ObjectiveRef ref, Objective changed) {
        dates(changed).check(ref.pairing().pairing(), today.date());
        return writer.replace(ref.pairing().cohortId(), changed);
    }

    /** Adds a milestone to the objective. */
    public Milestone add(ObjectiveRef ref, Milestone milestone) {
        ownId(milestone.id(), ref.objective().id(), "objective");
        dates(milestone).check(ref.pairing().pairing(), today.date());
        return unique(() -> writer.add(ref.pairing().cohortId(), ref.pairing().pairingId(), milestone));
    }

    /** Replaces a milestone with {@code moved}: progress, or a change of title, stage or due date. */
    public Milestone move(MilestoneRef ref, Milestone moved) {
        dates(moved).check(ref.pairing().pairing(), today.date());
        return writer.replace(ref.pairing().cohortId(), moved);
    }

    /**
     * Records a milestone's progress: its new status on {@code date} (stored as its last progress), a
     * reflection (the stored one kept when null) and, for done, the day it was completed ({@code date} when
     * null); a completion day for another status is an error of field {@code completedOn}.
     */
    public Milestone progress(MilestoneRef ref, MilestoneStatus status, LocalDate date, String reflection,
                              LocalDate completedOn) {
        if (completedOn != null && status != MilestoneStatus.DONE) {
            throw InvalidInputException.of("completedOn", completedOn, "is only for status done");
        }
        Milestone m = ref.milestone();
        return move(ref, new Milestone(m.id(), m.objectiveId(), m.stage(), m.title(), m.dueDate(), status, date,
                status == MilestoneStatus.DONE ? (completedOn != null ? completedOn : date) : null,
                reflection != null ? reflection : m.reflection()));
    }

    /** Replaces the pairing's agreement, cadence and reciprocity plan with those of {@code changed}. */
    public Pairing change(PairingRef ref, Pairing changed) {
        return writer.replace(ref.cohortId(), changed);
    }

    /** Starts, completes or dismisses a resource of the cohort's catalog. */
    public Engagement engage(PairingRef ref, Engagement engagement) {
        if (lookup.resource(ref.cohortId(), engagement.resourceId()).isEmpty()) {
            throw new NotFoundException("There is no resource " + Shown.quoted(engagement.resourceId())
                    + " in the catalog.");
        }
        new PairingDates().with("date", engagement.date()).check(ref.pairing(), today.date());
        return writer.put(ref.cohortId(), engagement);
    }

    /**
     * A given id must be in its parent's own namespace ({@code P05-...} for a record of P05, {@code P05-O1-...}
     * for a milestone of P05-O1): an id in another pairing's style is refused from the request alone,
     * whether or not that other record exists, so that a write never tells a pair about another pairing.
     */
    private static void ownId(String id, String parentId, String parent) {
        String prefix = parentId + "-";
        if (id != null && (!id.startsWith(prefix) || id.length() == prefix.length())) {
            throw InvalidInputException.of("id", id, "a given id starts with its " + parent + "'s id and a dash, "
                    + Shown.quoted(prefix) + ", and goes on after it; leave id out to get a new one");
        }
    }

    private static PairingDates dates(Objective o) {
        return new PairingDates().with("dueDate", o.dueDate()).with("lastReviewed", o.lastReviewed());
    }

    private static PairingDates dates(Milestone m) {
        return new PairingDates().with("dueDate", m.dueDate()).with("date", m.lastProgress())
                .with("completedOn", m.completedOn());
    }

    private static <T> T unique(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DuplicateIdException e) {
            throw new IdTakenException(e.id());
        }
    }
}
