package org.roadmapcoach.app.reach;

/** Sends stored messages; one per run of the digests (an SMTP connection, or the tests' own). */
public interface Mailer extends AutoCloseable {

    /**
     * Sends {@code message} (RFC 5322 text, sent exactly as it is) to {@code recipient}.
     *
     * @return the server's reply to the accepted message
     * @throws MailFailure when the server did not accept it (the message is retried later)
     */
    String send(String recipient, String message) throws MailFailure;

    @Override
    void close();

    /** A message the server did not accept, with the reason it gave. */
    final class MailFailure extends Exception {
        public MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
