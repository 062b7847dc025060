package org.roadmapcoach.data.importer;

import java.io.IOException;

/**
 * The input goes beyond one of the {@link ImportLimits}: thrown while reading, so that the rest is not
 * read (or held in memory) at all. The message is the reason for the import report.
 */
final class InputLimitException extends IOException {

    private static final long serialVersionUID = 1L;

    InputLimitException(String reason) {
        super(reason);
    }
}
