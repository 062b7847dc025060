package org.roadmapcoach.app.nextsteps;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.engine.evaluation.Suggestions;
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

    /**
     * A page of next steps across pairings, in RULES.md's order.
     *
     * @param total how many next steps there are in all
     * @param hidden how many dismissals hid
     */
    public record NextStepsPage(LocalDate asOf, int total, int offset, int limit, int hidden, List<Finding> steps) {

        static NextStepsPage of(LocalDate asOf, List<Finding> all, int hidden, int limit, int offset) {
            List<Finding> ordered = all.stream().sorted(Suggestions.ORDER).toList();
            int from = Math.min(offset, ordered.size());
            return new NextStepsPage(asOf, ordered.size(), offset, limit, hidden,
                    ordered.subList(from, Math.min(ordered.size(), from + limit)));
        }
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
