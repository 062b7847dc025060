package org.roadmapcoach.data.digest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One digest in the outbox: the exact message (RFC 5322 text) for one person and week.
 *
 * @param week the Monday of the digest's week
 * @param sentAt when the server accepted it; null while it is not confirmed
 * @param serverReply the server's reply to the accepted message; null while it is not confirmed
 * @param lastError why the last attempt failed; null when none did
 */
public record OutboxMessage(long id, String cohortId, String personId, LocalDate week, String recipient,
                            String messageId, String message, Instant createdAt, int attempts, Instant sentAt,
                            String serverReply, String lastError) {

    public boolean isSent() {
        return sentAt != null;
    }
}
