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
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.roadmapcoach.data.store.Table;
import org.roadmapcoach.data.store.Tables;

/**
 * Turns the paths given to an import into CSV sources: a folder gives its {@code *.csv} files, a
 * {@code .zip} its {@code .csv} entries (by base name), any other path is one named file. Zips stay
 * open until {@link #close()}, so entries are streamed rather than extracted. An entry whose declared
 * size alone is beyond the import's byte limit is refused before anything is read; the importer
 * counts the bytes of every entry as it expands too, since a crafted zip may declare any size.
 */
final class Inputs implements AutoCloseable {

    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final List<CsvSource> sources = new ArrayList<>();
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
            if (Files.isDirectory(path)) {
                inputs.addFolder(path);
            } else if (!Files.exists(path)) {
                problems.error(path.toString(), 0, null, null, "no such file or folder");
            } else if (lower(path.getFileName().toString()).endsWith(".zip")) {
                inputs.addZip(path);
            } else if (table(path.getFileName().toString()).isPresent()) {
                inputs.sources.add(new CsvSource(path.getFileName().toString(), () -> Files.newInputStream(path)));
            } else {
                problems.error(path.toString(), 0, null, null, "not a file of the cohort format: expected a folder,"
                        + " a .zip or one of " + knownNames());
            }
        }
        return inputs;
    }

    List<CsvSource> sources() {
        return sources;
    }

    /** The table of a recognised file name (any case), if it is one of CSV.md's nine. */
    static Optional<Table<?>> table(String fileName) {
        for (Table<?> table : Tables.ALL) {
            if (table.fileName().equalsIgnoreCase(fileName)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    static String knownNames() {
        return String.join(", ", Tables.ALL.stream().map(Table::fileName).toList());
    }

    private void addFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && lower(name).endsWith(".csv")) {
                    addCsv(name, folder.toString(), name, () -> Files.newInputStream(file));
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
            } else if (!entry.isDirectory() && lower(name).endsWith(".csv")) {
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

    /** A {@code .csv} found in a folder or zip: imported when recognised, otherwise ignored with a warning. */
    private void addCsv(String name, String where, String origin, IoSupplier<InputStream> open) {
        if (table(name).isPresent()) {
            sources.add(new CsvSource(name, open, origin));
        } else {
            problems.warn(name + " in " + where + ": not a file of the cohort format (expected one of "
                    + knownNames() + "); ignored");
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
