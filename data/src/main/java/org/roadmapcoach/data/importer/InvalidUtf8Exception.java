package org.roadmapcoach.data.importer;

import java.io.IOException;

/** The input is not valid UTF-8; {@link #line()} is the physical line of the first bad byte. */
final class InvalidUtf8Exception extends IOException {

    private static final long serialVersionUID = 1L;

    private final long line;

    InvalidUtf8Exception(long line) {
        super("invalid UTF-8 on line " + line);
        this.line = line;
    }

    long line() {
        return line;
    }
}
