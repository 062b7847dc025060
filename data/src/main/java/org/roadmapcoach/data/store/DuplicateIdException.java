package org.roadmapcoach.data.store;

/** A new record was given an id that the cohort already uses in its file. */
public class DuplicateIdException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String id;

    public DuplicateIdException(String fileName, String id) {
        super("id '" + id + "' is already used in " + fileName + " of this cohort");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
