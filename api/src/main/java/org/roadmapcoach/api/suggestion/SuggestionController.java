package org.roadmapcoach.api.suggestion;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.roadmapcoach.api.http.Callers;
import org.roadmapcoach.api.http.Replies;
import org.roadmapcoach.api.http.Requests;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.nextsteps.NextStepsService;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.StoreMemo;
import org.roadmapcoach.engine.evaluation.Suggestions;

/** A pairing's next steps and recommendations, for the caller; dismissing one, listing and undoing dismissals. */
public final class SuggestionController {

    /**
     * What the remembered replies may weigh: two fifths of the heap, 400 MB under {@code -Xmx1g}, about
     * 120,000 pairings' next steps.
     */
    static final long REPLY_BYTES = Runtime.getRuntime().maxMemory() / 5 * 2;

    private final NextStepsService nextSteps;
    private final Access access;
    private final Today today;
    // Nearly every request a server gets is this one, asked again and again for the same pairing and day
    // while the database is unchanged: the reply is remembered as sent, until the next commit.
    private final StoreMemo<ReplyKey, byte[]> replies;

    public SuggestionController(NextStepsService nextSteps, Access access, Store store, Today today) {
        this.nextSteps = nextSteps;
        this.access = access;
        this.today = today;
        this.replies = new StoreMemo<>(store, REPLY_BYTES, reply -> reply.length + 96);
    }

    /** Who asked what: the same question of the same person has the same answer while nothing changes. */
    private record ReplyKey(String cohortId, String pairingId, LocalDate asOf, int limit, Caller caller) {
    }

    /** {@code GET /api/pairings/{pairingId}/suggestions?asOf=&limit=}: the caller's next steps in the pairing. */
    public void suggestions(Context ctx) {
        Caller caller = Callers.of(ctx);
        PairingRef ref = access.readPairing(caller, ctx.pathParam("pairingId"));
        LocalDate asOf = Requests.asOf(ctx, today);
        int limit = Requests.limit(ctx, Suggestions.DEFAULT_LIMIT);
        Replies.smallJson(ctx, replies.get(new ReplyKey(ref.cohortId(), ref.pairingId(), asOf, limit, caller),
                key -> NextStepsJson.bytes(nextSteps.suggestions(ref, caller, asOf, limit))));
    }

    /** {@code GET /api/pairings/{pairingId}/recommendations?asOf=}. */
    public void recommendations(Context ctx) {
        Caller caller = Callers.of(ctx);
        PairingRef ref = access.readPairing(caller, ctx.pathParam("pairingId"));
        ctx.json(nextSteps.recommendations(ref, caller, Requests.asOf(ctx, today)));
    }

    /** {@code POST /api/pairings/{pairingId}/suggestions/{ruleId}/{subjectId}/dismiss?asOf=&objectiveId=}. */
    public void dismiss(Context ctx) {
        Caller caller = Callers.of(ctx);
        PairingRef ref = access.readPairing(caller, ctx.pathParam("pairingId"));
        String objectiveId = ctx.queryParam("objectiveId");
        ctx.status(201).json(nextSteps.dismiss(ref, caller, ctx.pathParam("ruleId"), ctx.pathParam("subjectId"),
                objectiveId == null || objectiveId.isBlank() ? null : objectiveId.strip(), Requests.asOf(ctx, today)));
    }

    /** {@code GET /api/pairings/{pairingId}/dismissals}: the caller's own. */
    public void dismissals(Context ctx) {
        Caller caller = Callers.of(ctx);
        PairingRef ref = access.writePairing(caller, ctx.pathParam("pairingId"));
        ctx.json(new DismissalsJson(ref.pairingId(), nextSteps.dismissals(ref, caller).stream()
                .map(d -> new DismissalJson(d.ruleId(), d.subjectId(), d.objectiveId().isEmpty() ? null : d.objectiveId(),
                        d.dismissedAt())).toList()));
    }

    /** {@code DELETE /api/pairings/{pairingId}/suggestions/{ruleId}/{subjectId}/dismiss}: undo one. */
    public void undismiss(Context ctx) {
        Caller caller = Callers.of(ctx);
        PairingRef ref = access.writePairing(caller, ctx.pathParam("pairingId"));
        nextSteps.undismiss(ref, caller, ctx.pathParam("ruleId"), ctx.pathParam("subjectId"));
        ctx.status(204);
    }

    /** The caller's dismissals in a pairing. */
    record DismissalsJson(String pairingId, List<DismissalJson> dismissals) {
    }

    /** One dismissed next step; the objective only for a resource recommended for one objective. */
    record DismissalJson(String ruleId, String subjectId, String objectiveId, Instant dismissedAt) {
    }
}
