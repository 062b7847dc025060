package org.roadmapcoach.api.cli;

import org.roadmapcoach.app.Links;

/** The settings the command line takes from the environment (API.md), read in this one place. */
final class Environment {

    private Environment() {
    }

    /** The links printed and sent: under {@code COACH_BASE_URL}, else {@code coach serve}'s default address. */
    static Links links() {
        return links("127.0.0.1", 7070);
    }

    /** The links under {@code COACH_BASE_URL}, else under {@code http://host:port}. */
    static Links links(String host, int port) {
        return Links.of(System.getenv("COACH_BASE_URL"), host, port);
    }
}
