package org.roadmapcoach.app.nextsteps;

import org.roadmapcoach.app.problem.Shown;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.evaluation.PairingResult;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.roadmap.Roadmap;

/** A pairing's findings evaluated now: its roadmap, the cohort's catalog and policy, the rules. */
public final class LiveFindings implements PairingFindings {

    private final SqliteStore store;
    private final Supplier<Evaluator> evaluator;

    /** @param evaluator the rule base, which a starting server may still be building (asked for on first use) */
    public LiveFindings(SqliteStore store, Supplier<Evaluator> evaluator) {
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
}
