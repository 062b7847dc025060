package org.roadmapcoach.app.access;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.roadmapcoach.data.auth.SessionStore;
import org.roadmapcoach.data.auth.SessionStore.StoredSession;
import org.roadmapcoach.data.auth.TokenGrant;
import org.roadmapcoach.data.store.Store;

/**
 * The web app's sessions (WEB.md): started by signing in, ended by signing out or after
 * {@link #IDLE_LIMIT} without a request. Stored in the database, so that every server over one store
 * knows them; each carries the CSRF token its forms must send back.
 */
public final class SessionService {

    /** A session ends after this long without a request. */
    public static final Duration IDLE_LIMIT = Duration.ofHours(8);
    // How often a session's last request is written: not on every page, since each write is a commit that
    // every server's remembered reads start again from.
    static final Duration TOUCH_EVERY = Duration.ofMinutes(5);
    private static final int SECRET_BYTES = 32;
    private static final int MAX_SECRET_LENGTH = 200;

    /** A signed-in session: the secret its cookie holds, who it is, and the CSRF token of its forms. */
    public record Session(String secret, Caller caller, String csrfToken) {

        /** Whether {@code token}, sent back by a form, is this session's CSRF token (compared in constant time). */
        public boolean acceptsCsrf(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final SessionStore sessions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SessionService(Store store, Clock clock) {
        this.sessions = new SessionStore(store);
        this.clock = clock;
    }

    /** Starts a session for {@code caller}; sessions idle for longer than {@link #IDLE_LIMIT} are removed. */
    public Session start(Caller caller) {
        Instant now = clock.instant();
        sessions.deleteSeenBefore(now.minus(IDLE_LIMIT));
        String secret = randomToken();
        String csrf = randomToken();
        sessions.save(secret, new TokenGrant(caller.personId(), caller.role(), caller.cohortId()), csrf, now);
        return new Session(secret, caller, csrf);
    }

    /** The live session of cookie value {@code secret}; empty when unknown, ended or idle too long. */
    public Optional<Session> find(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > MAX_SECRET_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<StoredSession> stored = sessions.find(secret);
        if (stored.isEmpty() || !now.isBefore(stored.get().lastSeenAt().plus(IDLE_LIMIT))) {
            return Optional.empty();
        }
        StoredSession session = stored.get();
        if (!now.isBefore(session.lastSeenAt().plus(TOUCH_EVERY))) {
            sessions.touch(session.id(), now);
        }
        TokenGrant grant = session.grant();
        return Optional.of(new Session(secret, new Caller(grant.personId(), grant.role(), grant.cohortId()),
                session.csrfToken()));
    }

    /** Ends the session of cookie value {@code secret}, if there is one. */
    public void end(String secret) {
        if (secret != null && !secret.isBlank() && secret.length() <= MAX_SECRET_LENGTH) {
            sessions.delete(secret);
        }
    }

    /** 32 random bytes as base64url: a session's secret, or a CSRF token. */
    public String randomToken() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
