package org.roadmapcoach.data.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roadmapcoach.data.store.Store;

/**
 * The weekly digests' outbox, each person's digest history, unsubscribe tokens and opt-outs (schema 13).
 * A digest is queued together with its history and its unsubscribe token in one transaction, before it
 * is sent; the unique key (cohort, person, week) keeps it to one per person and week.
 */
public final class DigestStore {

    private static final int REPLY_CHARS = 1_000;

    private final Store store;

    public DigestStore(Store store) {
        this.store = store;
    }

    /** A digest to queue: the message and what it holds. */
    public record Queued(String cohortId, String personId, LocalDate week, String recipient, String messageId,
                         String message, List<HistoryEntry> items, String unsubscribeToken) {
    }

    /**
     * Writes {@code digest} to the outbox, with its items into the person's history and the hash of its
     * unsubscribe token, in one transaction.
     *
     * @return false (and nothing written) when the person already has a digest for that week
     */
    public boolean queue(Queued digest, Instant at) {
        return store.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO digest_outbox (cohort_id,"
                    + " person_id, week, recipient, message_id, message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (cohort_id, person_id, week) DO NOTHING")) {
                bind(insert, digest.cohortId(), digest.personId(), digest.week().toString(), digest.recipient(),
                        digest.messageId(), digest.message(), at.toString());
                if (insert.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement history = connection.prepareStatement("INSERT INTO digest_history (cohort_id,"
                    + " person_id, item_key, severity, sent_on) VALUES (?, ?, ?, ?, ?) ON CONFLICT (cohort_id,"
                    + " person_id, item_key) DO UPDATE SET severity = excluded.severity, sent_on = excluded.sent_on")) {
                for (HistoryEntry item : digest.items()) {
                    bind(history, digest.cohortId(), digest.personId(), item.itemKey(), item.severity(),
                            item.sentOn().toString());
                    history.addBatch();
                }
                history.executeBatch();
            }
            try (PreparedStatement token = connection.prepareStatement("INSERT INTO digest_unsubscribe_tokens"
                    + " (token_hash, cohort_id, person_id, created_at) VALUES (?, ?, ?, ?)")) {
                bind(token, hash(digest.unsubscribeToken()), digest.cohortId(), digest.personId(), at.toString());
                token.executeUpdate();
            }
            return true;
        });
    }

    /** Whether the person has a digest for {@code week} in the outbox, sent or not. */
    public boolean hasDigest(String cohortId, String personId, LocalDate week) {
        return store.query("SELECT 1 FROM digest_outbox WHERE cohort_id = ? AND person_id = ? AND week = ?", query -> {
            bind(query, cohortId, personId, week.toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        });
    }

    /** The cohort's digests whose send was not confirmed, oldest first. */
    public List<OutboxMessage> unsent(String cohortId) {
        return messages("WHERE cohort_id = ? AND sent_at IS NULL ORDER BY id", cohortId);
    }

    /** Every digest of the cohort, oldest first. */
    public List<OutboxMessage> outbox(String cohortId) {
        return messages("WHERE cohort_id = ? ORDER BY id", cohortId);
    }

    /** Records that the server accepted digest {@code id}, with its reply. */
    public void confirm(long id, Instant at, String serverReply) {
        update("UPDATE digest_outbox SET sent_at = ?, server_reply = ?, last_error = NULL, attempts = attempts + 1,"
                + " last_attempt_at = ? WHERE id = ?", at.toString(), shorten(serverReply), at.toString(), id);
    }

    /** Records a failed attempt to send digest {@code id}: it stays unsent and is retried. */
    public void fail(long id, Instant at, String error) {
        update("UPDATE digest_outbox SET last_error = ?, attempts = attempts + 1, last_attempt_at = ? WHERE id = ?",
                shorten(error), at.toString(), id);
    }

    /** How many of the cohort's digests the server accepted on {@code day} (UTC). */
    public int sentOn(String cohortId, LocalDate day) {
        // sent_at is an ISO instant in UTC (Instant.toString): its first ten characters are the day
        return store.query("SELECT COUNT(*) FROM digest_outbox WHERE cohort_id = ? AND substr(sent_at, 1, 10) = ?",
                query -> {
                    bind(query, cohortId, day.toString());
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        return rows.getInt(1);
                    }
                });
    }

    /** What the person's digests held, by item key. */
    public Map<String, HistoryEntry> history(String cohortId, String personId) {
        return store.query("SELECT * FROM digest_history WHERE cohort_id = ? AND person_id = ? ORDER BY item_key",
                query -> {
                    bind(query, cohortId, personId);
                    Map<String, HistoryEntry> entries = new LinkedHashMap<>();
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            entries.put(rows.getString("item_key"), new HistoryEntry(rows.getString("item_key"),
                                    rows.getString("severity"), LocalDate.parse(rows.getString("sent_on"))));
                        }
                    }
                    return entries;
                });
    }

    /** Who unsubscribe token {@code token} is for; empty when it is unknown. */
    public Optional<Subscriber> unsubscribeHolder(String token) {
        return store.query("SELECT cohort_id, person_id FROM digest_unsubscribe_tokens WHERE token_hash = ?", query -> {
            query.setString(1, hash(token));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Subscriber(rows.getString(1), rows.getString(2)))
                        : Optional.empty();
            }
        });
    }

    /** Stores the person's opt-out; unsubscribing twice keeps the first date. */
    public void unsubscribe(Subscriber subscriber, Instant at) {
        update("INSERT INTO digest_unsubscribes (cohort_id, person_id, unsubscribed_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (cohort_id, person_id) DO NOTHING", subscriber.cohortId(), subscriber.personId(),
                at.toString());
    }

    /** The people of the cohort who unsubscribed. */
    public Set<String> unsubscribed(String cohortId) {
        return store.query("SELECT person_id FROM digest_unsubscribes WHERE cohort_id = ?", query -> {
            query.setString(1, cohortId);
            Set<String> people = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    people.add(rows.getString(1));
                }
            }
            return people;
        });
    }

    private List<OutboxMessage> messages(String where, String cohortId) {
        return store.query("SELECT * FROM digest_outbox " + where, query -> {
            query.setString(1, cohortId);
            List<OutboxMessage> messages = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    messages.add(message(rows));
                }
            }
            return messages;
        });
    }

    private static OutboxMessage message(ResultSet row) throws SQLException {
        return new OutboxMessage(row.getLong("id"), row.getString("cohort_id"), row.getString("person_id"),
                LocalDate.parse(row.getString("week")), row.getString("recipient"), row.getString("message_id"),
                row.getString("message"), Instant.parse(row.getString("created_at")), row.getInt("attempts"),
                instant(row.getString("sent_at")), row.getString("server_reply"), row.getString("last_error"));
    }

    private void update(String sql, Object... values) {
        store.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    update.setObject(i + 1, values[i]);
                }
                return update.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement statement, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setString(i + 1, values[i]);
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String shorten(String text) {
        return text == null || text.length() <= REPLY_CHARS ? text : text.substring(0, REPLY_CHARS);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
