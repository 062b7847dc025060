package org.roadmapcoach.app.nextsteps;

import org.roadmapcoach.app.problem.Shown;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.evaluation.PairingResult;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.roadmap.Roadmap;

/** A pairing's findings evaluated now: its roadmap, the cohort's catalog and policy, the rules. */
public final class LiveFindings implements PairingFindings {

    private static final int BULK_FROM = 50;
    private static final int READ_BATCH = 1000;
    private static final int SESSION_SIZE = 100;

    private final Store store;
    private final Supplier<Evaluator> evaluator;

    /** @param evaluator the rule base, which a starting server may still be building (asked for on first use) */
    public LiveFindings(Store store, Supplier<Evaluator> evaluator) {
        this.store = store;
        this.evaluator = evaluator;
    }

    @Override
    public Optional<List<Finding>> of(PairingRef ref, LocalDate asOf) {
        if (!ref.pairing().isActiveOn(asOf)) {
            return Optional.empty(); // as the evaluator would say, without reading the roadmap
        }
        Roadmap roadmap = store.roadmap(ref.cohortId(), ref.pairingId())
                .orElseThrow(() -> new NotFoundException("There is no pairing " + Shown.quoted(ref.pairingId()) + "."));
        List<PairingResult> results = evaluator.get().evaluate(List.of(roadmap), store.resources(ref.cohortId()),
                store.policy(ref.cohortId()), asOf);
        return results.stream().findFirst().map(PairingResult::findings);
    }

    /**
     * Many pairings of one cohort: their roadmaps read in key-range batches (a few queries per thousand
     * pairings rather than eight per pairing) and evaluated in sessions of {@value #SESSION_SIZE}, as a
     * health check does. Below {@value #BULK_FROM} pairings one by one is cheaper.
     */
    @Override
    public Map<String, List<Finding>> ofMany(List<PairingRef> pairings, LocalDate asOf) {
        Map<String, PairingRef> active = new HashMap<>();
        pairings.stream().filter(ref -> ref.pairing().isActiveOn(asOf)).forEach(ref -> active.put(ref.pairingId(), ref));
        if (active.size() < BULK_FROM) {
            return PairingFindings.super.ofMany(pairings, asOf);
        }
        String cohortId = active.values().iterator().next().cohortId();
        var catalog = store.resources(cohortId);
        var policy = store.policy(cohortId);
        Map<String, List<Finding>> found = new HashMap<>();
        store.forEachRoadmapBatch(cohortId, READ_BATCH, batch -> {
            List<Roadmap> asked = batch.stream().filter(r -> active.containsKey(r.pairing().id())).toList();
            for (int from = 0; from < asked.size(); from += SESSION_SIZE) {
                for (PairingResult result : evaluator.get().evaluate(
                        asked.subList(from, Math.min(asked.size(), from + SESSION_SIZE)), catalog, policy, asOf)) {
                    found.put(result.pairing().id(), result.findings());
                }
            }
        });
        Map<String, List<Finding>> inOrder = new LinkedHashMap<>();
        pairings.stream().filter(ref -> found.containsKey(ref.pairingId()))
                .forEach(ref -> inOrder.put(ref.pairingId(), found.get(ref.pairingId())));
        return inOrder;
    }
}
