package org.roadmapcoach.api.roadmap;

import java.util.Comparator;
import java.util.List;
import org.roadmapcoach.api.auth.Access.MilestoneRef;
import org.roadmapcoach.api.auth.Access.PairingRef;
import org.roadmapcoach.api.http.ProblemException;
import org.roadmapcoach.data.store.DuplicateIdException;
import org.roadmapcoach.data.store.RecordWriter;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * Reads a pairing's roadmap and records what the pair did. Suggestions are evaluated live from the
 * store, so a write shows in the next suggestions call with nothing to invalidate.
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

    public RoadmapJson view(PairingRef ref) {
        Roadmap roadmap = store.roadmap(ref.cohortId(), ref.pairingId())
                .orElseThrow(() -> ProblemException.notFound("There is no pairing '" + ref.pairingId() + "'."));
        List<RoadmapJson.ObjectiveJson> objectives = roadmap.objectives().stream()
                .map(o -> new RoadmapJson.ObjectiveJson(o, roadmap.milestones().stream()
                        .filter(m -> m.objectiveId().equals(o.id())).toList()))
                .toList();
        List<CheckIn> recent = roadmap.checkIns().stream()
                .sorted(Comparator.comparing(CheckIn::date).thenComparing(CheckIn::id).reversed())
                .limit(RECENT_CHECK_INS).toList();
        List<ReciprocityEntry> reciprocity = roadmap.reciprocity().stream()
                .sorted(Comparator.comparing(ReciprocityEntry::date).thenComparing(ReciprocityEntry::id).reversed())
                .toList();
        return new RoadmapJson(ref.cohortId(), roadmap.pairing(), RoadmapJson.PersonJson.of(roadmap.mentee()),
                RoadmapJson.PersonJson.of(roadmap.mentor()), objectives, recent, reciprocity);
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
            throw ProblemException.conflict("The id '" + e.id() + "' is already used in this cohort; leave id out"
                    + " to get a new one.");
        }
    }
}
