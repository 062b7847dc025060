package org.roadmapcoach.data.importer;

/**
 * The most one import may hold. Above any of them the import is rejected with an error that names the
 * place and the limit, instead of running out of memory or time on a broken or hostile file. The
 * defaults leave room for a program of 100,000 pairings ({@code coach generate --pairings 100000}: about
 * 3.3 million rows and 600 MB) and for any text a person types into a spreadsheet cell.
 *
 * @param maxBytes bytes read in all, over every file of the import (zip entries as they expand)
 * @param maxRows rows in all, over every file of the import
 * @param maxRecordChars characters of one record (row), read before its cells can be judged; this is
 *     what bounds the memory of one row, since the CSV parser holds a whole record
 * @param maxTextChars characters of one cell (ids excepted)
 * @param maxIdChars characters of an id or a reference to one ({@code id} and {@code *_id} columns)
 * @param maxListItems items of a {@code ;}-separated list
 */
public record ImportLimits(long maxBytes, long maxRows, int maxRecordChars, int maxTextChars, int maxIdChars,
                           int maxListItems) {

    /** 1 GiB, 5 million rows, 1,000,000 characters a row, 10,000 a cell, 200 an id, 50 list items. */
    public static final ImportLimits DEFAULTS = new ImportLimits(1L << 30, 5_000_000, 1_000_000, 10_000, 200, 50);

    /** The same limits with another total of bytes (tests lower it to try a zip bomb quickly). */
    public ImportLimits withMaxBytes(long bytes) {
        return new ImportLimits(bytes, maxRows, maxRecordChars, maxTextChars, maxIdChars, maxListItems);
    }

    /** The same limits with another total of rows. */
    public ImportLimits withMaxRows(long rows) {
        return new ImportLimits(maxBytes, rows, maxRecordChars, maxTextChars, maxIdChars, maxListItems);
    }

    /** {@code 1073741824 bytes (1 GiB)}: exact for the record, readable for a person. */
    public static String bytes(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit < 0) {
            return bytes + " bytes";
        }
        String amount = value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
        return bytes + " bytes (" + amount + " " + units[unit] + ")";
    }
}
