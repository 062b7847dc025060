package org.roadmapcoach.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.roadmapcoach.app.problem.InvalidInputException;

/**
 * The file a report goes to ({@code --out}), made sure of before any work: its folders are created and a
 * file is written beside it first, so that a path that cannot be written is an error before a health check
 * is evaluated or stored. The report is written to that file and moved into place once complete, so a
 * failure half way leaves the previous report as it was.
 */
final class ReportFile implements AutoCloseable {

    private final Path target;
    private final Path partial;
    private final PrintWriter writer;
    private boolean done;

    private ReportFile(Path target, Path partial, PrintWriter writer) {
        this.target = target;
        this.partial = partial;
        this.writer = writer;
    }

    /**
     * Creates the folders of {@code out} and a file beside it to write the report to.
     *
     * @param nothingDone what the error says was not done, such as "nothing was checked or stored"
     *
     * @throws InvalidInputException in one sentence naming the path and what is wrong with it
     */
    static ReportFile open(Path out, String nothingDone) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw cannot(out, nothingDone, target + " is a folder; give a file name, such as "
                    + target.resolve("report.html"));
        }
        Path folder = target.getParent();
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw cannot(out, nothingDone, e.getFile() + " is a file, not a folder");
        } catch (AccessDeniedException e) {
            throw cannot(out, nothingDone, "no permission to create " + e.getFile());
        } catch (IOException e) {
            throw cannot(out, nothingDone, "its folder cannot be created (" + e.getMessage() + ")");
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw cannot(out, nothingDone, "the file is not writable");
        }
        try {
            Path partial = Files.createTempFile(folder, "." + target.getFileName(), ".partial");
            return new ReportFile(target, partial,
                    new PrintWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8)));
        } catch (AccessDeniedException | NoSuchFileException e) {
            throw cannot(out, nothingDone, "no permission to write in " + folder);
        } catch (IOException e) {
            throw cannot(out, nothingDone, e.getMessage());
        }
    }

    private static InvalidInputException cannot(Path out, String nothingDone, String why) {
        return new InvalidInputException("Cannot write the report to " + out + ": " + why + "; " + nothingDone + ".");
    }

    PrintWriter writer() {
        return writer;
    }

    /** Puts the complete report in place. */
    void commit() {
        writer.close();
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the report into " + target, e);
        }
    }

    /** Deletes the partial report unless it was committed. */
    @Override
    public void close() {
        if (!done) {
            writer.close();
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // a stray hidden file beside the report; nothing else to do
            }
        }
    }
}
