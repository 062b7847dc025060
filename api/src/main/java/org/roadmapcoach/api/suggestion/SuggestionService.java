package org.roadmapcoach.api.suggestion;

import java.time.LocalDate;
import java.util.List;
import org.roadmapcoach.api.CoachInputException;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.evaluation.PairingResult;
import org.roadmapcoach.engine.evaluation.Suggestions;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.roadmap.Roadmap;

/** A mentee's next steps, evaluated live for one pairing. */
public final class SuggestionService {

    private final SqliteStore store;
    private final Evaluator evaluator;

    public SuggestionService(SqliteStore store, Evaluator evaluator) {
        this.store = store;
        this.evaluator = evaluator;
    }

    /** The cohort of a pairing; {@code cohortId} may be null when the pairing id is unique in the database. */
    public String cohortOf(String pairingId, String cohortId) {
        List<String> cohorts = store.cohortsOfPairing(pairingId);
        if (cohortId != null) {
            if (!cohorts.contains(cohortId)) {
                throw new CoachInputException("There is no pairing '" + pairingId + "' in cohort '" + cohortId + "'.");
            }
            return cohortId;
        }
        if (cohorts.isEmpty()) {
            throw new CoachInputException("There is no pairing '" + pairingId + "' in this database.");
        }
        if (cohorts.size() > 1) {
            throw new CoachInputException("Pairing '" + pairingId + "' exists in cohorts " + String.join(", ", cohorts)
                    + "; say which with --cohort.");
        }
        return cohorts.get(0);
    }

    /** The whole evaluation of one pairing as of {@code asOf}. */
    public PairingResult evaluate(String cohortId, String pairingId, LocalDate asOf) {
        Roadmap roadmap = store.roadmap(cohortId, pairingId).orElseThrow(() ->
                new CoachInputException("There is no pairing '" + pairingId + "' in cohort '" + cohortId + "'."));
        List<PairingResult> results = evaluator.evaluate(List.of(roadmap), store.resources(cohortId),
                store.policy(cohortId), asOf);
        if (results.isEmpty()) {
            var pairing = roadmap.pairing();
            throw new CoachInputException("Pairing '" + pairingId + "' is not active on " + asOf + " (status "
                    + pairing.status().code() + ", from " + pairing.startDate()
                    + (pairing.endDate() == null ? "" : " to " + pairing.endDate())
                    + "), so it has no suggestions.");
        }
        return results.get(0);
    }

    /** The first {@code limit} next steps of the mentee, in the order of RULES.md. */
    public List<Finding> suggest(String cohortId, String pairingId, LocalDate asOf, int limit) {
        return Suggestions.forMentee(evaluate(cohortId, pairingId, asOf).findings(), limit);
    }
}
