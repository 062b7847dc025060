package org.roadmapcoach.app.problem;

import java.util.List;
import org.roadmapcoach.data.importer.ImportError;

/** An import with errors, of which nothing was written: every error kept (the first 1,000) and the total. */
public final class ImportRejectedException extends CoachException {

    private static final long serialVersionUID = 1L;

    private final transient List<ImportError> errors;
    private final long errorCount;
    private final transient List<String> warnings;
    private final boolean dryRun;

    public ImportRejectedException(List<ImportError> errors, long errorCount) {
        this(errors, errorCount, List.of(), false);
    }

    /**
     * @param warnings what the import would have ignored, shown with the errors
     * @param dryRun whether it was a dry run (which writes nothing either way)
     */
    public ImportRejectedException(List<ImportError> errors, long errorCount, List<String> warnings, boolean dryRun) {
        super("Nothing was written: " + errorCount + " error" + (errorCount == 1 ? "" : "s") + " in the input"
                + (errors.size() < errorCount ? " (the first " + errors.size() + " are listed)" : "")
                + ". Fix them and import again.");
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
        this.warnings = List.copyOf(warnings);
        this.dryRun = dryRun;
    }

    public List<String> warnings() {
        return warnings;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public List<ImportError> errors() {
        return errors;
    }

    public long errorCount() {
        return errorCount;
    }
}
