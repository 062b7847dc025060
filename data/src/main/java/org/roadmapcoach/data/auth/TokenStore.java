package org.roadmapcoach.data.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.StoreMemo;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * API tokens, sign-in links and calendar feeds. Only the SHA-256 of a secret is stored; a secret is
 * looked up by the first digits of its hash and the whole hash is compared in constant time, so
 * neither the database nor response times give a secret away.
 */
public final class TokenStore {

    private static final int PREFIX_LENGTH = 16;

    private final Store store;
    // Every request shows its token: what each stored secret is is remembered while the database is unchanged.
    private final StoreMemo<String, Optional<StoredToken>> found;

    public TokenStore(Store store) {
        this.store = store;
        this.found = new StoreMemo<>(store, 10_000);
    }

    /** Stores an API token that never expires; storing the same token again replaces its grant. */
    public void save(String token, TokenGrant grant, Instant createdAt) {
        save(token, TokenKind.API, grant, createdAt, null);
    }

    /**
     * Stores the hash of {@code secret} with what it grants; storing the same secret again replaces it.
     *
     * @param expiresAt null for a secret that never expires
     * @return the stored token's id
     */
    public long save(String secret, TokenKind kind, TokenGrant grant, Instant createdAt, Instant expiresAt) {
        String hash = hex(sha256(secret));
        return store.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO api_tokens (hash_prefix,"
                    + " token_hash, person_id, role, cohort_id, created_at, kind, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (token_hash) DO UPDATE SET person_id = excluded.person_id,"
                    + " role = excluded.role, cohort_id = excluded.cohort_id, created_at = excluded.created_at,"
                    + " kind = excluded.kind, expires_at = excluded.expires_at, used_at = NULL",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, hash.substring(0, PREFIX_LENGTH));
                insert.setString(2, hash);
                insert.setString(3, grant.personId());
                insert.setString(4, grant.role().code());
                insert.setString(5, grant.cohortId());
                insert.setString(6, createdAt.toString());
                insert.setString(7, kind.code());
                insert.setString(8, expiresAt == null ? null : expiresAt.toString());
                insert.executeUpdate();
            }
            try (PreparedStatement id = connection.prepareStatement("SELECT id FROM api_tokens WHERE token_hash = ?")) {
                id.setString(1, hash);
                try (ResultSet rows = id.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** What API token {@code token} grants, or empty when it is not a stored API token. */
    public Optional<TokenGrant> find(String token) {
        return find(token, TokenKind.API).map(StoredToken::grant);
    }

    /** The stored secret of {@code kind}, valid or not (the caller decides with {@link StoredToken#isValidAt}). */
    public Optional<StoredToken> find(String secret, TokenKind kind) {
        byte[] hash = sha256(secret);
        return found.get(hex(hash), key -> stored(hash)).filter(t -> t.kind() == kind);
    }

    /**
     * Marks sign-in link {@code id} used, once: true for the one caller that used it, false when it was
     * used already (two browsers racing on one link: one signs in).
     */
    public boolean markUsed(long id, Instant at) {
        return store.inTransaction(connection -> {
            try (PreparedStatement use = connection.prepareStatement(
                    "UPDATE api_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL")) {
                use.setString(1, at.toString());
                use.setLong(2, id);
                return use.executeUpdate() == 1;
            }
        });
    }

    /** The tokens of {@code personId} (every person's when null), oldest first, without their secrets. */
    public List<StoredToken> list(String personId) {
        String where = personId == null ? "" : " WHERE person_id = ?";
        return store.query("SELECT * FROM api_tokens" + where + " ORDER BY id", query -> {
            if (personId != null) {
                query.setString(1, personId);
            }
            List<StoredToken> tokens = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tokens.add(token(rows));
                }
            }
            return tokens;
        });
    }

    /** Revokes token {@code id}; false when there is none. */
    public boolean revoke(long id) {
        return delete("id = ?", id) == 1;
    }

    /** Revokes every token of {@code personId}; the number revoked. */
    public int revokeAll(String personId) {
        return delete("person_id = ?", personId);
    }

    private int delete(String where, Object value) {
        return store.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM api_tokens WHERE " + where)) {
                delete.setObject(1, value);
                return delete.executeUpdate();
            }
        });
    }

    private Optional<StoredToken> stored(byte[] hash) {
        return store.query("SELECT * FROM api_tokens WHERE hash_prefix = ?", query -> {
            query.setString(1, hex(hash).substring(0, PREFIX_LENGTH));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byte[] stored = HexFormat.of().parseHex(rows.getString("token_hash"));
                    if (MessageDigest.isEqual(hash, stored)) {
                        return Optional.of(token(rows));
                    }
                }
            }
            return Optional.empty();
        });
    }

    private static StoredToken token(ResultSet row) throws SQLException {
        return new StoredToken(row.getLong("id"), Coded.parse(TokenKind.class, row.getString("kind")),
                new TokenGrant(row.getString("person_id"), Coded.parse(Role.class, row.getString("role")),
                        row.getString("cohort_id")),
                instant(row.getString("created_at")), instant(row.getString("expires_at")),
                instant(row.getString("used_at")));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
