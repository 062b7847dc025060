package org.roadmapcoach.app.roadmap;

import java.util.Comparator;
import java.util.List;
import org.roadmapcoach.app.access.Access.MilestoneRef;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.problem.IdTakenException;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.store.DuplicateIdException;
import org.roadmapcoach.data.store.RecordWriter;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.Milestone;
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

    private final SqliteStore store;
    private final RecordWriter writer;

    public RoadmapService(SqliteStore store) {
        this.store = store;
        this.writer = new RecordWriter(store);
    }

    public RoadmapView view(PairingRef ref) {
        Roadmap roadmap = store.roadmap(ref.cohortId(), ref.pairingId())
                .orElseThrow(() -> new NotFoundException("There is no pairing '" + ref.pairingId() + "'."));
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

    public CheckIn add(PairingRef ref, CheckIn checkIn) {
        return unique(() -> writer.add(ref.cohortId(), checkIn));
    }

    public ReciprocityEntry add(PairingRef ref, ReciprocityEntry entry) {
        return unique(() -> writer.add(ref.cohortId(), entry));
    }

    public Activity add(PairingRef ref, Activity activity) {
        return unique(() -> writer.add(ref.cohortId(), activity));
    }

    public Milestone move(MilestoneRef ref, Milestone moved) {
        return writer.replace(ref.pairing().cohortId(), moved);
    }

    private static <T> T unique(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DuplicateIdException e) {
            throw new IdTakenException(e.id());
        }
    }
}
