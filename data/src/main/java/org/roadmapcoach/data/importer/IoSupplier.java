package org.roadmapcoach.data.importer;

import java.io.IOException;

/** Supplies a value, such as a freshly opened stream, and may fail with an I/O error. */
@FunctionalInterface
public interface IoSupplier<T> {
    T get() throws IOException;
}
