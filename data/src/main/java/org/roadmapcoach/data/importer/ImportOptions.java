package org.roadmapcoach.data.importer;

/**
 * How an import is applied (docs/CSV.md, "Re-import and the app").
 *
 * @param sync also delete what earlier imports brought and the files of this one no longer have, with the
 *     imported records that depend on it (never what the app created)
 * @param dryRun report everything the import would do, and write nothing
 */
public record ImportOptions(boolean sync, boolean dryRun) {

    /** A plain import: merge and write, delete nothing. */
    public static final ImportOptions DEFAULT = new ImportOptions(false, false);
}
