package org.roadmapcoach.app.problem;

import java.util.List;
import org.roadmapcoach.data.importer.ImportError;

/** An import with errors, of which nothing was written: every error kept (the first 1,000) and the total. */
public final class ImportRejectedException extends CoachException {

    private static final long serialVersionUID = 1L;

    private final transient List<ImportError> errors;
    private final long errorCount;

    public ImportRejectedException(List<ImportError> errors, long errorCount) {
        super("Nothing was written: " + errorCount + " error" + (errorCount == 1 ? "" : "s") + " in the input"
                + (errors.size() < errorCount ? " (the first " + errors.size() + " are listed)" : "")
                + ". Fix them and import again.");
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public List<ImportError> errors() {
        return errors;
    }

    public long errorCount() {
        return errorCount;
    }
}
