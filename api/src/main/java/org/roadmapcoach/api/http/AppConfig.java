package org.roadmapcoach.api.http;

/**
 * How the HTTP app is set up.
 *
 * @param maxRequestBytes the largest request body accepted (413 above it); imports are the large ones
 */
public record AppConfig(long maxRequestBytes) {

    /** 32 MiB: a cohort of thousands of pairings as a zip or a few CSV files. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 32L * 1024 * 1024;

    public static AppConfig defaults() {
        return new AppConfig(DEFAULT_MAX_REQUEST_BYTES);
    }
}
