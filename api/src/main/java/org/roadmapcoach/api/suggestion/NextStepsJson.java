package org.roadmapcoach.api.suggestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.roadmapcoach.api.healthcheck.HealthCheckJson.FindingJson;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.nextsteps.NextStepsViews.NextStepsPage;
import org.roadmapcoach.app.nextsteps.NextStepsViews.PairingNextSteps;
import org.roadmapcoach.engine.finding.Finding;

/**
 * The JSON body of a pairing's next steps, written here for both faces: {@code coach suggest --json}
 * prints exactly what {@code GET /api/pairings/{id}/suggestions} answers.
 */
public final class NextStepsJson {

    private static final ObjectMapper JSON = Json.mapper();

    /**
     * @param active whether the pairing is active on the date (an inactive one has no suggestions)
     * @param hidden how many suggestions dismissals hid
     */
    record Body(String pairingId, LocalDate asOf, boolean active, int hidden, List<FindingJson> suggestions) {
    }

    /** A next step among several pairings': the finding and its pairing. */
    @JsonPropertyOrder({"pairingId", "ruleId", "severity", "category", "subjectType", "subjectId", "audience",
            "message", "nextStep", "evidence"})
    record Step(String pairingId, String ruleId, String severity, String category, String subjectType,
                String subjectId, String audience, String message, String nextStep, Map<String, Object> evidence) {
        static Step of(Finding f) {
            return new Step(f.pairingId(), f.ruleId(), f.severity().code(), f.category(), f.subjectType().code(),
                    f.subjectId(), f.audience().code(), f.message(), f.nextStep(), f.evidence());
        }
    }

    /**
     * A page of a person's next steps across pairings, or a coordinator's for a cohort.
     *
     * @param cohortId the cohort, for a coordinator's; null for a mentee's or mentor's
     * @param total how many there are in all, of which {@code nextSteps} are those from {@code offset}
     */
    @JsonPropertyOrder({"personId", "role", "cohortId", "asOf", "total", "offset", "limit", "hidden", "nextSteps"})
    record Page(String personId, String role, String cohortId, LocalDate asOf, int total, int offset, int limit,
                int hidden, List<Step> nextSteps) {
    }

    private NextStepsJson() {
    }

    public static Object page(Caller caller, String cohortId, NextStepsPage page) {
        return new Page(caller.personId(), caller.role().code(), cohortId, page.asOf(), page.total(), page.offset(),
                page.limit(), page.hidden(), page.steps().stream().map(Step::of).toList());
    }

    public static Object body(PairingNextSteps steps) {
        return new Body(steps.pairingId(), steps.asOf(), steps.active(), steps.hidden(),
                steps.suggestions().stream().map(FindingJson::of).toList());
    }

    /** The body as compact UTF-8 JSON, as the API sends it. */
    public static byte[] bytes(PairingNextSteps steps) {
        try {
            return JSON.writeValueAsBytes(body(steps));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the next steps of " + steps.pairingId(), e);
        }
    }
}
