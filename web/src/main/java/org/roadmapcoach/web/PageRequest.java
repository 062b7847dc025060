package org.roadmapcoach.web;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.roadmapcoach.app.Links;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.engine.roadmap.Dates;

/**
 * What every page reads from its request: the as-of date ({@code ?asOf=}, or a form's {@code asOf} field,
 * else the store's today), the signed-in caller, and the frame around the page.
 */
public final class PageRequest {

    private final Context ctx;
    private final WebServices web;

    public PageRequest(Context ctx, WebServices web) {
        this.ctx = ctx;
        this.web = web;
    }

    public Context ctx() {
        return ctx;
    }

    public WebServices web() {
        return web;
    }

    /** The date named by {@code ?asOf=} (or a form's {@code asOf}), or null; a bad one is a 400 page. */
    public LocalDate givenAsOf() {
        String text = ctx.queryParam("asOf");
        if ((text == null || text.isBlank()) && "POST".equals(ctx.method().name())) {
            text = ctx.formParam("asOf");
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Dates.parse(text.strip());
        } catch (DateTimeException e) {
            throw InvalidInputException.of("asOf", text, "expected a date as yyyy-MM-dd");
        }
    }

    /** The page's as-of date: the one named, else the store's today. */
    public LocalDate asOf() {
        LocalDate given = givenAsOf();
        return given != null ? given : web.today().date();
    }

    /** The signed-in caller; a request without a session never reaches a page that asks (see {@link WebApp}). */
    public Caller caller() {
        return Visitor.of(ctx, web.sessions()).caller().orElseThrow(NotSignedInException::new);
    }

    /** What each {@code ?done=} of a form's redirect says. */
    private static final java.util.Map<String, String> NOTICES = java.util.Map.ofEntries(
            java.util.Map.entry("checkin", "The check-in is recorded."),
            java.util.Map.entry("activity", "The activity is recorded."),
            java.util.Map.entry("reciprocity", "What was given is recorded."),
            java.util.Map.entry("objective", "The objective is saved."),
            java.util.Map.entry("milestone", "The milestone is saved."),
            java.util.Map.entry("agreement", "The agreement is saved."),
            java.util.Map.entry("engagement", "The resource is saved."),
            java.util.Map.entry("dismiss", "Dismissed: it stays hidden for you until its facts change."),
            java.util.Map.entry("undismiss", "It is back among your next steps."),
            java.util.Map.entry("revoke", "Revoked: it no longer works."));

    /** The frame of a page titled {@code title}, with the notice of the form that led here ({@code ?done=}). */
    public Frame frame(String title) {
        String done = ctx.queryParam("done");
        return frame(title, done == null ? null : NOTICES.get(done));
    }

    /** The path after a form that did {@code done} (a key of the notices): {@code path} with the page's date. */
    public String after(String path, String done) {
        int hash = path.indexOf('#');
        String link = frame("").link(hash < 0 ? path : path.substring(0, hash));
        return link + (link.contains("?") ? "&" : "?") + "done=" + done + (hash < 0 ? "" : path.substring(hash));
    }

    /** The frame of a page titled {@code title}, with {@code notice} (or null) after a form. */
    public Frame frame(String title, String notice) {
        Visitor visitor = Visitor.of(ctx, web.sessions());
        String who = visitor.caller().map(this::nameOf).orElse(null);
        String role = visitor.caller().map(c -> c.role().code()).orElse(null);
        LocalDate given = givenAsOf();
        return new Frame(title, who, role, visitor.csrfToken(ctx, web.sessions(), web.links()),
                given != null ? given : web.today().date(), given != null, notice);
    }

    private String nameOf(Caller caller) {
        String name = web.me().me(caller).name();
        return name != null ? name : caller.personId();
    }

    /** The path to go back to after a form: its {@code back} field when it is a path of this app, else {@code fallback}. */
    public String back(String fallback) {
        String back = ctx.formParam("back");
        return Links.isLocalPath(back) ? back : fallback;
    }

    /** Thrown when a page needs someone signed in and nobody is. */
    static final class NotSignedInException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotSignedInException() {
            super("not signed in", null, false, false);
        }
    }
}
