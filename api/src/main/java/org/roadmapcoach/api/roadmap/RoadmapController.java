package org.roadmapcoach.api.roadmap;

import org.roadmapcoach.app.roadmap.RoadmapService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Set;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.data.record.RecordReaders;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.app.access.Access.MilestoneRef;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.api.http.Callers;
import org.roadmapcoach.api.http.JsonBody;
import org.roadmapcoach.api.http.ProblemException;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;

/**
 * A pairing's roadmap and the pair's writes. Bodies follow the columns and rules of CSV.md in
 * camelCase; the pairing comes from the path; a missing id is generated.
 */
public final class RoadmapController {

    // The columns of the CSV file, but the pairing, which is the path's.
    private static final Set<String> CHECK_IN_FIELDS = JsonBody.fieldsOf(Tables.CHECKINS, "pairing_id");
    private static final Set<String> RECIPROCITY_FIELDS = JsonBody.fieldsOf(Tables.RECIPROCITY, "pairing_id");
    private static final Set<String> ACTIVITY_FIELDS = JsonBody.fieldsOf(Tables.ACTIVITIES, "pairing_id");
    private static final Set<String> PROGRESS_FIELDS = Set.of("status", "date", "reflection", "completedOn");

    private final RoadmapService roadmaps;
    private final Access access;
    private final ObjectMapper json;

    public RoadmapController(RoadmapService roadmaps, Access access, ObjectMapper json) {
        this.roadmaps = roadmaps;
        this.access = access;
        this.json = json;
    }

    /** {@code GET /api/pairings/{pairingId}}. */
    public void get(Context ctx) {
        ctx.json(roadmaps.view(access.readPairing(Callers.of(ctx), ctx.pathParam("pairingId"))));
    }

    /** {@code POST /api/pairings/{pairingId}/checkins}. */
    public void addCheckIn(Context ctx) {
        PairingRef ref = access.writePairing(Callers.of(ctx), ctx.pathParam("pairingId"));
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json, CHECK_IN_FIELDS);
        CheckIn checkIn = RecordReaders.checkIn(body, body.text("id"), ref.pairingId());
        body.validate();
        ctx.status(201).json(roadmaps.add(ref, checkIn));
    }

    /** {@code POST /api/pairings/{pairingId}/reciprocity}. */
    public void addReciprocity(Context ctx) {
        PairingRef ref = access.writePairing(Callers.of(ctx), ctx.pathParam("pairingId"));
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json, RECIPROCITY_FIELDS);
        ReciprocityEntry entry = RecordReaders.reciprocity(body, body.text("id"), ref.pairingId());
        body.validate();
        ctx.status(201).json(roadmaps.add(ref, entry));
    }

    /** {@code POST /api/pairings/{pairingId}/activities}. */
    public void addActivity(Context ctx) {
        PairingRef ref = access.writePairing(Callers.of(ctx), ctx.pathParam("pairingId"));
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json, ACTIVITY_FIELDS);
        Activity activity = RecordReaders.activity(body, body.text("id"), ref.pairingId());
        body.validate();
        ctx.status(201).json(roadmaps.add(ref, activity));
    }

    /**
     * {@code POST /api/objectives/{objectiveId}/milestones/{milestoneId}/progress}: the new status, the
     * date it moved (stored as last progress), a reflection (kept when left out) and, for done, the day
     * it was completed (the progress date when left out).
     */
    public void moveMilestone(Context ctx) {
        MilestoneRef ref = access.milestone(Callers.of(ctx), ctx.pathParam("objectiveId"),
                ctx.pathParam("milestoneId"));
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json, PROGRESS_FIELDS);
        MilestoneStatus status = body.code("status", MilestoneStatus.class, null, true);
        LocalDate date = body.date("date", true);
        String reflection = body.text("reflection");
        LocalDate completedOn = body.date("completedOn", false);
        body.validate();
        if (completedOn != null && status != MilestoneStatus.DONE) {
            throw ProblemException.invalid("completedOn", completedOn, "is only for status done");
        }
        Milestone m = ref.milestone();
        Milestone moved = new Milestone(m.id(), m.objectiveId(), m.stage(), m.title(), m.dueDate(), status, date,
                status == MilestoneStatus.DONE ? (completedOn != null ? completedOn : date) : null,
                reflection != null ? reflection : m.reflection());
        ctx.status(201).json(roadmaps.move(ref, moved));
    }
}
