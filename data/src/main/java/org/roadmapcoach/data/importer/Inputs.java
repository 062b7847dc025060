package org.roadmapcoach.data.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Turns what an import is given into CSV sources: a folder gives its {@code *.csv} files, a
 * {@code .zip} its {@code .csv} entries (by base name), any other path is one named file; uploads are
 * named files already. Each file is recognised by its name ({@link FileNames}); macOS metadata
 * ({@code __MACOSX/}, {@code ._*}) is skipped without a word. What is not recognised is kept, not
 * reported, until the importer knows whether anything was: an import with no file of the format is
 * one error listing every file seen, otherwise an unrecognised file given by name is an error and one
 * found in a folder or zip a warning.
 *
 * <p>Zips stay open until {@link #close()}, so entries are streamed rather than extracted. An entry
 * whose declared size alone is beyond the import's byte limit is refused before anything is read; the
 * importer counts the bytes of every entry as it expands too, since a crafted zip may declare any size.
 */
final class Inputs implements AutoCloseable {

    /**
     * A file of the import that is none of the nine: an error when given by name ({@code where} null),
     * a warning when found in a folder or zip.
     */
    record Unrecognised(String file, String where) {

        boolean named() {
            return where == null;
        }

        String reason() {
            return named() ? "not a file of the cohort format: expected " + FileNames.expected()
                    : file + " in " + where + ": not a file of the cohort format (expected " + FileNames.expected()
                    + "); ignored";
        }
    }

    /** The names of the files seen that are kept for the report; the rest are counted. */
    static final int MAX_SEEN_KEPT = 20;

    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final List<CsvSource> sources = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();
    private long seenCount;
    // A zip may hold a million stray files: those found are kept only as far as the report shows warnings.
    private final List<Unrecognised> unrecognised = new ArrayList<>();
    private long unrecognisedNotKept;
    private final List<ZipFile> zips = new ArrayList<>();
    private final ImportProblems problems;
    private final ImportLimits limits;

    private Inputs(ImportProblems problems, ImportLimits limits) {
        this.problems = problems;
        this.limits = limits;
    }

    static Inputs resolve(List<Path> paths, ImportProblems problems, ImportLimits limits) {
        Inputs inputs = new Inputs(problems, limits);
        for (Path path : paths) {
            String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
            if (Files.isDirectory(path)) {
                inputs.addFolder(path);
            } else if (!Files.exists(path)) {
                problems.error(path.toString(), 0, null, null, "no such file or folder");
            } else if (lower(name).endsWith(".zip")) {
                inputs.addZip(path);
            } else {
                inputs.see(name);
                if (FileNames.table(name).isPresent()) {
                    inputs.sources.add(new CsvSource(name, () -> Files.newInputStream(path), path.toString()));
                } else {
                    inputs.unrecognised.add(new Unrecognised(path.toString(), null));
                }
            }
        }
        return inputs;
    }

    /** Files given by name (uploads, the bundled sample). */
    static Inputs of(List<CsvSource> given, ImportProblems problems, ImportLimits limits) {
        Inputs inputs = new Inputs(problems, limits);
        for (CsvSource source : given) {
            inputs.see(source.fileName());
            if (FileNames.table(source.fileName()).isPresent()) {
                inputs.sources.add(source);
            } else {
                inputs.unrecognised.add(new Unrecognised(source.fileName(), null));
            }
        }
        return inputs;
    }

    /** The recognised files, in the order given. */
    List<CsvSource> sources() {
        return sources;
    }

    /**
     * The first {@link #MAX_SEEN_KEPT} files seen, recognised or not, by the names a person knows them
     * by; hidden files and macOS metadata left out.
     */
    List<String> seen() {
        return seen;
    }

    /** How many files were seen in all. */
    long seenCount() {
        return seenCount;
    }

    /** The files that are none of the nine: every one given by name, those found as far as kept. */
    List<Unrecognised> unrecognised() {
        return unrecognised;
    }

    /** How many unrecognised files found in folders and zips were only counted. */
    long unrecognisedNotKept() {
        return unrecognisedNotKept;
    }

    private void see(String name) {
        if (++seenCount <= MAX_SEEN_KEPT) {
            seen.add(name);
        }
    }

    private void addFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!Files.isRegularFile(file) || name.startsWith(".")) {
                    continue; // hidden files (.DS_Store, ._people.csv) are no one's data
                }
                see(name);
                if (lower(name).endsWith(".csv")) {
                    addCsv(name, folder.toString(), file.toString(), () -> Files.newInputStream(file));
                }
            }
        } catch (IOException e) {
            problems.error(folder.toString(), 0, null, null, "cannot list the folder: " + e.getMessage());
        }
    }

    private void addZip(Path path) {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.error(path.toString(), 0, null, null, "not a readable zip file: " + e.getMessage());
            return;
        }
        zips.add(zip);
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName().replace('\\', '/');
            String origin = path.getFileName() + "!" + entry.getName();
            // Nothing is extracted, but a name that climbs out of the archive means a crafted or broken zip.
            if (name.startsWith("/") || WINDOWS_DRIVE.matcher(name).matches()
                    || List.of(name.split("/")).contains("..")) {
                problems.error(origin, 0, null, null,
                        "unsafe entry name: a zip entry may not be an absolute path or contain '..'");
            } else if (entry.isDirectory() || FileNames.isMacMetadata(name)) {
                continue;
            } else {
                see(entry.getName());
                if (lower(name).endsWith(".csv")) {
                    if (entry.getSize() > limits.maxBytes()) {
                        problems.error(origin, 0, null, null, "expands to " + entry.getSize() + " bytes, more than the "
                                + ImportLimits.bytes(limits.maxBytes()) + " one import may read (is it a zip bomb?)");
                    } else {
                        addCsv(name.substring(name.lastIndexOf('/') + 1), path.getFileName().toString(), origin,
                                () -> zip.getInputStream(entry));
                    }
                }
            }
        }
    }

    /** A {@code .csv} found in a folder or zip: imported when recognised, otherwise ignored with a warning. */
    private void addCsv(String name, String where, String origin, IoSupplier<InputStream> open) {
        if (FileNames.table(name).isPresent()) {
            sources.add(new CsvSource(name, open, origin));
        } else {
            if (unrecognised.size() < ImportProblems.MAX_WARNINGS_KEPT) {
                unrecognised.add(new Unrecognised(name, where));
            } else {
                unrecognisedNotKept++;
            }
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        for (ZipFile zip : zips) {
            try {
                zip.close();
            } catch (IOException e) {
                // Only read from; nothing is lost when closing fails.
            }
        }
    }
}
