package org.roadmapcoach.api.healthcheck;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

    public static HealthCheckJson of(HealthCheck check, boolean withRunId) {
        var run = check.run();
        Summary summary = new Summary(run.pairings().size(), check.pairingsWith(Health.RED),
                check.pairingsWith(Health.AMBER), check.pairingsWith(Health.GREEN), check.findingCount(),
                check.byRule());
        return new HealthCheckJson(run.cohortId(), withRunId ? run.id() : null, run.asOf(), summary,
                run.pairings().stream().map(PairingJson::of).toList());
    }
}
