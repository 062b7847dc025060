package org.roadmapcoach.data.importer;

import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * One import's running totals against its {@link ImportLimits}: the bytes read and the rows, over all
 * its files. Bytes are counted as they are read (a zip entry as it expands), so a file that is too big,
 * or a zip bomb, fails on its first byte past the limit, whatever sizes its headers declare.
 */
final class ImportBudget {

    private final ImportLimits limits;
    private long bytes;
    private long rows;
    private boolean exceeded;

    ImportBudget(ImportLimits limits) {
        this.limits = limits;
    }

    ImportLimits limits() {
        return limits;
    }

    /** Whether a limit of the whole import was passed: the files after it are not read. */
    boolean exceeded() {
        return exceeded;
    }

    /** Counts one more row; false (once and for all) when it is one more than the import may have. */
    boolean addRow() {
        if (++rows > limits.maxRows()) {
            exceeded = true;
        }
        return !exceeded;
    }

    String tooManyRows() {
        return "more than " + limits.maxRows() + " rows in this import, the most one import may have;"
                + " split it into several imports";
    }

    /** {@code in}, counting its bytes into the import's total; {@code origin} names it in the error. */
    InputStream meter(InputStream in, String origin) {
        if (in == null) {
            return null; // the reader reports a source that cannot be opened
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    count(read);
                }
                return read;
            }

            private void count(int read) throws InputLimitException {
                bytes += read;
                if (bytes > limits.maxBytes()) {
                    exceeded = true;
                    throw new InputLimitException(origin + " takes this import past " + ImportLimits.bytes(
                            limits.maxBytes()) + ", the most one import may read (a zip entry that expands this"
                            + " much is likely a zip bomb); split the import or leave out what does not belong");
                }
            }
        };
    }

    /** A reader that lets each record be at most {@link ImportLimits#maxRecordChars()} long. */
    RecordMeter recordMeter(Reader in) {
        return new RecordMeter(in, limits.maxRecordChars(), "this record is longer than " + limits.maxRecordChars()
                + " characters, the most one record may have (a cell may have at most " + limits.maxTextChars()
                + "): is a closing quote missing, or is this not a CSV file?");
    }

    /**
     * Counts the characters the CSV parser takes while it reads one record. The parser holds a whole
     * record in memory before it hands it over, so an endless cell (or a file with no line break at
     * all) must be stopped here, not after. The parser reads ahead through a buffer, so the count of
     * one record is off by up to a buffer either way: the check allows {@link #SLACK} more, which keeps
     * the error true ("longer than") and memory bounded all the same.
     */
    static final class RecordMeter extends FilterReader {

        static final int SLACK = 64 * 1024;

        private final int max;
        private final String reason;
        private long chars;

        private RecordMeter(Reader in, int max, String reason) {
            super(in);
            this.max = max;
            this.reason = reason;
        }

        /** A new record starts: count from zero. */
        void nextRecord() {
            chars = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count(1);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(int read) throws InputLimitException {
            chars += read;
            if (chars > (long) max + SLACK) {
                throw new InputLimitException(reason);
            }
        }
    }
}
