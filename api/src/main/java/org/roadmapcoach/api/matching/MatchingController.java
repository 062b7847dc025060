package org.roadmapcoach.api.matching;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.roadmapcoach.api.http.Callers;
import org.roadmapcoach.api.http.JsonBody;
import org.roadmapcoach.api.http.Requests;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.matching.MatchingService;
import org.roadmapcoach.engine.roadmap.Pairing;

/** The coordinator's matching endpoints (MATCHING.md): the proposal, and accepting some or all of it. */
public final class MatchingController {

    private static final Set<String> PAIRING_FIELDS = Set.of("menteeId", "mentorId", "startDate", "cadenceDays");

    private final MatchingService matching;
    private final Access access;
    private final Today today;

    public MatchingController(MatchingService matching, Access access, Today today) {
        this.matching = matching;
        this.access = access;
        this.today = today;
    }

    /** {@code GET /api/cohorts/{cohortId}/match-proposals?asOf=}. */
    public void proposals(Context ctx) {
        String cohortId = access.cohort(Callers.of(ctx), ctx.pathParam("cohortId")).id();
        ctx.json(MatchJson.of(matching.propose(cohortId, Requests.asOf(ctx, today))));
    }

    /** {@code POST /api/cohorts/{cohortId}/pairings} with {@code {"pairings": [...]}}: 201 with the pairings made. */
    public void accept(Context ctx) {
        String cohortId = access.cohort(Callers.of(ctx), ctx.pathParam("cohortId")).id();
        List<JsonBody> bodies = JsonBody.parseList(ctx.bodyAsBytes(), "pairings", MatchingService.MAX_PAIRINGS,
                PAIRING_FIELDS);
        List<MatchingService.Request> requests = new ArrayList<>();
        for (JsonBody body : bodies) {
            requests.add(new MatchingService.Request(body.required("menteeId"), body.required("mentorId"),
                    body.date("startDate", false), body.whole("cadenceDays", 1, 365, null)));
        }
        bodies.get(0).validate();
        List<Pairing> made = matching.accept(cohortId, requests, today.date());
        ctx.status(201).json(new Made(made));
    }

    /** The reply to an accept: the pairings made, in request order. */
    public record Made(List<Pairing> pairings) {
    }
}
