package org.roadmapcoach.api.suggestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.roadmapcoach.api.healthcheck.HealthCheckJson.FindingJson;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.app.nextsteps.NextStepsViews.PairingNextSteps;

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

    private NextStepsJson() {
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
