package org.roadmapcoach.web;

import io.javalin.http.Context;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.roadmapcoach.app.Links;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.access.SessionService;
import org.roadmapcoach.app.access.SessionService.Session;

/**
 * Who is at the browser: their session, from its cookie, and the CSRF token their forms carry. A
 * signed-in person's forms carry their session's token; the sign-in forms, before any session, carry
 * the value of a cookie of their own (a double-submit token), so that no other site can sign someone
 * in as somebody else.
 */
public final class Visitor {

    /** The session cookie: HttpOnly, SameSite=Lax (a link clicked in webmail arrives signed in), Secure over https. */
    public static final String SESSION_COOKIE = "coach_session";
    /** The cookie of the sign-in forms' CSRF token, before there is a session. */
    public static final String SIGN_IN_COOKIE = "coach_signin";
    /** The form field every POST carries its CSRF token in. */
    public static final String CSRF_FIELD = "csrf";

    private static final String ATTRIBUTE = "coach.visitor";

    private final Optional<Session> session;
    private final String signInToken;

    private Visitor(Optional<Session> session, String signInToken) {
        this.session = session;
        this.signInToken = signInToken;
    }

    /** The visitor of this request, read once from its cookies. */
    public static Visitor of(Context ctx, SessionService sessions) {
        Visitor known = ctx.attribute(ATTRIBUTE);
        if (known == null) {
            known = new Visitor(sessions.find(ctx.cookie(SESSION_COOKIE)), ctx.cookie(SIGN_IN_COOKIE));
            ctx.attribute(ATTRIBUTE, known);
        }
        return known;
    }

    public Optional<Session> session() {
        return session;
    }

    public Optional<Caller> caller() {
        return session.map(Session::caller);
    }

    /**
     * The CSRF token this visitor's forms carry: the session's, or before signing in the sign-in cookie's
     * (set now when the browser has none).
     */
    public String csrfToken(Context ctx, SessionService sessions, Links links) {
        if (session.isPresent()) {
            return session.get().csrfToken();
        }
        if (signInToken == null || signInToken.length() != 43) {
            String token = sessions.randomToken();
            setCookie(ctx, SIGN_IN_COOKIE, token, links, -1);
            return token;
        }
        return signInToken;
    }

    /** Whether a POST's form carries this visitor's CSRF token. */
    public boolean acceptsCsrf(String sent) {
        if (session.isPresent()) {
            return session.get().acceptsCsrf(sent);
        }
        return signInToken != null && sent != null && MessageDigest.isEqual(
                signInToken.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets the session cookie of {@code session} (signing in). */
    public static void signIn(Context ctx, Session session, Links links) {
        setCookie(ctx, SESSION_COOKIE, session.secret(), links, -1);
    }

    /** Clears the session cookie (signing out). */
    public static void signOut(Context ctx, Links links) {
        setCookie(ctx, SESSION_COOKIE, "", links, 0);
    }

    /**
     * Written by hand: the attributes are exact (HttpOnly, SameSite=Lax, Secure over https, the whole app's
     * path), and a cookie without Max-Age ends with the browser; the server ends the session after 8 idle hours.
     */
    private static void setCookie(Context ctx, String name, String value, Links links, int maxAge) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax"
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "") + (links.isHttps() ? "; Secure" : ""));
    }
}
