package org.roadmapcoach.data.store;

/** The database could not be read or written: a real I/O or SQL failure, never a user mistake. */
public class StoreAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
