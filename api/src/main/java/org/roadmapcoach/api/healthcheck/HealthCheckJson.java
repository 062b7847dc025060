package org.roadmapcoach.api.healthcheck;

import org.roadmapcoach.app.healthcheck.HealthCheck;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.data.run.RunPairing;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;

/**
 * A health check in the JSON shape of API.md: summary, then every evaluated pairing (by id) with its
 * findings. {@code runId} is only set by the HTTP API.
 */
@JsonPropertyOrder({"cohortId", "runId", "asOf", "summary", "pairings"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthCheckJson(String cohortId, Long runId, LocalDate asOf, Summary summary,
                              List<PairingJson> pairings) {

    @JsonPropertyOrder({"pairings", "red", "amber", "green", "findings", "byRule"})
    public record Summary(long pairings, long red, long amber, long green, long findings, Map<String, Long> byRule) {
    }

    @JsonPropertyOrder({"pairingId", "menteeId", "mentorId", "health", "findings"})
    public record PairingJson(String pairingId, String menteeId, String mentorId, String health,
                              List<FindingJson> findings) {
        static PairingJson of(RunPairing p) {
            return new PairingJson(p.pairingId(), p.menteeId(), p.mentorId(), p.health().code(),
                    p.findings().stream().map(FindingJson::of).toList());
        }
    }

    @JsonPropertyOrder({"ruleId", "severity", "category", "subjectType", "subjectId", "audience", "message",
            "nextStep", "evidence"})
    public record FindingJson(String ruleId, String severity, String category, String subjectType, String subjectId,
                              String audience, String message, String nextStep, Map<String, Object> evidence) {
        public static FindingJson of(Finding f) {
            return new FindingJson(f.ruleId(), f.severity().code(), f.category(), f.subjectType().code(),
                    f.subjectId(), f.audience().code(), f.message(), f.nextStep(), f.evidence());
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
            generator.writeFieldName("summary");
            json.writeValue(generator, summary(check));
            generator.writeFieldName("pairings");
            generator.writeStartArray();
            IOException[] failure = {null};
            check.forEachPairing(HealthCheck.Order.BY_ID, true, (p, summary) -> {
                if (failure[0] == null) {
                    try {
                        json.writeValue(generator, PairingJson.of(p));
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    private static Summary summary(HealthCheck check) {
        return new Summary(check.pairings().size(), check.pairingsWith(Health.RED), check.pairingsWith(Health.AMBER),
                check.pairingsWith(Health.GREEN), check.findingCount(), check.byRule());
    }
}
