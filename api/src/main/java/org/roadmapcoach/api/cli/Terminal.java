package org.roadmapcoach.api.cli;

import java.io.PrintStream;

/** A one-line progress bar on stderr, drawn only when the command runs in a terminal. */
final class Terminal {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean interactive;
    private final long total;

    Terminal(PrintStream err, boolean interactive, long total) {
        this.err = err;
        this.interactive = interactive;
        this.total = Math.max(1, total);
    }

    static Terminal forStderr(long total) {
        return new Terminal(System.err, System.console() != null, total);
    }

    void progress(long done) {
        if (!interactive) {
            return;
        }
        int filled = (int) Math.min(WIDTH, done * WIDTH / total);
        err.printf("\r[%s%s] %d/%d pairings", "#".repeat(filled), " ".repeat(WIDTH - filled), done, total);
        err.flush();
    }

    void done() {
        if (interactive) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            err.flush();
        }
    }
}
