package org.roadmapcoach.api.http;

import io.javalin.http.Context;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.access.TokenService;

/** The caller of an {@code /api} request, authenticated once before the handler runs. */
public final class Callers {

    private static final String ATTRIBUTE = "coach.caller";

    private Callers() {
    }

    /** Authenticates the request from its bearer token; 401 without a known one. */
    static void authenticate(Context ctx, TokenService tokens) {
        if (java.util.Collections.list(ctx.req().getHeaders("Authorization")).size() > 1) {
            // which one would win is up to each proxy on the way: refuse rather than guess
            throw ProblemException.invalid("Authorization", null, "send exactly one Authorization header");
        }
        Caller caller = tokens.authenticate(ctx.header("Authorization")).orElseThrow(() -> ProblemException.unauthorized(
                "Send a valid API token as 'Authorization: Bearer TOKEN'; create one with coach token create."));
        ctx.attribute(ATTRIBUTE, caller);
    }

    public static Caller of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
