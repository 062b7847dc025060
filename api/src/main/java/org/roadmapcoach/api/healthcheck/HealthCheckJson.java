package org.roadmapcoach.api.healthcheck;

import org.roadmapcoach.app.healthcheck.Change;
import org.roadmapcoach.app.healthcheck.HealthCheck;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.data.run.RunPairing;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;

/**
 * A health check in the JSON shape of API.md: summary (with what is new and resolved against the run
 * before), every evaluated pairing (by id) with its mentee's and mentor's names and its findings, each
 * with its change, then the findings of the run before that are resolved. {@code runId} is only set by the
 * HTTP API; {@code previousRunId} names the run compared with, when there is one.
 */
@JsonPropertyOrder({"cohortId", "runId", "asOf", "previousRunId", "summary", "pairings", "resolved"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthCheckJson(String cohortId, Long runId, LocalDate asOf, Long previousRunId, Summary summary,
                              List<PairingJson> pairings, List<ResolvedJson> resolved) {

    @JsonPropertyOrder({"pairings", "red", "amber", "green", "findings", "new", "resolved", "byRule"})
    public record Summary(long pairings, long red, long amber, long green, long findings,
                          @JsonProperty("new") long newFindings, long resolved, Map<String, Long> byRule) {
    }

    @JsonPropertyOrder({"pairingId", "menteeId", "menteeName", "mentorId", "mentorName", "health", "findings"})
    public record PairingJson(String pairingId, String menteeId, String menteeName, String mentorId,
                              String mentorName, String health, List<FindingJson> findings) {
        static PairingJson of(HealthCheck check, RunPairing p, HealthCheck.PairingSummary summary) {
            List<FindingJson> findings = new ArrayList<>(p.findings().size());
            for (int i = 0; i < p.findings().size(); i++) {
                findings.add(FindingJson.of(p.findings().get(i), check.changeOf(summary, i).label()));
            }
            return new PairingJson(p.pairingId(), p.menteeId(), check.nameOf(p.menteeId()), p.mentorId(),
                    check.nameOf(p.mentorId()), p.health().code(), findings);
        }
    }

    /** A finding; its change (against the run before) only in a health check, never in suggestions. */
    @JsonPropertyOrder({"ruleId", "severity", "category", "change", "subjectType", "subjectId", "audience", "message",
            "nextStep", "evidence"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FindingJson(String ruleId, String severity, String category, String change, String subjectType,
                              String subjectId, String audience, String message, String nextStep,
                              Map<String, Object> evidence) {
        public static FindingJson of(Finding f) {
            return of(f, null);
        }

        public static FindingJson of(Finding f, String change) {
            return new FindingJson(f.ruleId(), f.severity().code(), f.category(), change, f.subjectType().code(),
                    f.subjectId(), f.audience().code(), f.message(), f.nextStep(), f.evidence());
        }
    }

    /** A finding of the run before that this run no longer has. */
    @JsonPropertyOrder({"pairingId", "menteeId", "menteeName", "mentorId", "mentorName", "ruleId", "severity",
            "subjectType", "subjectId", "message"})
    public record ResolvedJson(String pairingId, String menteeId, String menteeName, String mentorId,
                               String mentorName, String ruleId, String severity, String subjectType,
                               String subjectId, String message) {
        static ResolvedJson of(HealthCheck check, RunPairing p, Finding f) {
            return new ResolvedJson(p.pairingId(), p.menteeId(), check.nameOf(p.menteeId()), p.mentorId(),
                    check.nameOf(p.mentorId()), f.ruleId(), f.severity().code(), f.subjectType().code(),
                    f.subjectId(), f.message());
        }
    }

    /**
     * Writes the health check, pretty printed, as the mapper would write this record of it, streaming the
     * pairings so that memory does not grow with the cohort.
     */
    public static void write(HealthCheck check, boolean withRunId, Writer out) throws IOException {
        write(check, withRunId, true, out);
    }

    /** {@link #write(HealthCheck, boolean, Writer)}, pretty printed or compact (as an API answers). */
    public static void write(HealthCheck check, boolean withRunId, boolean pretty, Writer out) throws IOException {
        // Values written into one generator keep its pretty printer (and so its indentation) only through
        // the mapper; flushing after each of them would flush the output once per pairing.
        ObjectMapper json = Json.mapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator generator = json.createGenerator(out)) {
            if (pretty) {
                generator.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            // The fields of the record, in its property order, with the pairings written one at a time.
            generator.writeStartObject();
            generator.writeStringField("cohortId", check.run().cohortId());
            if (withRunId) {
                generator.writeNumberField("runId", check.run().id());
            }
            generator.writeFieldName("asOf");
            json.writeValue(generator, check.run().asOf());
            if (check.previous().isPresent()) {
                generator.writeNumberField("previousRunId", check.previous().get().id());
            }
            generator.writeFieldName("summary");
            json.writeValue(generator, summary(check));
            IOException[] failure = {null};
            generator.writeFieldName("pairings");
            generator.writeStartArray();
            check.forEachPairing(HealthCheck.Order.BY_ID, true, (p, summary) -> {
                if (failure[0] == null) {
                    try {
                        json.writeValue(generator, PairingJson.of(check, p, summary));
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            });
            generator.writeEndArray();
            generator.writeFieldName("resolved");
            generator.writeStartArray();
            check.forEachResolved((p, f) -> {
                if (failure[0] == null) {
                    try {
                        json.writeValue(generator, ResolvedJson.of(check, p, f));
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            });
            generator.writeEndArray();
            if (failure[0] != null) {
                throw failure[0];
            }
            generator.writeEndObject();
        }
    }

    private static Summary summary(HealthCheck check) {
        return new Summary(check.pairings().size(), check.pairingsWith(Health.RED), check.pairingsWith(Health.AMBER),
                check.pairingsWith(Health.GREEN), check.findingCount(), check.count(Change.NEW),
                check.count(Change.RESOLVED), check.byRule());
    }
}
