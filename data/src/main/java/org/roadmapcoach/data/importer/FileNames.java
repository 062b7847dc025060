package org.roadmapcoach.data.importer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.roadmapcoach.data.store.Table;
import org.roadmapcoach.data.store.Tables;

/**
 * Which of CSV.md's nine files a file is, by its name, as spreadsheets and browsers really write names
 * (docs/CSV.md, "Reading what spreadsheets really write"): in any case, after a prefix and a separator
 * ({@code Northwind mentoring - people.csv}, {@code 2026_pairings.csv}), with a copy suffix
 * ({@code people (1).csv}, {@code people copy.csv}, {@code people - Copy (2).csv}). The metadata macOS
 * puts beside files ({@code ._people.csv}, {@code __MACOSX/}) is never a file of the format.
 */
final class FileNames {

    private static final String EXTENSION = ".csv";
    /** What a prefix ends with before the file's own name; {@code " - "} ends with a space. */
    private static final List<String> SEPARATORS = List.of(" ", "_");
    /**
     * A copy suffix at the end of the name (without {@code .csv}): {@code (1)} as browsers add it,
     * {@code  2}, {@code -2} or {@code _2} as file managers and people do, {@code copy},
     * {@code copy 2} or {@code - Copy (2)} as Finder and Explorer do.
     */
    private static final Pattern COPY_SUFFIX = Pattern.compile(
            "(\\s*\\(\\d{1,4}\\)|[ _-]\\d{1,4}|(\\s+-)?\\s+copy(\\s+\\d{1,4}|\\s*\\(\\d{1,4}\\))?)$");
    /** File systems keep names to 255 bytes; a longer one (a crafted zip entry) is none of ours. */
    private static final int MAX_NAME = 255;
    private static final String MAC_FOLDER = "__MACOSX";
    private static final String MAC_METADATA_PREFIX = "._";

    private FileNames() {
    }

    /** The table of a file name (a base name, not a path), if it is one of CSV.md's nine. */
    static Optional<Table<?>> table(String fileName) {
        String name = fileName.strip().toLowerCase(Locale.ROOT);
        if (name.length() > MAX_NAME || name.startsWith(MAC_METADATA_PREFIX) || !name.endsWith(EXTENSION)) {
            return Optional.empty();
        }
        String stem = withoutCopySuffixes(name.substring(0, name.length() - EXTENSION.length()).strip());
        for (Table<?> table : Tables.ALL) {
            String own = table.fileName().substring(0, table.fileName().length() - EXTENSION.length());
            if (stem.equals(own) || SEPARATORS.stream().anyMatch(separator -> stem.endsWith(separator + own))) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a zip entry or a folder's file is metadata that macOS writes beside the real files (the
     * {@code __MACOSX/} folder of a zip, {@code ._name} AppleDouble files): skipped without a word.
     */
    static boolean isMacMetadata(String path) {
        String plain = path.replace('\\', '/');
        for (String segment : plain.split("/")) {
            if (segment.equals(MAC_FOLDER)) {
                return true;
            }
        }
        return plain.substring(plain.lastIndexOf('/') + 1).startsWith(MAC_METADATA_PREFIX);
    }

    /** {@code people.csv, pairings.csv, ...}: the nine names, in dependency order. */
    static String knownNames() {
        return String.join(", ", Tables.ALL.stream().map(Table::fileName).toList());
    }

    /** What an error about an unrecognised name expects, naming the forms that are accepted too. */
    static String expected() {
        return "one of " + knownNames() + " (a name may carry a prefix, as in 'Northwind - people.csv' or"
                + " '2026_pairings.csv', or a copy suffix, as in 'people (1).csv')";
    }

    private static String withoutCopySuffixes(String stem) {
        String current = stem;
        while (true) {
            String shorter = COPY_SUFFIX.matcher(current).replaceFirst("").strip();
            // A name that is nothing but a suffix ("(1).csv") is not stripped to nothing.
            if (shorter.equals(current) || shorter.isEmpty()) {
                return current;
            }
            current = shorter;
        }
    }
}
