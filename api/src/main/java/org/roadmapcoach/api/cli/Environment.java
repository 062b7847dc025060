package org.roadmapcoach.api.cli;

import java.net.URI;
import org.roadmapcoach.app.Links;
import org.roadmapcoach.app.reach.SmtpSettings;

/** The settings the command line takes from the environment (API.md), read in this one place. */
final class Environment {

    private Environment() {
    }

    /** {@code COACH_DB}: the database when {@code --db} is not given (a SQLite file or a PostgreSQL URL), or null. */
    static String db() {
        return System.getenv("COACH_DB");
    }

    /** The links printed and sent: under {@code COACH_BASE_URL}, else {@code coach serve}'s default address. */
    static Links links() {
        return links("127.0.0.1", 7070);
    }

    /** The links under {@code COACH_BASE_URL}, else under {@code http://host:port}. */
    static Links links(String host, int port) {
        return Links.of(System.getenv("COACH_BASE_URL"), host, port);
    }

    /** The SMTP settings of {@code COACH_SMTP_*}; {@code hostAndPort} ({@code --smtp}) wins over host and port. */
    static SmtpSettings smtp(String hostAndPort, Links links) {
        return SmtpSettings.of(hostAndPort, System.getenv("COACH_SMTP_HOST"), System.getenv("COACH_SMTP_PORT"),
                System.getenv("COACH_SMTP_USER"), System.getenv("COACH_SMTP_PASSWORD"), from(links),
                System.getenv("COACH_SMTP_STARTTLS"), from(links));
    }

    /** {@code COACH_SMTP_FROM}, else roadmap-coach@ the host of the links (localhost for an address). */
    static String from(Links links) {
        String configured = System.getenv("COACH_SMTP_FROM");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String host = URI.create(links.baseUrl()).getHost();
        return "roadmap-coach@" + (host != null && host.matches(".*[a-zA-Z].*\\..*") ? host : "localhost");
    }
}
