package org.roadmapcoach.api.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.app.problem.FieldError;
import org.roadmapcoach.app.problem.InvalidInputException;

/**
 * A request the API answers with a problem (RFC 9457) rather than a result: thrown by controllers (the
 * application's own reasons, {@code CoachException}, become one in {@link ErrorMapping}), turned into {@code application/problem+json} in one place ({@link ErrorMapping}). The
 * detail is shown to the caller, so it names what to fix and never holds SQL, paths or stack traces.
 */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The problem type of a request that breaks a field rule (400). */
    public static final String INVALID_REQUEST = "urn:roadmap-coach:problem:invalid-request";
    /** The problem type of a rejected import (422). */
    public static final String IMPORT_REJECTED = "urn:roadmap-coach:problem:import-rejected";

    private final int status;
    private final String type;
    private final String title;
    private final transient Map<String, Object> extensions;

    private ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = new LinkedHashMap<>(extensions);
    }

    /** One field broke a rule: 400 naming it. */
    public static ProblemException invalid(String field, Object value, String reason) {
        return invalid(List.of(new FieldError(field, value == null ? null : String.valueOf(value), reason)));
    }

    /** Some fields broke their rules: 400 naming each. */
    public static ProblemException invalid(List<FieldError> errors) {
        return invalid(errors, errors.size());
    }

    /**
     * Some fields broke their rules, {@code errorCount} in all: 400 naming the first 1,000 ({@code errors}
     * holds no more), with the count when some are left out.
     */
    public static ProblemException invalid(List<FieldError> errors, long errorCount) {
        FieldError first = errors.get(0);
        List<FieldError> kept = errors.subList(0, Math.min(errors.size(), InvalidInputException.MAX_ERRORS_KEPT));
        long count = Math.max(errorCount, errors.size());
        String detail = first + (count > 1 ? " (and " + (count - 1) + " more, see errors)" : "");
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (count > kept.size()) {
            extensions.put("errorCount", count);
        }
        extensions.put("errors", List.copyOf(kept));
        return new ProblemException(400, INVALID_REQUEST, "Invalid request", detail, extensions);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "about:blank", "Unauthorized", detail, Map.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "about:blank", "Forbidden", detail, Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "about:blank", "Not Found", detail, Map.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "about:blank", "Conflict", detail, Map.of());
    }

    /** A rejected import: 422 with every error kept, each with file, line, column, value and reason. */
    public static ProblemException importRejected(String detail, List<?> errors, long errorCount) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("errorCount", errorCount);
        extensions.put("errors", errors);
        return new ProblemException(422, IMPORT_REJECTED, "Import rejected", detail, extensions);
    }

    public int status() {
        return status;
    }

    /** The problem+json body. */
    public Problem problem() {
        return new Problem(type, title, status, getMessage(), extensions);
    }

}
