package org.roadmapcoach.web.me;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.access.MeService.Me;
import org.roadmapcoach.app.access.MeService.MyPairing;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.data.auth.StoredToken;
import org.roadmapcoach.data.auth.TokenKind;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.roadmap.Roadmap;
import org.roadmapcoach.web.Form;
import org.roadmapcoach.web.Frame;
import org.roadmapcoach.web.PageRequest;
import org.roadmapcoach.web.Pages;
import org.roadmapcoach.web.WebServices;
import org.roadmapcoach.web.pairing.Action;
import org.roadmapcoach.web.pairing.Actions;

/**
 * A person's home, {@code /me} (WEB.md): a mentee's or mentor's next steps across their pairings, each with
 * the one form that acts on it, a check-in form for every pairing, their pairings; a coordinator's
 * cohorts; and everyone's sign-in links and calendar feeds, to create and revoke.
 */
public final class MePages {

    /** The most next steps the page lists; the rest are counted. */
    static final int SHOWN_STEPS = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A next step of one of the person's pairings, with its form. */
    public record MyStep(Finding finding, String partner, Action action, Action dismiss, String formId) {
    }

    /** One of the person's pairings, with its always-there check-in form. */
    public record PairingCard(MyPairing pairing, Action checkIn, String formId) {
    }

    /** A token, sign-in link or calendar feed of the person's, never its secret. */
    public record TokenRow(long id, String kind, String created, String state, String formId) {
    }

    /** A link or feed just created: shown once. */
    public record Created(String what, String address) {
    }

    public record MeView(Frame frame, Me me, List<MyStep> steps, int totalSteps, List<PairingCard> pairings,
                         List<TokenRow> tokens, Created created, Form failed) {

        /** The form with id {@code id}: as sent back when it failed, otherwise blank. */
        public Form form(String id) {
            return failed != null && failed.id().equals(id) ? failed : Form.blank(id);
        }
    }

    private final WebServices web;

    public MePages(WebServices web) {
        this.web = web;
    }

    /** {@code GET /me}. */
    public void page(Context ctx) {
        render(new PageRequest(ctx, web), null, null);
    }

    /** {@code /me} with {@code failed} (or null) shown with its errors. */
    public void render(PageRequest request, Form failed) {
        render(request, failed, null);
    }

    /** {@code POST /me/links}: a new one-time sign-in link for the person, shown once. */
    public void createLink(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        Caller c = request.caller();
        var issued = web.tokens().createSignInLink(c.personId(), c.role(), c.cohortId(), c.cohortId() == null,
                TokenService.SIGN_IN_LINK_LIFE);
        render(request, null, new Created("A sign-in link (it works once, for 15 minutes, on any device)",
                web.links().signIn(issued.token())));
    }

    /** {@code POST /me/feeds}: a new secret calendar feed address, shown once. */
    public void createFeed(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        Caller c = request.caller();
        var issued = web.tokens().createCalendarFeed(c.personId(), c.role(), c.cohortId(), c.cohortId() == null);
        render(request, null, new Created("A calendar feed address (keep it secret: anyone with it reads your dates)",
                web.links().calendarFeed(issued.token())));
    }

    /** {@code POST /me/tokens/{tokenId}/revoke}: one of the person's own; anyone else's is the 404 page. */
    public void revoke(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("tokenId"));
        } catch (NumberFormatException e) {
            throw new org.roadmapcoach.app.problem.NotFoundException("There is no such token.");
        }
        web.tokens().revokeOwn(request.caller(), id);
        ctx.redirect(request.after("/me#access", "revoke"), HttpStatus.SEE_OTHER);
    }

    private void render(PageRequest request, Form failed, Created created) {
        Caller caller = request.caller();
        Me me = web.me().me(caller);
        LocalDate asOf = request.asOf();
        List<MyStep> steps = List.of();
        int total = 0;
        List<PairingCard> cards = List.of();
        if (!caller.isCoordinator()) {
            List<PairingRef> pairings = web.access().pairingsOf(caller);
            var page = web.nextSteps().acrossPairings(caller, pairings, asOf, SHOWN_STEPS, 0);
            Map<String, Roadmap> roadmaps = new HashMap<>();
            Map<String, String> partners = new HashMap<>();
            me.pairings().forEach(p -> partners.put(p.pairingId(), p.partnerName() != null ? p.partnerName()
                    : p.partnerId()));
            for (PairingRef ref : pairings) {
                if (page.steps().stream().anyMatch(f -> f.pairingId().equals(ref.pairingId()))) {
                    roadmaps.put(ref.pairingId(), web.roadmaps().overview(ref, asOf).roadmap());
                }
            }
            steps = page.steps().stream().map(f -> new MyStep(f, partners.get(f.pairingId()),
                    Actions.of(f, roadmaps.get(f.pairingId()), asOf).orElse(null),
                    Actions.dismissable(f) ? Actions.dismiss(f) : null,
                    Form.idOf("step", f.pairingId(), f.ruleId(), f.subjectId(),
                            String.valueOf(f.evidence().getOrDefault("objectiveId", ""))))).toList();
            total = page.total();
            cards = me.pairings().stream().map(p -> new PairingCard(p,
                    Actions.checkIn(p.pairingId(), asOf.toString(), "checkin"), Form.idOf("checkin", p.pairingId())))
                    .toList();
        }
        List<TokenRow> tokens = tokenRows(web.tokens().listOwn(caller));
        Frame frame = request.frame(me.name() != null ? me.name() : "My home");
        Pages.render(request.ctx(), "me/me.jte", new MeView(frame, me, steps, total, cards, tokens, created, failed));
    }

    /** The person's tokens, links and feeds as the pages list them (on /me and a coordinator's cohort page). */
    public static List<TokenRow> tokenRows(List<StoredToken> tokens) {
        return tokens.stream().map(MePages::row).toList();
    }

    private static TokenRow row(StoredToken t) {
        String kind = switch (t.kind()) {
            case API -> "API token";
            case SIGN_IN -> "Sign-in link";
            case CALENDAR -> "Calendar feed";
        };
        String state = t.kind() != TokenKind.SIGN_IN ? "active"
                : t.usedAt() != null ? "used " + WHEN.format(t.usedAt())
                : "valid until " + WHEN.format(t.expiresAt());
        return new TokenRow(t.id(), kind, WHEN.format(t.createdAt()), state, Form.idOf("revoke", Long.toString(t.id())));
    }
}
