package org.roadmapcoach.api.reach;

import io.javalin.http.Context;
import org.roadmapcoach.api.http.Callers;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.app.reach.CalendarService;
import org.roadmapcoach.app.reach.Unsubscribes;

/**
 * Calendar feeds and the digests' opt-out (REACH.md): {@code GET /calendar/{feedToken}.ics},
 * {@code GET /api/pairings/{id}/calendar.ics}, and {@code /unsubscribe/{token}}: GET shows a page with one
 * button, POST unsubscribes (RFC 8058 one-click; the URL's token is the proof, so no CSRF token).
 */
public final class ReachController {

    private static final String ICS = ".ics";

    private final CalendarService calendars;
    private final Unsubscribes unsubscribes;

    public ReachController(CalendarService calendars, Unsubscribes unsubscribes) {
        this.calendars = calendars;
        this.unsubscribes = unsubscribes;
    }

    /** {@code GET /calendar/{feedToken}.ics}: 404 for an unknown or revoked feed. */
    public void feed(Context ctx) {
        String name = ctx.pathParam("feed");
        if (!name.endsWith(ICS)) {
            throw new NotFoundException("There is no such calendar feed; its address ends in .ics.");
        }
        write(ctx, calendars.feed(name.substring(0, name.length() - ICS.length())));
    }

    /** {@code GET /api/pairings/{pairingId}/calendar.ics}: the pair's or a coordinator's. */
    public void pairing(Context ctx) {
        write(ctx, calendars.pairing(Callers.of(ctx), ctx.pathParam("pairingId")));
    }

    /** {@code GET /unsubscribe/{token}}: the page with one button; an unknown token gets a page saying so. */
    public void unsubscribePage(Context ctx) {
        String token = ctx.pathParam("token");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        try {
            ctx.html(UnsubscribePages.ask(unsubscribes.nameOf(token)));
        } catch (NotFoundException e) {
            ctx.status(404).html(UnsubscribePages.unknown());
        }
    }

    /** {@code POST /unsubscribe/{token}}: unsubscribes; an unknown token is a 404 problem. */
    public void unsubscribe(Context ctx) {
        String token = ctx.pathParam("token");
        String name = unsubscribes.nameOf(token);
        unsubscribes.unsubscribe(token);
        ctx.header("Cache-Control", "no-store");
        ctx.html(UnsubscribePages.done(name));
    }

    private static void write(Context ctx, CalendarService.Feed feed) {
        ctx.header("ETag", feed.etag());
        ctx.header("Cache-Control", "private, no-cache");
        String match = ctx.header("If-None-Match");
        if (match != null && (match.strip().equals("*") || java.util.Arrays.stream(match.split(","))
                .map(String::strip).map(t -> t.startsWith("W/") ? t.substring(2) : t).anyMatch(feed.etag()::equals))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("text/calendar; charset=utf-8").result(feed.body());
    }
}
