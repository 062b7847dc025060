package org.roadmapcoach.web.signin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadmapcoach.app.Links;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.access.SessionService.Session;
import org.roadmapcoach.app.problem.FieldError;
import org.roadmapcoach.web.Form;
import org.roadmapcoach.web.Frame;
import org.roadmapcoach.web.PageRequest;
import org.roadmapcoach.web.Pages;
import org.roadmapcoach.web.Visitor;
import org.roadmapcoach.web.WebServices;

/**
 * Signing in and out (WEB.md). A one-time link opens a page with one "Continue as NAME" button: the GET
 * uses nothing up (a mail scanner may follow links), only the button's POST signs in. A pasted API token
 * or link signs in too. After signing in, the person goes to {@code next} when it is a path of this app,
 * else home.
 */
public final class SignInPages {

    /** The sign-in page: a token to paste, and why a link did not work. */
    public record SignInView(Frame frame, Form form, String next, String problem, boolean signedOut) {
    }

    /** The page a one-time link opens: who it signs in, and the button that does. */
    public record ContinueView(Frame frame, String name, String role, String link, String next) {
    }

    /** The sign-out page: one button. */
    public record SignOutView(Frame frame) {
    }

    static final String USED_OR_EXPIRED = "This sign-in link has expired or was used already: each link signs in"
            + " once, within 15 minutes. Ask for a new one (coach token create --link), or paste a token below.";

    private final WebServices web;

    public SignInPages(WebServices web) {
        this.web = web;
    }

    /** {@code GET /signin}: the token form, or with {@code ?link=} the "Continue as NAME" page. */
    public void page(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        String next = next(ctx.queryParam("next"));
        String link = ctx.queryParam("link");
        if (link != null) {
            Optional<Caller> holder = web.tokens().signInLinkHolder(link);
            if (holder.isPresent()) {
                Caller caller = holder.get();
                String name = Optional.ofNullable(web.me().me(caller).name()).orElse(caller.personId());
                Pages.render(ctx, "signin/continue.jte", new ContinueView(request.frame("Sign in", null), name,
                        caller.role().code(), link, next));
                return;
            }
            ctx.status(HttpStatus.GONE);
            Pages.render(ctx, "signin/signin.jte", new SignInView(request.frame("Sign in", null), Form.blank("signin"),
                    next, USED_OR_EXPIRED, false));
            return;
        }
        Pages.render(ctx, "signin/signin.jte", new SignInView(request.frame("Sign in", null), Form.blank("signin"),
                next, null, ctx.queryParam("signedOut") != null));
    }

    /** {@code POST /signin}: a link's button ({@code link}) or a pasted token ({@code token}). */
    public void signIn(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        String next = next(ctx.formParam("next"));
        String link = ctx.formParam("link");
        if (link != null) {
            Optional<Caller> caller = web.tokens().redeemSignInLink(link);
            if (caller.isEmpty()) {
                ctx.status(HttpStatus.GONE);
                Pages.render(ctx, "signin/signin.jte", new SignInView(request.frame("Sign in", null),
                        Form.blank("signin"), next, USED_OR_EXPIRED, false));
                return;
            }
            start(ctx, caller.get(), next);
            return;
        }
        String token = Optional.ofNullable(ctx.formParam("token")).orElse("").strip();
        Optional<Caller> caller = token.isEmpty() ? Optional.empty()
                : web.tokens().authenticate("Bearer " + token).or(() -> web.tokens().redeemSignInLink(token));
        if (caller.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            Form failed = Form.failed("signin", Map.of("token", ""), List.of(new FieldError("token", null,
                    token.isEmpty() ? "paste your token here" : "this is no token or sign-in link of this app (a link"
                            + " signs in once, within 15 minutes)")), null);
            Pages.render(ctx, "signin/signin.jte", new SignInView(request.frame("Sign in", null), failed, next, null,
                    false));
            return;
        }
        start(ctx, caller.get(), next);
    }

    /** {@code GET /signout}: the button that signs out (a GET alone signs nobody out). */
    public void signOutPage(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        if (Visitor.of(ctx, web.sessions()).session().isEmpty()) {
            ctx.redirect("/signin", HttpStatus.SEE_OTHER);
            return;
        }
        Pages.render(ctx, "signin/signout.jte", new SignOutView(request.frame("Sign out", null)));
    }

    /** {@code POST /signout}: ends the session. */
    public void signOut(Context ctx) {
        Visitor.of(ctx, web.sessions()).session().map(Session::secret).ifPresent(web.sessions()::end);
        Visitor.signOut(ctx, web.links());
        ctx.redirect("/signin?signedOut", HttpStatus.SEE_OTHER);
    }

    private void start(Context ctx, Caller caller, String next) {
        Visitor.of(ctx, web.sessions()).session().map(Session::secret).ifPresent(web.sessions()::end);
        Visitor.signIn(ctx, web.sessions().start(caller), web.links());
        ctx.redirect(next != null ? next : "/me", HttpStatus.SEE_OTHER);
    }

    private static String next(String next) {
        return Links.isLocalPath(next) ? next : null;
    }
}
