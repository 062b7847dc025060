package org.roadmapcoach.api.suggestion;

import io.javalin.http.Context;
import java.time.Clock;
import org.roadmapcoach.api.auth.Access;
import org.roadmapcoach.api.auth.Access.PairingRef;
import org.roadmapcoach.api.http.Callers;
import org.roadmapcoach.api.http.Replies;
import org.roadmapcoach.api.http.Requests;
import org.roadmapcoach.engine.evaluation.Suggestions;

/** A pairing's live next steps and recommendations, and dismissing one. */
public final class SuggestionController {

    private final AdviceService advice;
    private final Access access;
    private final Clock clock;

    public SuggestionController(AdviceService advice, Access access, Clock clock) {
        this.advice = advice;
        this.access = access;
        this.clock = clock;
    }

    /** {@code GET /api/pairings/{pairingId}/suggestions?asOf=&limit=}. */
    public void suggestions(Context ctx) {
        PairingRef ref = access.readPairing(Callers.of(ctx), ctx.pathParam("pairingId"));
        Replies.smallJson(ctx, advice.suggestions(ref, Requests.asOf(ctx, clock),
                Requests.limit(ctx, Suggestions.DEFAULT_LIMIT)));
    }

    /** {@code GET /api/pairings/{pairingId}/recommendations?asOf=}. */
    public void recommendations(Context ctx) {
        PairingRef ref = access.readPairing(Callers.of(ctx), ctx.pathParam("pairingId"));
        ctx.json(advice.recommendations(ref, Requests.asOf(ctx, clock)));
    }

    /** {@code POST /api/pairings/{pairingId}/suggestions/{ruleId}/{subjectId}/dismiss?asOf=&objectiveId=}. */
    public void dismiss(Context ctx) {
        PairingRef ref = access.writePairing(Callers.of(ctx), ctx.pathParam("pairingId"));
        String objectiveId = ctx.queryParam("objectiveId");
        ctx.status(201).json(advice.dismiss(ref, Callers.of(ctx), ctx.pathParam("ruleId"), ctx.pathParam("subjectId"),
                objectiveId == null || objectiveId.isBlank() ? null : objectiveId.strip(), Requests.asOf(ctx, clock)));
    }
}
