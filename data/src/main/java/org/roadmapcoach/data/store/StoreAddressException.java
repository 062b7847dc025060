package org.roadmapcoach.data.store;

/** A {@code --db} or {@code COACH_DB} that names no usable database; the message never holds a password. */
public final class StoreAddressException extends IllegalArgumentException {

    public StoreAddressException(String message) {
        super(message);
    }
}
