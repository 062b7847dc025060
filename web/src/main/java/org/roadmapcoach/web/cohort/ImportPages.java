package org.roadmapcoach.web.cohort;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.roadmapcoach.app.cohort.CohortService.Upload;
import org.roadmapcoach.app.cohort.ImportSummary;
import org.roadmapcoach.app.problem.ImportRejectedException;
import org.roadmapcoach.data.importer.ImportOptions;
import org.roadmapcoach.engine.roadmap.Cohort;
import org.roadmapcoach.web.Frame;
import org.roadmapcoach.web.PageRequest;
import org.roadmapcoach.web.Pages;
import org.roadmapcoach.web.WebServices;

/**
 * Import, {@code /cohorts/{cohortId}/import} (WEB.md): upload a zip or CSV files; a dry run shows the whole
 * report (every error as file:line:column with the value and what was expected, the warnings, what would
 * be written, replaced and deleted); then "apply" imports the same files for real, kept on the server in
 * between ({@link UploadShelf}).
 */
public final class ImportPages {

    /**
     * What the import page shows: the upload form, and after a dry run or an import its report.
     *
     * @param summary the report of a valid dry run or import, or null
     * @param rejected the errors of a rejected one, or null
     * @param applyKey the key of the kept files that "apply" imports, or null
     * @param message a mistake of the upload itself (no file, two zips), or null
     */
    public record ImportView(Frame frame, Cohort cohort, String path, ImportSummary summary,
                             ImportRejectedException rejected, String applyKey, boolean sync, String message) {
    }

    private final WebServices web;
    private final CohortServices cohorts;
    private final UploadShelf shelf;

    public ImportPages(WebServices web, CohortServices cohorts, Clock clock) {
        this.web = web;
        this.cohorts = cohorts;
        this.shelf = new UploadShelf(clock);
    }

    /** {@code GET /cohorts/{cohortId}/import}: the upload form. */
    public void page(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        Cohort cohort = cohort(request);
        render(request, cohort, null, null, null, false, null);
    }

    /** {@code POST /cohorts/{cohortId}/import} (multipart): a dry run of the uploaded files. */
    public void dryRun(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        Cohort cohort = cohort(request);
        boolean sync = ctx.formParam("sync") != null;
        List<Upload> uploads = new ArrayList<>();
        for (UploadedFile file : ctx.uploadedFiles("files")) {
            if (file.size() > 0 || !file.filename().isBlank()) {
                uploads.add(new Upload(file.filename(), read(file)));
            }
        }
        String mistake = uploads.isEmpty() ? "Choose a zip or one or more CSV files to import."
                : uploads.stream().anyMatch(ImportPages::isZip) && uploads.size() > 1
                ? "Send one zip alone, or CSV files without a zip." : null;
        if (mistake != null) {
            ctx.status(400);
            render(request, cohort, null, null, null, sync, mistake);
            return;
        }
        try {
            ImportSummary summary = run(cohort.id(), uploads, new ImportOptions(sync, true));
            String key = shelf.put(request.caller().personId(), cohort.id(), uploads, sync);
            render(request, cohort, summary, null, key, sync, null);
        } catch (ImportRejectedException e) {
            ctx.status(422);
            render(request, cohort, null, e, null, sync, null);
        }
    }

    /** {@code POST /cohorts/{cohortId}/import/apply}: imports the files of the dry run for real. */
    public void apply(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        Cohort cohort = cohort(request);
        var shelved = shelf.take(ctx.formParam("upload"), request.caller().personId(), cohort.id());
        if (shelved.isEmpty()) {
            ctx.status(409);
            render(request, cohort, null, null, null, false, "The files of that dry run are no longer kept (they are"
                    + " kept for " + UploadShelf.KEPT_FOR.toMinutes() + " minutes, once). Upload them again.");
            return;
        }
        boolean sync = shelved.get().sync();
        try {
            ImportSummary summary = run(cohort.id(), shelved.get().files(), new ImportOptions(sync, false));
            render(request, cohort, summary, null, null, sync, null);
        } catch (ImportRejectedException e) {
            // the cohort changed since the dry run
            ctx.status(422);
            render(request, cohort, null, e, null, sync, null);
        }
    }

    private ImportSummary run(String cohortId, List<Upload> uploads, ImportOptions options) {
        if (uploads.size() == 1 && isZip(uploads.get(0))) {
            return cohorts.cohorts().importZip(cohortId, uploads.get(0).content(), options);
        }
        return cohorts.cohorts().importFiles(cohortId, uploads, options);
    }

    private Cohort cohort(PageRequest request) {
        return cohorts.board().cohort(request.caller(), request.ctx().pathParam("cohortId"));
    }

    private void render(PageRequest request, Cohort cohort, ImportSummary summary, ImportRejectedException rejected,
                        String key, boolean sync, String message) {
        String title = "Import into " + (cohort.name() != null ? cohort.name() : cohort.id());
        Pages.render(request.ctx(), "cohort/import.jte", new ImportView(request.frame(title, null), cohort,
                "/cohorts/" + Frame.segment(cohort.id()), summary, rejected, key, sync, message));
    }

    private static boolean isZip(Upload upload) {
        return upload.fileName().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static byte[] read(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
