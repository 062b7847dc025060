package org.roadmapcoach.app.reach;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends over SMTP with Jakarta Mail (Eclipse Angus): one connection for a run, STARTTLS as the settings
 * say, authentication when a user is set. A refused recipient fails that message only; a dropped
 * connection is opened again for the next.
 */
public final class SmtpMailer implements Mailer {

    private static final String TIMEOUT_MS = "30000";

    private final SmtpSettings settings;
    private final Session session;
    private SMTPTransport transport;

    public SmtpMailer(SmtpSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.auth", Boolean.toString(settings.user() != null));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls() != SmtpSettings.StartTls.OFF));
        properties.put("mail.smtp.starttls.required",
                Boolean.toString(settings.startTls() == SmtpSettings.StartTls.REQUIRED));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.from", envelopeFrom(settings.from()));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        properties.put("mail.smtp.timeout", TIMEOUT_MS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MS);
        this.session = Session.getInstance(properties);
    }

    @Override
    public String send(String recipient, String message) throws MailFailure {
        try {
            MimeMessage mime = new MimeMessage(session,
                    new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)));
            SMTPTransport open = connected();
            // sendMessage, not Transport.send: it keeps the stored Message-ID and bytes as they are
            open.sendMessage(mime, new Address[] {new InternetAddress(recipient)});
            return open.getLastServerResponse().strip();
        } catch (MessagingException e) {
            String reply = transport == null ? null : transport.getLastServerResponse();
            if (transport != null && !transport.isConnected()) {
                transport = null;
            }
            throw new MailFailure(reply != null && !reply.isBlank() ? reply.strip() : String.valueOf(e.getMessage()), e);
        }
    }

    private SMTPTransport connected() throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            SMTPTransport opened = (SMTPTransport) session.getTransport("smtp");
            opened.connect(settings.host(), settings.port(), settings.user(), settings.password());
            transport = opened;
        }
        return transport;
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the messages were sent or recorded as failed already
            }
            transport = null;
        }
    }

    private static String envelopeFrom(String from) {
        try {
            return new InternetAddress(from).getAddress();
        } catch (MessagingException e) {
            return from;
        }
    }
}
