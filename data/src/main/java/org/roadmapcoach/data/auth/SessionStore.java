package org.roadmapcoach.data.auth;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * The web app's sessions. Only the SHA-256 of a session's secret is stored, so a copy of the database
 * signs nobody in; each session keeps the CSRF token of its forms and when it was last seen.
 */
public final class SessionStore {

    /** A stored session: who it signs in, its forms' CSRF token, and when it was last seen. */
    public record StoredSession(long id, TokenGrant grant, String csrfToken, Instant createdAt, Instant lastSeenAt) {
    }

    private final Store store;

    public SessionStore(Store store) {
        this.store = store;
    }

    /** Stores a new session for the secret {@code secret}. */
    public void save(String secret, TokenGrant grant, String csrfToken, Instant at) {
        String now = seconds(at);
        store.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO web_sessions (session_hash,"
                    + " person_id, role, cohort_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, hash(secret));
                insert.setString(2, grant.personId());
                insert.setString(3, grant.role().code());
                insert.setString(4, grant.cohortId());
                insert.setString(5, csrfToken);
                insert.setString(6, now);
                insert.setString(7, now);
                return insert.executeUpdate();
            }
        });
    }

    /** The session of secret {@code secret}, whether or not it is still fresh (the caller decides). */
    public Optional<StoredSession> find(String secret) {
        return store.query("SELECT * FROM web_sessions WHERE session_hash = ?", query -> {
            query.setString(1, hash(secret));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredSession(row.getLong("id"), new TokenGrant(row.getString("person_id"),
                        Coded.parse(Role.class, row.getString("role")), row.getString("cohort_id")),
                        row.getString("csrf_token"), Instant.parse(row.getString("created_at")),
                        Instant.parse(row.getString("last_seen_at"))));
            }
        });
    }

    /** Records that session {@code id} was seen at {@code now}. */
    public void touch(long id, Instant now) {
        store.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE web_sessions SET last_seen_at = ? WHERE id = ?")) {
                update.setString(1, seconds(now));
                update.setLong(2, id);
                return update.executeUpdate();
            }
        });
    }

    /** Ends the session of secret {@code secret}; false when there was none. */
    public boolean delete(String secret) {
        return store.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM web_sessions WHERE session_hash = ?")) {
                delete.setString(1, hash(secret));
                return delete.executeUpdate() == 1;
            }
        });
    }

    /** Deletes the sessions last seen before {@code before}; how many. */
    public int deleteSeenBefore(Instant before) {
        return store.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM web_sessions WHERE last_seen_at < ?")) {
                delete.setString(1, seconds(before));
                return delete.executeUpdate();
            }
        });
    }

    // Whole seconds, so that the stored texts sort as the instants do.
    private static String seconds(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String hash(String secret) {
        return java.util.HexFormat.of().formatHex(TokenStore.sha256(secret));
    }
}
