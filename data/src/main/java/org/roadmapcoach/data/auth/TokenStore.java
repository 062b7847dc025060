package org.roadmapcoach.data.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.data.store.StoreMemo;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * API tokens. Only the SHA-256 of a token is stored; a token is looked up by the first digits of its
 * hash and the whole hash is compared in constant time, so neither the database nor response times
 * give a token away.
 */
public final class TokenStore {

    private static final int PREFIX_LENGTH = 16;

    private final SqliteStore store;
    // Every request shows its token: what each grants is remembered while the database is unchanged.
    private final StoreMemo<String, Optional<TokenGrant>> grants;

    public TokenStore(SqliteStore store) {
        this.store = store;
        this.grants = new StoreMemo<>(store, 10_000);
    }

    /** Stores the hash of {@code token} with what it grants; storing the same token again replaces its grant. */
    public void save(String token, TokenGrant grant, Instant createdAt) {
        String hash = hex(sha256(token));
        store.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO api_tokens (hash_prefix,"
                    + " token_hash, person_id, role, cohort_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (token_hash) DO UPDATE SET person_id = excluded.person_id,"
                    + " role = excluded.role, cohort_id = excluded.cohort_id, created_at = excluded.created_at")) {
                insert.setString(1, hash.substring(0, PREFIX_LENGTH));
                insert.setString(2, hash);
                insert.setString(3, grant.personId());
                insert.setString(4, grant.role().code());
                insert.setString(5, grant.cohortId());
                insert.setString(6, createdAt.toString());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** What {@code token} grants, or empty when it is not a stored token. */
    public Optional<TokenGrant> find(String token) {
        byte[] hash = sha256(token);
        return grants.get(hex(hash), key -> grant(hash));
    }

    private Optional<TokenGrant> grant(byte[] hash) {
        return store.query("SELECT * FROM api_tokens WHERE hash_prefix = ?", query -> {
            query.setString(1, hex(hash).substring(0, PREFIX_LENGTH));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byte[] stored = HexFormat.of().parseHex(rows.getString("token_hash"));
                    if (MessageDigest.isEqual(hash, stored)) {
                        return Optional.of(new TokenGrant(rows.getString("person_id"),
                                Coded.parse(Role.class, rows.getString("role")), rows.getString("cohort_id")));
                    }
                }
            }
            return Optional.empty();
        });
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
