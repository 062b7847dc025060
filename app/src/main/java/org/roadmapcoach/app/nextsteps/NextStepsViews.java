package org.roadmapcoach.app.nextsteps;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.engine.finding.Finding;

/** What the next-steps use cases answer, as values every face renders in its own way. */
public final class NextStepsViews {

    private NextStepsViews() {
    }

    /**
     * A pairing's next steps as of a date.
     *
     * @param active whether the pairing is active on the date (an inactive one has no next steps)
     * @param hidden how many next steps dismissals hid
     */
    public record PairingNextSteps(String pairingId, LocalDate asOf, boolean active, int hidden,
                                   List<Finding> suggestions) {
    }

    /** A resource recommended for one objective, with the rule's reasons. */
    public record Recommendation(String resourceId, String title, String type, String url, BigDecimal hours,
                                 String objectiveId, Object rank, String message, String nextStep,
                                 Map<String, Object> evidence) {
    }

    public record Recommendations(String pairingId, LocalDate asOf, boolean active,
                                  List<Recommendation> recommendations) {
    }

    /** What a dismissal hid: one suggestion per objective for RES-RECOMMEND, otherwise one. */
    public record Dismissed(String pairingId, String ruleId, String subjectId, List<String> objectiveIds,
                            LocalDate asOf, String dismissedBy, Instant dismissedAt) {
    }
}
