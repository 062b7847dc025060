package org.roadmapcoach.api.cohort;

import org.roadmapcoach.app.cohort.CohortService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.api.http.Callers;
import org.roadmapcoach.api.http.JsonBody;
import org.roadmapcoach.api.http.ProblemException;
import org.roadmapcoach.api.http.Requests;
import org.roadmapcoach.data.importer.ImportOptions;
import org.roadmapcoach.engine.roadmap.Cohort;

/** The coordinator's cohort endpoints: create, read, import, policy. */
public final class CohortController {

    private static final Set<String> COHORT_FIELDS = Set.of("id", "name", "startDate", "endDate");
    private static final Set<String> ZIP_TYPES = Set.of("application/zip", "application/x-zip-compressed");

    private final CohortService cohorts;
    private final Access access;
    private final ObjectMapper json;

    public CohortController(CohortService cohorts, Access access, ObjectMapper json) {
        this.cohorts = cohorts;
        this.access = access;
        this.json = json;
    }

    /** {@code POST /api/cohorts}. */
    public void create(Context ctx) {
        Access.requireCoordinator(Callers.of(ctx));
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json, COHORT_FIELDS);
        String id = body.required("id");
        String name = body.required("name");
        LocalDate start = body.date("startDate", false);
        LocalDate end = body.date("endDate", false);
        body.validate();
        if (start != null && end != null && end.isBefore(start)) {
            throw ProblemException.invalid("endDate", end, "must not be before startDate " + start);
        }
        access.createCohort(Callers.of(ctx), id);
        ctx.status(201).json(cohorts.create(new Cohort(id, name, start, end)));
    }

    /** {@code GET /api/cohorts/{cohortId}}. */
    public void get(Context ctx) {
        ctx.json(cohorts.view(access.cohort(Callers.of(ctx), ctx.pathParam("cohortId"))));
    }

    /**
     * {@code POST /api/cohorts/{cohortId}/imports?sync=&dryRun=}: one CSV, a zip, or multipart CSV files;
     * 200 with the report (docs/CSV.md), written unless it is a dry run.
     */
    public void importFiles(Context ctx) {
        String cohortId = access.cohort(Callers.of(ctx), ctx.pathParam("cohortId")).id();
        ImportOptions options = new ImportOptions(Requests.flag(ctx, "sync"), Requests.flag(ctx, "dryRun"));
        String type = mediaType(ctx);
        if (ctx.isMultipartFormData()) {
            List<CohortService.Upload> uploads = new ArrayList<>();
            for (UploadedFile file : ctx.uploadedFiles()) {
                uploads.add(new CohortService.Upload(baseName(file.filename()), read(file)));
            }
            if (uploads.isEmpty()) {
                throw ProblemException.invalid("body", null, "a multipart import needs at least one file part, each"
                        + " named as in the CSV format (people.csv, pairings.csv, ...)");
            }
            ctx.json(cohorts.importFiles(cohortId, uploads, options));
        } else if (ZIP_TYPES.contains(type)) {
            ctx.json(cohorts.importZip(cohortId, ctx.bodyAsBytes(), options));
        } else if (type.equals("text/csv")) {
            String file = ctx.queryParam("file");
            if (file == null || file.isBlank()) {
                throw ProblemException.invalid("file", null, "is required with text/csv: the name of the CSV file,"
                        + " such as ?file=objectives.csv");
            }
            ctx.json(cohorts.importCsv(cohortId, file.strip(), ctx.bodyAsBytes(), options));
        } else {
            throw ProblemException.invalid("Content-Type", type, "expected text/csv (with ?file=NAME.csv),"
                    + " application/zip or multipart/form-data");
        }
    }

    /**
     * {@code GET /api/cohorts/{cohortId}/policy}: key to value (the document PUT takes back), or with
     * {@code ?describe=true} every key with its group, type, value, default, range and meaning.
     */
    public void policy(Context ctx) {
        String cohortId = access.cohort(Callers.of(ctx), ctx.pathParam("cohortId")).id();
        if (Requests.flag(ctx, "describe")) {
            ctx.json(Map.of("keys", cohorts.describePolicy(cohortId)));
        } else {
            ctx.json(cohorts.policy(cohortId));
        }
    }

    /** {@code PUT /api/cohorts/{cohortId}/policy}: replaces the policy document; keys left out return to their defaults. */
    public void replacePolicy(Context ctx) {
        String cohortId = access.cohort(Callers.of(ctx), ctx.pathParam("cohortId")).id();
        ctx.json(cohorts.replacePolicy(cohortId, JsonBody.object(ctx.bodyAsBytes())));
    }

    /** {@code PATCH /api/cohorts/{cohortId}/policy}: changes the keys the body names, keeps the others. */
    public void changePolicy(Context ctx) {
        String cohortId = access.cohort(Callers.of(ctx), ctx.pathParam("cohortId")).id();
        ctx.json(cohorts.changePolicy(cohortId, JsonBody.object(ctx.bodyAsBytes())));
    }

    private static String mediaType(Context ctx) {
        String type = ctx.contentType();
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** Browsers send base names, but a crafted part may send a path: only the last segment counts. */
    private static String baseName(String name) {
        String plain = name == null ? "" : name.replace('\\', '/');
        return plain.substring(plain.lastIndexOf('/') + 1);
    }

    private static byte[] read(UploadedFile file) {
        try (var in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an uploaded file", e);
        }
    }
}
