package org.roadmapcoach.api.http;

import org.roadmapcoach.app.Links;

/**
 * How the HTTP app is set up.
 *
 * @param maxRequestBytes the largest request body accepted (413 above it); imports are the large ones
 * @param links the addresses people are sent to ({@code COACH_BASE_URL}): the web app's session cookie is
 *     Secure when they are https, and the links it creates are under them
 */
public record AppConfig(long maxRequestBytes, Links links) {

    /** 32 MiB: a cohort of thousands of pairings as a zip or a few CSV files. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 32L * 1024 * 1024;

    /** The default links: {@code coach serve}'s default address. */
    public AppConfig(long maxRequestBytes) {
        this(maxRequestBytes, new Links(Links.DEFAULT_BASE));
    }

    public static AppConfig defaults() {
        return new AppConfig(DEFAULT_MAX_REQUEST_BYTES);
    }

    /** These settings with the addresses under {@code newLinks}. */
    public AppConfig withLinks(Links newLinks) {
        return new AppConfig(maxRequestBytes, newLinks);
    }
}
