package org.roadmapcoach.app.reach;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * A digest as an email: multipart plain text and HTML (every value escaped), with its
 * {@code Message-ID} and the one-click unsubscribe headers of RFC 8058. The text it returns is the exact
 * message that is stored in the outbox and sent, so a retry sends the same bytes.
 */
final class DigestMail {

    private static final Session SESSION = Session.getInstance(new Properties());

    private DigestMail() {
    }

    /**
     * @param signIn the sign-in address that opens a page of this app (one per page)
     * @param home the page of the person's whole picture ({@code /me}, a coordinator's {@code /cohorts/ID})
     */
    static String render(Digest digest, InternetAddress from, String messageId, Instant date,
                         Function<String, String> signIn, String home, String unsubscribe) {
        try {
            MimeMessage message = new MimeMessage(SESSION);
            message.setFrom(from);
            message.setRecipient(jakarta.mail.Message.RecipientType.TO,
                    new InternetAddress(digest.person().email(), digest.person().name(), "UTF-8"));
            message.setSubject(subject(digest), "UTF-8");
            message.setSentDate(Date.from(date));
            message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader("Auto-Submitted", "auto-generated");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(text(digest, signIn, home, unsubscribe), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(html(digest, signIn, home, unsubscribe), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.saveChanges();
            message.setHeader("Message-ID", messageId); // saveChanges made one of its own
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return bytes.toString(StandardCharsets.US_ASCII);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot write the digest of " + digest.person().id(), e);
        }
    }

    /** The recipient's address, checked. @throws IllegalArgumentException when it is not one */
    static InternetAddress address(String email, String name) {
        try {
            InternetAddress address = new InternetAddress(email, name, "UTF-8");
            address.validate();
            return address;
        } catch (jakarta.mail.internet.AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("'" + email + "' is not an email address", e);
        }
    }

    static String subject(Digest digest) {
        int count = digest.items().size();
        return "Roadmap Coach: " + count + (count == 1 ? " thing" : " things") + " to act on this week ("
                + digest.week() + ")";
    }

    static String text(Digest digest, Function<String, String> signIn, String home, String unsubscribe) {
        StringBuilder out = new StringBuilder();
        out.append("Hello ").append(digest.person().name()).append(",\n\n");
        if (digest.health() != null) {
            out.append(healthLine(digest.health())).append("\n\n");
        }
        if (!digest.turnedRed().isEmpty()) {
            out.append("Turned red since the previous health check:\n\n");
            digest.turnedRed().forEach(item -> item(out, item, signIn));
        }
        if (!digest.steps().isEmpty()) {
            out.append(digest.person().role() == Role.COORDINATOR ? "Your next steps for the cohort:\n\n"
                    : "Your next steps:\n\n");
            digest.steps().forEach(item -> item(out, item, signIn));
        }
        out.append("Everything in one place: ").append(signIn.apply(home)).append("\n\n");
        out.append("The links sign you in as ").append(digest.person().name())
                .append(" for 7 days; do not forward this email.\n");
        out.append("No more digests: ").append(unsubscribe).append("\n");
        return out.toString();
    }

    private static void item(StringBuilder out, Digest.Item item, Function<String, String> signIn) {
        out.append("* [").append(item.severity().code().toUpperCase(Locale.ROOT)).append("] ").append(item.about())
                .append(": ").append(item.message()).append("\n  Next step: ").append(item.nextStep())
                .append("\n  ").append(signIn.apply(item.page())).append("\n\n");
    }

    static String healthLine(Digest.CohortHealth health) {
        String now = "Cohort health as of " + health.asOf() + ": " + health.red() + " red, " + health.amber()
                + " amber, " + health.green() + " green";
        if (health.previousAsOf() == null) {
            return now + " (the first health check).";
        }
        return now + " (" + change(health.red() - health.redBefore()) + " red, "
                + change(health.amber() - health.amberBefore()) + " amber, "
                + change(health.green() - health.greenBefore()) + " green since " + health.previousAsOf() + ").";
    }

    private static String change(long delta) {
        return delta > 0 ? "+" + delta : delta == 0 ? "no change in" : Long.toString(delta);
    }

    static String html(Digest digest, Function<String, String> signIn, String home, String unsubscribe) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>").append(escape(subject(digest))).append("</title></head>\n<body style=\"font-family:"
                + "sans-serif;max-width:40em\">\n<p>Hello ").append(escape(digest.person().name())).append(",</p>\n");
        if (digest.health() != null) {
            out.append("<p>").append(escape(healthLine(digest.health()))).append("</p>\n");
        }
        if (!digest.turnedRed().isEmpty()) {
            out.append("<h2>Turned red since the previous health check</h2>\n<ul>\n");
            digest.turnedRed().forEach(item -> htmlItem(out, item, signIn));
            out.append("</ul>\n");
        }
        if (!digest.steps().isEmpty()) {
            out.append("<h2>").append(digest.person().role() == Role.COORDINATOR ? "Your next steps for the cohort"
                    : "Your next steps").append("</h2>\n<ul>\n");
            digest.steps().forEach(item -> htmlItem(out, item, signIn));
            out.append("</ul>\n");
        }
        out.append("<p><a href=\"").append(escape(signIn.apply(home))).append("\">Everything in one place</a></p>\n");
        out.append("<p style=\"color:#555;font-size:small\">The links sign you in as ")
                .append(escape(digest.person().name())).append(" for 7 days; do not forward this email. <a href=\"")
                .append(escape(unsubscribe)).append("\">No more digests</a>.</p>\n</body></html>\n");
        return out.toString();
    }

    private static void htmlItem(StringBuilder out, Digest.Item item, Function<String, String> signIn) {
        out.append("<li><p><strong>").append(escape(item.severity().code())).append("</strong> ")
                .append(escape(item.about())).append(": ").append(escape(item.message())).append("</p><p>Next step: ")
                .append(escape(item.nextStep())).append(" <a href=\"").append(escape(signIn.apply(item.page())))
                .append("\">Open</a></p></li>\n");
    }

    /** Text as HTML content or a quoted attribute value. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
