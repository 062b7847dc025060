package org.roadmapcoach.api.suggestion;

import io.javalin.http.Context;
import org.roadmapcoach.api.http.Callers;
import org.roadmapcoach.api.http.Requests;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.access.MeService;
import org.roadmapcoach.app.nextsteps.NextStepsService;
import org.roadmapcoach.engine.evaluation.Suggestions;

/** Who the caller is, and their next steps: a mentee's or mentor's across their pairings, a coordinator's for a cohort. */
public final class MeController {

    private final MeService me;
    private final NextStepsService nextSteps;
    private final Access access;
    private final Today today;

    public MeController(MeService me, NextStepsService nextSteps, Access access, Today today) {
        this.me = me;
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
}
