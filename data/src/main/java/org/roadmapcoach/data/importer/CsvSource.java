package org.roadmapcoach.data.importer;

import java.io.InputStream;

/**
 * One CSV file to import: its name (one of CSV.md's nine, any case) and how to open it. The importer
 * opens it once and closes it.
 */
public record CsvSource(String fileName, IoSupplier<InputStream> open) {
}
