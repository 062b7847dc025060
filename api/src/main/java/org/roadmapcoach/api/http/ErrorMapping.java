package org.roadmapcoach.api.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.roadmapcoach.api.CoachInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of the API becomes {@code application/problem+json} here, and only here: problems the
 * code raised keep their status and detail; Javalin's own (unknown route, body too large) keep their
 * status with a fixed sentence; anything unexpected is a 500 with a generic title, logged with its
 * stack trace and never sent.
 */
final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void register(JavalinConfig config) {
        config.routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e.problem()));
        config.routes.exception(CoachInputException.class, (e, ctx) ->
                write(ctx, ProblemException.invalid("request", null, e.getMessage()).problem()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, ofJavalin(e.getStatus())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, new Problem("about:blank", "Internal Server Error", 500,
                    "The server could not answer this request; the failure has been logged.", java.util.Map.of()));
        });
    }

    /** Javalin's own failures: a fixed sentence per status, never the exception's text. */
    private static Problem ofJavalin(int status) {
        HttpStatus known = HttpStatus.forStatus(status);
        String title = known == HttpStatus.UNKNOWN ? "Error" : known.getMessage();
        String detail = switch (status) {
            case 404 -> "There is no such endpoint; GET /openapi.json lists them all.";
            case 405 -> "This endpoint does not take this method; GET /openapi.json lists what it takes.";
            case 413 -> "The request body is larger than this server accepts.";
            default -> title + ".";
        };
        return new Problem("about:blank", title, status, detail, java.util.Map.of());
    }

    static void write(Context ctx, Problem problem) {
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).json(problem);
        // json() sets application/json; the problem type must win
        ctx.contentType(Problem.CONTENT_TYPE);
    }
}
