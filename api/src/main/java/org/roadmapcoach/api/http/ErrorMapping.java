package org.roadmapcoach.api.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.ServletException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpException;
import org.roadmapcoach.app.problem.CoachException;
import org.roadmapcoach.app.problem.ConflictException;
import org.roadmapcoach.app.problem.ImportRejectedException;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.problem.NotAllowedException;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.importer.ImportLimits;
import org.roadmapcoach.data.store.StoreBusyException;
import org.roadmapcoach.web.ErrorPages;
import org.roadmapcoach.web.WebServices;
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

    /** @param maxRequestBytes the body limit, named in a 413 so that a client knows what to send instead */
    static void register(JavalinConfig config, long maxRequestBytes) {
        register(config, maxRequestBytes, null);
    }

    /** @param pages the web app, whose unknown paths are HTML pages; null for the API alone */
    static void register(JavalinConfig config, long maxRequestBytes, WebServices pages) {
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
        config.routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e.problem()));
        config.routes.exception(CoachException.class, (e, ctx) -> write(ctx, problemOf(e).problem()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (pages != null && ErrorPages.isBrowserPath(ctx.path())) {
                ErrorPages.status(ctx, pages, e.getStatus()); // a page the browser asked for: an HTML page, not JSON
            } else {
                write(ctx, ofJavalin(e.getStatus(), maxRequestBytes));
            }
        });
        // Jetty's multipart parser fails with a ServletException: a body over the limit (with or without a
        // Content-Length; Jetty says "max length exceeded" or "max file size exceeded"), or a broken one.
        config.routes.exception(ServletException.class, (e, ctx) -> {
            if (ctx.contentLength() > maxRequestBytes || overLimit(e)) {
                write(ctx, ofJavalin(413, maxRequestBytes));
            } else if (hasCause(e, BadMessageException.class)) {
                write(ctx, ProblemException.invalid("body", null, "is not a readable multipart/form-data body:"
                        + " each part needs a Content-Disposition with a filename, between boundaries").problem());
            } else {
                internalError(ctx, e);
            }
        });
        // A write that waited its bound behind others: try again shortly, never a hang (API.md).
        config.routes.exception(StoreBusyException.class, (e, ctx) -> {
            ctx.header("Retry-After", Integer.toString(StoreBusyException.RETRY_AFTER_SECONDS));
            write(ctx, new Problem("about:blank", "Service Unavailable", 503, "The database is busy with other"
                    + " writes and nothing was written; try again in a few seconds.", java.util.Map.of()));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            // A body that ends before its length or has broken chunks is the client's mistake, not a 500.
            if (hasCause(e, org.eclipse.jetty.io.EofException.class) || hasCause(e, HttpException.class)) {
                write(ctx, ProblemException.invalid("body", null, "could not be read: it ended before its"
                        + " Content-Length, or its chunked encoding is broken").problem());
            } else {
                internalError(ctx, e);
            }
        });
    }

    /** The application's answers without a result, as their HTTP problems. */
    static ProblemException problemOf(CoachException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.errors().isEmpty() ? ProblemException.invalid("request", null, e.getMessage())
                    : ProblemException.invalid(invalid.errors(), invalid.errorCount());
        }
        if (e instanceof NotFoundException) {
            return ProblemException.notFound(e.getMessage());
        }
        if (e instanceof NotAllowedException) {
            return ProblemException.forbidden(e.getMessage());
        }
        if (e instanceof ConflictException) {
            return ProblemException.conflict(e.getMessage());
        }
        if (e instanceof ImportRejectedException rejected) {
            return ProblemException.importRejected(e.getMessage(), rejected.errors(), rejected.errorCount());
        }
        throw new IllegalArgumentException("no HTTP problem for " + e.getClass().getName());
    }

    private static void internalError(Context ctx, Exception e) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        write(ctx, new Problem("about:blank", "Internal Server Error", 500,
                "The server could not answer this request; the failure has been logged.", java.util.Map.of()));
    }

    private static boolean hasCause(Throwable e, Class<?> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean overLimit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).contains("exceeded")) {
                return true;
            }
        }
        return false;
    }

    /** Javalin's own failures: a fixed sentence per status, never the exception's text. */
    private static Problem ofJavalin(int status, long maxRequestBytes) {
        HttpStatus known = HttpStatus.forStatus(status);
        String title = known == HttpStatus.UNKNOWN ? "Error" : known.getMessage();
        String detail = switch (status) {
            case 404 -> "There is no such endpoint; GET /openapi.json lists them all.";
            case 405 -> "This endpoint does not take this method; GET /openapi.json lists what it takes.";
            case 413 -> "The request body is larger than the " + ImportLimits.bytes(maxRequestBytes)
                    + " this server accepts; split a large import into several.";
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
