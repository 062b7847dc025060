package org.roadmapcoach.api.roadmap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Set;
import org.roadmapcoach.api.http.Callers;
import org.roadmapcoach.api.http.JsonBody;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.Access.MilestoneRef;
import org.roadmapcoach.app.access.Access.ObjectiveRef;
import org.roadmapcoach.app.roadmap.RoadmapService;
import org.roadmapcoach.data.record.PatchFields;
import org.roadmapcoach.data.record.RecordReaders;
import org.roadmapcoach.data.record.StoredFields;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.Objective;

/**
 * The pair's changes to objectives and milestones. A PATCH changes the fields its body names (null clears
 * an optional one) and keeps the others; bodies follow the columns and rules of CSV.md in camelCase.
 */
public final class ObjectiveController {

    // Every column but the id and the parent, which are the path's.
    private static final Set<String> OBJECTIVE_FIELDS = JsonBody.fieldsOf(Tables.OBJECTIVES, "id", "pairing_id");
    private static final Set<String> NEW_MILESTONE_FIELDS = JsonBody.fieldsOf(Tables.MILESTONES, "objective_id");
    // Progress stays on .../progress.
    private static final Set<String> MILESTONE_FIELDS = Set.of("title", "stage", "dueDate");
    private static final Set<String> PROGRESS_FIELDS = Set.of("status", "date", "reflection", "completedOn");

    private final RoadmapService roadmaps;
    private final Access access;
    private final ObjectMapper json;

    public ObjectiveController(RoadmapService roadmaps, Access access, ObjectMapper json) {
        this.roadmaps = roadmaps;
        this.access = access;
        this.json = json;
    }

    /** {@code PATCH /api/objectives/{objectiveId}}: achieve or drop it, move its due date, set a target, .... */
    public void change(Context ctx) {
        ObjectiveRef ref = access.objective(Callers.of(ctx), ctx.pathParam("objectiveId"));
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json, OBJECTIVE_FIELDS);
        Objective o = ref.objective();
        Objective changed = RecordReaders.objective(new PatchFields(body, body::names,
                new StoredFields(Tables.OBJECTIVES, o)), o.id(), o.pairingId());
        body.validate();
        ctx.json(roadmaps.change(ref, changed));
    }

    /** {@code POST /api/objectives/{objectiveId}/milestones}: a new milestone. */
    public void addMilestone(Context ctx) {
        ObjectiveRef ref = access.objective(Callers.of(ctx), ctx.pathParam("objectiveId"));
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json, NEW_MILESTONE_FIELDS);
        Milestone milestone = RecordReaders.milestone(body, body.text("id"), ref.objective().id());
        body.validate();
        ctx.status(201).json(roadmaps.add(ref, milestone));
    }

    /** {@code PATCH /api/objectives/{objectiveId}/milestones/{milestoneId}}: title, stage, due date. */
    public void changeMilestone(Context ctx) {
        MilestoneRef ref = access.milestone(Callers.of(ctx), ctx.pathParam("objectiveId"),
                ctx.pathParam("milestoneId"));
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json, MILESTONE_FIELDS);
        Milestone m = ref.milestone();
        Milestone changed = RecordReaders.milestone(new PatchFields(body, body::names,
                new StoredFields(Tables.MILESTONES, m)), m.id(), m.objectiveId());
        body.validate();
        ctx.json(roadmaps.move(ref, changed));
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
        ctx.status(201).json(roadmaps.progress(ref, status, date, reflection, completedOn));
    }
}
