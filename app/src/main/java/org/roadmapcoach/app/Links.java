package org.roadmapcoach.app;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.roadmapcoach.app.problem.Shown;
import org.roadmapcoach.app.problem.InvalidInputException;

/**
 * The addresses people are sent to: sign-in links, calendar feeds, the web app's pages and unsubscribe
 * pages, all under one base address ({@code COACH_BASE_URL}, API.md; by default the {@code serve}
 * address). One home, so that a printed link, a digest and a page agree.
 */
public record Links(String baseUrl) {

    /** The default base when nothing is configured: {@code coach serve}'s default address. */
    public static final String DEFAULT_BASE = "http://127.0.0.1:7070";

    public Links {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * The links under {@code configured} ({@code COACH_BASE_URL}) when set, else under {@code http://host:port}.
     *
     * @throws InvalidInputException when the configured base is not an http or https address
     */
    public static Links of(String configured, String host, int port) {
        if (configured == null || configured.isBlank()) {
            return new Links("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        }
        URI uri;
        try {
            uri = URI.create(configured.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new InvalidInputException("COACH_BASE_URL must be an http or https address such as"
                    + " https://coach.example.org, not '" + Shown.cut(configured) + "'.");
        }
        return new Links(configured.strip());
    }

    /** Whether the base is https (session cookies are then Secure). */
    public boolean isHttps() {
        return baseUrl.startsWith("https:");
    }

    /** The one-time sign-in link for secret {@code link} (WEB.md). */
    public String signIn(String link) {
        return baseUrl + "/signin?link=" + encode(link);
    }

    /**
     * The one-time sign-in link for secret {@code link} that, once used, opens {@code next} (a path of
     * this app such as {@code /pairings/P05}: the page where the person acts, as a digest's links do).
     */
    public String signIn(String link, String next) {
        if (!isLocalPath(next)) {
            throw new IllegalArgumentException("not a path of this app: " + next);
        }
        return signIn(link) + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code path} is a path of this app to go to after signing in: it starts with one slash (not
     * {@code //host}, not {@code /\host}), so that a crafted link cannot send someone elsewhere.
     */
    public static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
                && path.length() <= 500 && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** The calendar feed address for {@code feedToken} (REACH.md). */
    public String calendarFeed(String feedToken) {
        return baseUrl + "/calendar/" + encode(feedToken) + ".ics";
    }

    /** A person's home page. */
    public String me() {
        return baseUrl + "/me";
    }

    /** A pairing's page. */
    public String pairing(String pairingId) {
        return baseUrl + "/pairings/" + encode(pairingId);
    }

    /** A cohort's coordinator page. */
    public String cohort(String cohortId) {
        return baseUrl + "/cohorts/" + encode(cohortId);
    }

    /** The unsubscribe page for {@code token} (REACH.md). */
    public String unsubscribe(String token) {
        return baseUrl + "/unsubscribe/" + encode(token);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
