package org.roadmapcoach.app.nextsteps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.engine.finding.Finding;

/**
 * The findings of a stored health check, in front of a live evaluation: used only when the newest run as
 * of the same date, by the same rule base, saw exactly the cohort (its records, catalog and policy) and the
 * pairing of now (their revisions, which every write moves), so that it answers what the live evaluation
 * would, in a fraction of the time. Anything else is asked of {@code live}.
 */
public final class StoredRunFindings implements PairingFindings {

    private final RunStore runs;
    private final String ruleBase;
    private final PairingFindings live;

    /** @param ruleBase the rule base {@code live} evaluates with ({@code Evaluator.ruleBase()}) */
    public StoredRunFindings(RunStore runs, String ruleBase, PairingFindings live) {
        this.runs = runs;
        this.ruleBase = ruleBase;
        this.live = live;
    }

    @Override
    public Optional<List<Finding>> of(PairingRef ref, LocalDate asOf) {
        if (!ref.pairing().isActiveOn(asOf)) {
            return Optional.empty();
        }
        Optional<List<Finding>> stored = runs.currentFindings(ref.cohortId(), ref.pairingId(), asOf, ruleBase);
        return stored.isPresent() ? stored : live.of(ref, asOf);
    }

    /** Each pairing's stored findings where the run answers for it; the others asked of {@code live} together. */
    @Override
    public Map<String, List<Finding>> ofMany(List<PairingRef> pairings, LocalDate asOf) {
        Map<String, List<Finding>> found = new HashMap<>();
        List<PairingRef> unanswered = new ArrayList<>();
        for (PairingRef ref : pairings) {
            if (ref.pairing().isActiveOn(asOf)) {
                runs.currentFindings(ref.cohortId(), ref.pairingId(), asOf, ruleBase).ifPresentOrElse(
                        findings -> found.put(ref.pairingId(), findings), () -> unanswered.add(ref));
            }
        }
        found.putAll(live.ofMany(unanswered, asOf));
        Map<String, List<Finding>> inOrder = new LinkedHashMap<>();
        pairings.stream().filter(ref -> found.containsKey(ref.pairingId()))
                .forEach(ref -> inOrder.put(ref.pairingId(), found.get(ref.pairingId())));
        return inOrder;
    }
}
