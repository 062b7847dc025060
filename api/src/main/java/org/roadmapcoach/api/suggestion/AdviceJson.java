package org.roadmapcoach.api.suggestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.api.healthcheck.HealthCheckJson.FindingJson;

/** The JSON of the suggestion endpoints. */
final class AdviceJson {

    private AdviceJson() {
    }

    /**
     * A pairing's next steps as of a date.
     *
     * @param active whether the pairing is active on the date (an inactive one has no suggestions)
     * @param hidden how many suggestions dismissals hid
     */
    record Suggestions(String pairingId, LocalDate asOf, boolean active, int hidden, List<FindingJson> suggestions) {
    }

    /** A resource recommended for one objective, with the rule's reasons. */
    record Recommendation(String resourceId, String title, String type, String url, BigDecimal hours,
                          String objectiveId, Object rank, String message, String nextStep,
                          Map<String, Object> evidence) {
    }

    record Recommendations(String pairingId, LocalDate asOf, boolean active, List<Recommendation> recommendations) {
    }

    /** What a dismissal hid: one suggestion per objective for RES-RECOMMEND, otherwise one. */
    record Dismissed(String pairingId, String ruleId, String subjectId, List<String> objectiveIds, LocalDate asOf,
                     String dismissedBy, Instant dismissedAt) {
    }
}
