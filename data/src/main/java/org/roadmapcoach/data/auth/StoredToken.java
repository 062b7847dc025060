package org.roadmapcoach.data.auth;

import java.time.Instant;

/**
 * A stored token without its secret: what it grants and its life.
 *
 * @param expiresAt null for a token that never expires (API tokens and calendar feeds)
 * @param usedAt when a one-time sign-in link was used; null while it is unused
 */
public record StoredToken(long id, TokenKind kind, TokenGrant grant, Instant createdAt, Instant expiresAt,
                          Instant usedAt) {

    /** Whether the token opens what its kind opens at {@code now}: not expired, and a sign-in link not used yet. */
    public boolean isValidAt(Instant now) {
        return (expiresAt == null || now.isBefore(expiresAt)) && (kind != TokenKind.SIGN_IN || usedAt == null);
    }
}
