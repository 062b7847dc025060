package org.roadmapcoach.data.store;

/**
 * A write waited its bound for its turn (behind this process's other writers, or another process's) and
 * gave up: the store is busy, not broken; the same write may succeed a moment later.
 */
public final class StoreBusyException extends StoreAccessException {

    private static final long serialVersionUID = 1L;

    /** How long a caller is told to wait before trying again, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public StoreBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
