package org.roadmapcoach.api.suggestion;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import org.roadmapcoach.api.http.Callers;
import org.roadmapcoach.api.http.Requests;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.access.MeService;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.app.problem.Shown;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.auth.StoredToken;
import org.roadmapcoach.app.nextsteps.NextStepsService;
import org.roadmapcoach.engine.evaluation.Suggestions;

/** Who the caller is, their tokens, and their next steps: a mentee's or mentor's across their pairings, a coordinator's for a cohort. */
public final class MeController {

    private final MeService me;
    private final NextStepsService nextSteps;
    private final Access access;
    private final Today today;
    private final TokenService tokens;

    public MeController(MeService me, NextStepsService nextSteps, Access access, Today today, TokenService tokens) {
        this.me = me;
        this.tokens = tokens;
        this.nextSteps = nextSteps;
        this.access = access;
        this.today = today;
    }

    /** {@code GET /api/me}. */
    public void me(Context ctx) {
        ctx.json(me.me(Callers.of(ctx)));
    }

    /** {@code GET /api/me/next-steps?asOf=&limit=&offset=}: a mentee's or mentor's, across their pairings. */
    public void myNextSteps(Context ctx) {
        Caller caller = Callers.of(ctx);
        var pairings = access.pairingsOf(caller);
        ctx.json(NextStepsJson.page(caller, null, nextSteps.acrossPairings(caller, pairings, Requests.asOf(ctx, today),
                Requests.listLimit(ctx, Suggestions.DEFAULT_LIMIT), Requests.offset(ctx))));
    }

    /** {@code GET /api/cohorts/{cohortId}/next-steps?asOf=&limit=&offset=}: the coordinator's. */
    public void cohortNextSteps(Context ctx) {
        Caller caller = Callers.of(ctx);
        String cohortId = ctx.pathParam("cohortId");
        var pairings = access.pairingsOfCohort(caller, cohortId);
        ctx.json(NextStepsJson.page(caller, cohortId, nextSteps.forCohort(caller, pairings,
                Requests.asOf(ctx, today), Requests.listLimit(ctx, Suggestions.DEFAULT_LIMIT), Requests.offset(ctx))));
    }

    /** {@code GET /api/me/tokens}: the caller's tokens, sign-in links and calendar feeds, never their secrets. */
    public void myTokens(Context ctx) {
        var listed = tokens.listOwn(Callers.of(ctx)).stream().map(TokenJson::of).toList();
        ctx.json(Map.of("tokens", listed));
    }

    /** {@code DELETE /api/me/tokens/{tokenId}}: revokes one of the caller's own; anything else is a 404. */
    public void revokeMyToken(Context ctx) {
        String id = ctx.pathParam("tokenId");
        if (!id.matches("[0-9]{1,18}")) {
            throw new NotFoundException("Token " + Shown.cut(id) + " is not one of yours.");
        }
        tokens.revokeOwn(Callers.of(ctx), Long.parseLong(id));
        ctx.status(204);
    }

    /** A token as the person sees it: what it is and its life, never its secret. */
    record TokenJson(long id, String kind, String role, String cohortId, Instant createdAt, Instant expiresAt,
                     Instant usedAt) {

        static TokenJson of(StoredToken token) {
            return new TokenJson(token.id(), token.kind().code(), token.grant().role().code(), token.grant().cohortId(),
                    token.createdAt(), token.expiresAt(), token.usedAt());
        }
    }
}
