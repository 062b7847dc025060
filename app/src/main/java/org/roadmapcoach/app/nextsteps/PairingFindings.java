package org.roadmapcoach.app.nextsteps;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.engine.finding.Finding;

/**
 * Every finding of one pairing as of a date: what each person's next steps are chosen from. There is
 * one answer, however it is found: {@link LiveFindings} evaluates the rules, {@link StoredRunFindings}
 * stands in front of it with a stored health check that saw exactly the data of now.
 */
public interface PairingFindings {

    /** The pairing's findings in the rules' order; empty when the pairing is not active on {@code asOf}. */
    Optional<List<Finding>> of(PairingRef pairing, LocalDate asOf);

    /**
     * The findings of each of {@code pairings} (all of one cohort) that is active on {@code asOf}, by
     * pairing id: the same answers as {@link #of} one by one, found in bulk where that is cheaper.
     */
    default Map<String, List<Finding>> ofMany(List<PairingRef> pairings, LocalDate asOf) {
        Map<String, List<Finding>> found = new LinkedHashMap<>();
        for (PairingRef ref : pairings) {
            of(ref, asOf).ifPresent(findings -> found.put(ref.pairingId(), findings));
        }
        return found;
    }
}
