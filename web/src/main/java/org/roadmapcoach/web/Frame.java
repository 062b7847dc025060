package org.roadmapcoach.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * What every page shows around its content: its title, who is signed in, the CSRF token of its forms,
 * the as-of date it is seen on, and a notice after a form was sent.
 *
 * @param who the signed-in person's name (or id); null when nobody is signed in
 * @param asOfGiven whether the address named the date ({@code ?asOf=}), which every link and form then keeps
 * @param notice what the last form did, or null
 */
public record Frame(String title, String who, String role, String csrf, LocalDate asOf, boolean asOfGiven,
                    String notice) {

    /** {@code path} with this page's {@code ?asOf=} when the address named one. */
    public String link(String path) {
        if (!asOfGiven) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + "asOf=" + URLEncoder.encode(asOf.toString(),
                StandardCharsets.UTF_8);
    }

    /** A path segment (an id) made safe for an address. */
    public static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public boolean signedIn() {
        return who != null;
    }

    /** The same frame under another title. */
    public Frame titled(String newTitle) {
        return new Frame(newTitle, who, role, csrf, asOf, asOfGiven, notice);
    }
}
