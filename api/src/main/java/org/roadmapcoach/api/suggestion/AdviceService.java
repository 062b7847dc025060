package org.roadmapcoach.api.suggestion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.roadmapcoach.api.auth.Access.PairingRef;
import org.roadmapcoach.api.auth.Caller;
import org.roadmapcoach.api.healthcheck.HealthCheckJson.FindingJson;
import org.roadmapcoach.api.http.ProblemException;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.data.suggestion.Dismissal;
import org.roadmapcoach.data.suggestion.DismissalStore;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.evaluation.PairingResult;
import org.roadmapcoach.engine.evaluation.Suggestions;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * A pairing's suggestions and resource recommendations, evaluated live on every call (one pairing
 * takes milliseconds, so nothing is cached and a write or policy change shows at once), minus what
 * the pair dismissed while its evidence is unchanged.
 *
 * <p>Dismissing RES-RECOMMEND for a resource hides it for every objective it is recommended for,
 * unless an objective is named; each objective's recommendation then comes back on its own when its
 * evidence changes.
 */
public final class AdviceService {

    static final String RECOMMEND = "RES-RECOMMEND";

    private final SqliteStore store;
    private final Supplier<Evaluator> evaluator;
    private final DismissalStore dismissals;
    private final Clock clock;

    public AdviceService(SqliteStore store, Supplier<Evaluator> evaluator, Clock clock) {
        this.store = store;
        this.evaluator = evaluator;
        this.dismissals = new DismissalStore(store);
        this.clock = clock;
    }

    /** The evaluation of one pairing; empty when it is not active on {@code asOf}. */
    private Optional<List<Finding>> evaluate(PairingRef ref, LocalDate asOf) {
        Roadmap roadmap = store.roadmap(ref.cohortId(), ref.pairingId())
                .orElseThrow(() -> ProblemException.notFound("There is no pairing '" + ref.pairingId() + "'."));
        List<PairingResult> results = evaluator.get().evaluate(List.of(roadmap), store.resources(ref.cohortId()),
                store.policy(ref.cohortId()), asOf);
        return results.stream().findFirst().map(PairingResult::findings);
    }

    private List<Finding> visible(PairingRef ref, List<Finding> findings) {
        Map<String, String> dismissed = dismissals.ofPairing(ref.cohortId(), ref.pairingId()).stream()
                .collect(Collectors.toMap(d -> key(d.ruleId(), d.subjectId(), d.objectiveId()), Dismissal::fingerprint));
        return findings.stream()
                .filter(f -> !Fingerprint.of(f).equals(dismissed.get(key(f.ruleId(), f.subjectId(),
                        Fingerprint.objectiveOf(f)))))
                .toList();
    }

    public AdviceJson.Suggestions suggestions(PairingRef ref, LocalDate asOf, int limit) {
        Optional<List<Finding>> findings = evaluate(ref, asOf);
        if (findings.isEmpty()) {
            return new AdviceJson.Suggestions(ref.pairingId(), asOf, false, 0, List.of());
        }
        List<Finding> all = Suggestions.forMentee(findings.get(), Integer.MAX_VALUE);
        List<Finding> shown = visible(ref, all);
        return new AdviceJson.Suggestions(ref.pairingId(), asOf, true, all.size() - shown.size(),
                Suggestions.forMentee(shown, limit).stream().map(FindingJson::of).toList());
    }

    public AdviceJson.Recommendations recommendations(PairingRef ref, LocalDate asOf) {
        Optional<List<Finding>> findings = evaluate(ref, asOf);
        if (findings.isEmpty()) {
            return new AdviceJson.Recommendations(ref.pairingId(), asOf, false, List.of());
        }
        Map<String, Resource> catalog = store.resources(ref.cohortId()).stream()
                .collect(Collectors.toMap(Resource::id, Function.identity()));
        List<AdviceJson.Recommendation> recommendations = visible(ref, findings.get()).stream()
                .filter(f -> f.ruleId().equals(RECOMMEND))
                .sorted(Comparator.comparing(Fingerprint::objectiveOf)
                        .thenComparing(f -> String.valueOf(f.evidence().get("rank"))))
                .map(f -> {
                    Resource r = catalog.get(f.subjectId());
                    return new AdviceJson.Recommendation(f.subjectId(), r == null ? null : r.title(),
                            r == null ? null : r.type().code(), r == null ? null : r.url(),
                            r == null ? null : r.hours(), Fingerprint.objectiveOf(f), f.evidence().get("rank"),
                            f.message(), f.nextStep(), f.evidence());
                })
                .toList();
        return new AdviceJson.Recommendations(ref.pairingId(), asOf, true, recommendations);
    }

    /**
     * Hides the current findings of {@code ruleId} about {@code subjectId} (only the one for
     * {@code objectiveId} when given) until their evidence changes.
     */
    public AdviceJson.Dismissed dismiss(PairingRef ref, Caller caller, String ruleId, String subjectId,
                                        String objectiveId, LocalDate asOf) {
        List<Finding> matching = evaluate(ref, asOf).orElse(List.of()).stream()
                .filter(f -> f.ruleId().equals(ruleId) && f.subjectId().equals(subjectId))
                .filter(f -> objectiveId == null || objectiveId.equals(Fingerprint.objectiveOf(f)))
                .toList();
        if (matching.isEmpty()) {
            throw ProblemException.notFound("Pairing '" + ref.pairingId() + "' has no suggestion " + ruleId + " about '"
                    + subjectId + "'" + (objectiveId == null ? "" : " for objective '" + objectiveId + "'") + " as of "
                    + asOf + ".");
        }
        Instant now = clock.instant();
        List<Dismissal> stored = matching.stream().map(f -> new Dismissal(ruleId, subjectId, Fingerprint.objectiveOf(f),
                Fingerprint.of(f), caller.personId(), now)).toList();
        dismissals.save(ref.cohortId(), ref.pairingId(), stored);
        return new AdviceJson.Dismissed(ref.pairingId(), ruleId, subjectId,
                stored.stream().map(Dismissal::objectiveId).filter(id -> !id.isEmpty()).toList(), asOf,
                caller.personId(), now);
    }

    private static String key(String ruleId, String subjectId, String objectiveId) {
        return ruleId + '\u0000' + subjectId + '\u0000' + objectiveId;
    }
}
