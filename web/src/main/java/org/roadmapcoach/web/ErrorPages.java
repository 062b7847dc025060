package org.roadmapcoach.web;

import io.javalin.http.Context;
import org.roadmapcoach.app.problem.CoachException;
import org.roadmapcoach.app.problem.ConflictException;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.problem.NotAllowedException;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.store.StoreBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of a page as an HTML page, and only here: never a stack trace or JSON. A page outside
 * the person's reach is the same 404 page as one that does not exist, word for word.
 */
public final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    /** What an error page shows. */
    public record ErrorView(Frame frame, int status, String heading, String message) {
    }

    private ErrorPages() {
    }

    /** Whether {@code path} is one of the browser's (a page or an asset), not the API's. */
    public static boolean isBrowserPath(String path) {
        return !(path.startsWith("/api/") || path.equals("/api") || path.equals("/health")
                || path.equals("/openapi.json") || path.startsWith("/calendar/"));
    }

    /** The page of a failure the application layer named. */
    static void of(Context ctx, WebServices web, CoachException e) {
        if (e instanceof NotFoundException) {
            status(ctx, web, 404);
        } else if (e instanceof NotAllowedException) {
            show(ctx, web, 403, "Not yours to do", e.getMessage());
        } else if (e instanceof ConflictException) {
            show(ctx, web, 409, "That cannot be done now", e.getMessage());
        } else if (e instanceof InvalidInputException) {
            show(ctx, web, 400, "Something in the address is not right", e.getMessage());
        } else {
            unexpected(ctx, web, e);
        }
    }

    /** The page of a status without a story of its own: 404, 405, 413, ... */
    public static void status(Context ctx, WebServices web, int status) {
        switch (status) {
            case 404 -> show(ctx, web, 404, "Page not found",
                    "There is no such page, or it is not one you can see. Check the address, or go to your home page.");
            case 403 -> show(ctx, web, 403, "This form cannot be sent",
                    "The form did not carry this page's security token: it may be from another site, or from a"
                    + " page opened before you signed in or out. Go back, reload the page and send it again.");
            case 405 -> show(ctx, web, 405, "Not like this", "This page does not take that kind of request.");
            case 413 -> show(ctx, web, 413, "Too large", "What was sent is larger than this server accepts.");
            default -> show(ctx, web, status, "Something went wrong", "The server could not answer this request.");
        }
    }

    /** The page of a write that waited its turn behind others for as long as it may: nothing was written. */
    static void busy(Context ctx, WebServices web) {
        ctx.header("Retry-After", Integer.toString(StoreBusyException.RETRY_AFTER_SECONDS));
        show(ctx, web, 503, "Busy for a moment", "The database is busy with other writes and nothing was"
                + " written. Go back and send the form again in a few seconds.");
    }

    static void unexpected(Context ctx, WebServices web, Exception e) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        show(ctx, web, 500, "Something went wrong on our side",
                "The server could not show this page; the failure has been logged. Try again in a moment.");
    }

    private static void show(Context ctx, WebServices web, int status, String heading, String message) {
        Frame frame;
        try {
            frame = new PageRequest(ctx, web).frame(heading, null);
        } catch (RuntimeException e) {
            // a broken ?asOf= or an unreachable store: the error page still shows, without the frame's details
            frame = new Frame(heading, null, null, "", java.time.LocalDate.now(), false, null);
        }
        ctx.status(status);
        Pages.render(ctx, "error.jte", new ErrorView(frame, status, heading, message));
    }
}
