package org.roadmapcoach.data.importer;

import java.io.InputStream;

/**
 * One CSV file to import: its name (one of CSV.md's nine, any case), how to open it, and where it comes
 * from for errors about the whole file (a zip entry's full name, such as {@code week.zip!w24/people.csv}).
 * The importer opens it once and closes it.
 */
public record CsvSource(String fileName, IoSupplier<InputStream> open, String origin) {

    public CsvSource(String fileName, IoSupplier<InputStream> open) {
        this(fileName, open, fileName);
    }
}
