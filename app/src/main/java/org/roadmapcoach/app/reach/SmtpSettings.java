package org.roadmapcoach.app.reach;

import java.util.Locale;
import org.roadmapcoach.app.problem.InvalidInputException;

/**
 * Where and how digests are sent: the {@code COACH_SMTP_*} settings of API.md.
 *
 * @param user null for a server without authentication (a local relay)
 * @param from the From address ({@code COACH_SMTP_FROM})
 */
public record SmtpSettings(String host, int port, String user, String password, String from, StartTls startTls) {

    /** {@code COACH_SMTP_STARTTLS}. */
    public enum StartTls {
        /** Refuse to send unless the server offers STARTTLS. */
        REQUIRED,
        /** STARTTLS when the server offers it, plain otherwise (a local relay). */
        OPTIONAL,
        /** Never. */
        OFF
    }

    /** The port when none is given: 25, the port of a relay. */
    public static final int DEFAULT_PORT = 25;

    @Override
    public String toString() { // never the password
        return "SmtpSettings[" + host + ":" + port + ", user=" + user + ", from=" + from + ", starttls=" + startTls + "]";
    }

    /**
     * Settings from their text (environment variables and {@code --smtp HOST:PORT}).
     *
     * @param hostAndPort {@code --smtp}, which wins over {@code host} and {@code port}; null when not given
     * @param defaultFrom the From address when {@code from} is not set
     * @throws InvalidInputException naming the setting that is wrong or missing
     */
    public static SmtpSettings of(String hostAndPort, String host, String port, String user, String password,
                                  String from, String startTls, String defaultFrom) {
        String h = blank(host) ? null : host.strip();
        String p = blank(port) ? null : port.strip();
        if (!blank(hostAndPort)) {
            int colon = hostAndPort.lastIndexOf(':');
            if (colon <= 0 || colon == hostAndPort.length() - 1) {
                throw new InvalidInputException("--smtp takes HOST:PORT, such as localhost:25, not '" + hostAndPort + "'.");
            }
            h = hostAndPort.substring(0, colon);
            p = hostAndPort.substring(colon + 1);
        }
        if (h == null) {
            throw new InvalidInputException("Digests need an SMTP server: set COACH_SMTP_HOST (and COACH_SMTP_PORT),"
                    + " give --smtp HOST:PORT, or write them as files with --dry-run.");
        }
        int portNumber = DEFAULT_PORT;
        if (p != null) {
            try {
                portNumber = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                portNumber = -1;
            }
            if (portNumber < 1 || portNumber > 65_535) {
                throw new InvalidInputException("The SMTP port must be a number from 1 to 65535, not '" + p + "'.");
            }
        }
        StartTls tls;
        try {
            tls = blank(startTls) ? StartTls.OPTIONAL : StartTls.valueOf(startTls.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("COACH_SMTP_STARTTLS must be required, optional or off, not '"
                    + startTls + "'.");
        }
        if (blank(user) != blank(password)) {
            throw new InvalidInputException("Set both COACH_SMTP_USER and COACH_SMTP_PASSWORD, or neither.");
        }
        String sender = blank(from) ? defaultFrom : from.strip();
        try {
            DigestMail.address(sender, null);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("COACH_SMTP_FROM must be an email address, not '" + sender + "'.");
        }
        return new SmtpSettings(h, portNumber, blank(user) ? null : user, blank(password) ? null : password, sender,
                tls);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
