package org.roadmapcoach.api.roadmap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Set;
import org.roadmapcoach.api.http.Callers;
import org.roadmapcoach.api.http.JsonBody;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.roadmap.RoadmapService;
import org.roadmapcoach.data.record.PatchFields;
import org.roadmapcoach.data.record.RecordReaders;
import org.roadmapcoach.data.record.StoredFields;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.Engagement;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.Pairing;
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
    private static final Set<String> OBJECTIVE_FIELDS = JsonBody.fieldsOf(Tables.OBJECTIVES, "pairing_id");
    private static final Set<String> PAIRING_FIELDS = Set.of("agreementRoles", "agreementBoundaries",
            "agreementCadence", "agreementSuccessMetrics", "cadenceDays", "reciprocityPlan");
    private static final Set<String> ENGAGEMENT_FIELDS = JsonBody.fieldsOf(Tables.ENGAGEMENTS, "pairing_id",
            "resource_id");

    private final RoadmapService roadmaps;
    private final Access access;
    private final ObjectMapper json;
    private final Today today;

    public RoadmapController(RoadmapService roadmaps, Access access, ObjectMapper json, Today today) {
        this.roadmaps = roadmaps;
        this.access = access;
        this.json = json;
        this.today = today;
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

    /** {@code POST /api/pairings/{pairingId}/objectives}: a new objective. */
    public void addObjective(Context ctx) {
        PairingRef ref = access.writePairing(Callers.of(ctx), ctx.pathParam("pairingId"));
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json, OBJECTIVE_FIELDS);
        Objective objective = RecordReaders.objective(body, body.text("id"), ref.pairingId());
        body.validate();
        ctx.status(201).json(roadmaps.add(ref, objective));
    }

    /**
     * {@code PATCH /api/pairings/{pairingId}}: the agreement's parts, the cadence and the reciprocity plan;
     * what the body does not name stays, what it names as null is cleared.
     */
    public void changePairing(Context ctx) {
        PairingRef ref = access.writePairing(Callers.of(ctx), ctx.pathParam("pairingId"));
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json, PAIRING_FIELDS);
        Pairing p = ref.pairing();
        Pairing changed = RecordReaders.pairing(new PatchFields(body, body::names,
                new StoredFields(Tables.PAIRINGS, p)), p.id(), p.menteeId(), p.mentorId(), p.startDate(), p.endDate());
        body.validate();
        ctx.json(roadmaps.change(ref, changed));
    }

    /**
     * {@code PUT /api/pairings/{pairingId}/engagements/{resourceId}}: start, complete (with a takeaway) or
     * dismiss a resource; the date is the store's today unless given.
     */
    public void engage(Context ctx) {
        PairingRef ref = access.writePairing(Callers.of(ctx), ctx.pathParam("pairingId"));
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json, ENGAGEMENT_FIELDS);
        body.required("status");
        Engagement given = RecordReaders.engagement(body, ref.pairingId(), ctx.pathParam("resourceId"));
        body.validate();
        ctx.json(roadmaps.engage(ref, new Engagement(given.pairingId(), given.resourceId(), given.status(),
                given.date() != null ? given.date() : today.date(), given.takeaway())));
    }
}
