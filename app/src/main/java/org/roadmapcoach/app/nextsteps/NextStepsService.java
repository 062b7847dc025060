package org.roadmapcoach.app.nextsteps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.nextsteps.NextStepsViews.Dismissed;
import org.roadmapcoach.app.nextsteps.NextStepsViews.PairingNextSteps;
import org.roadmapcoach.app.nextsteps.NextStepsViews.Recommendation;
import org.roadmapcoach.app.nextsteps.NextStepsViews.Recommendations;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.data.suggestion.Dismissal;
import org.roadmapcoach.data.suggestion.DismissalStore;
import org.roadmapcoach.engine.evaluation.Suggestions;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.roadmap.Resource;

/**
 * A pairing's next steps and resource recommendations, minus what was dismissed while its evidence is
 * unchanged. The findings come from one {@link PairingFindings}: live, or a stored health check that saw
 * exactly the data of now, so a write or a policy change shows in the next call either way.
 *
 * <p>Dismissing RES-RECOMMEND for a resource hides it for every objective it is recommended for,
 * unless an objective is named; each objective's recommendation then comes back on its own when its
 * evidence changes.
 */
public final class NextStepsService {

    static final String RECOMMEND = "RES-RECOMMEND";

    private final SqliteStore store;
    private final PairingFindings findings;
    private final DismissalStore dismissals;
    private final Clock clock;

    public NextStepsService(SqliteStore store, PairingFindings findings, Clock clock) {
        this.store = store;
        this.findings = findings;
        this.dismissals = new DismissalStore(store);
        this.clock = clock;
    }

    private List<Finding> visible(PairingRef ref, List<Finding> findings) {
        List<Dismissal> dismissed = dismissals.ofPairing(ref.cohortId(), ref.pairingId());
        if (dismissed.isEmpty()) {
            return findings;
        }
        Map<String, String> fingerprints = dismissed.stream()
                .collect(Collectors.toMap(d -> key(d.ruleId(), d.subjectId(), d.objectiveId()), Dismissal::fingerprint));
        return findings.stream()
                .filter(f -> !Fingerprint.of(f).equals(fingerprints.get(key(f.ruleId(), f.subjectId(),
                        Fingerprint.objectiveOf(f)))))
                .toList();
    }

    /** The pairing's first {@code limit} next steps as of {@code asOf}, and how many dismissals hid. */
    public PairingNextSteps suggestions(PairingRef ref, LocalDate asOf, int limit) {
        Optional<List<Finding>> found = findings.of(ref, asOf);
        if (found.isEmpty()) {
            return new PairingNextSteps(ref.pairingId(), asOf, false, 0, List.of());
        }
        List<Finding> all = Suggestions.forMentee(found.get(), Integer.MAX_VALUE);
        List<Finding> shown = visible(ref, all);
        return new PairingNextSteps(ref.pairingId(), asOf, true, all.size() - shown.size(),
                Suggestions.forMentee(shown, limit));
    }

    public Recommendations recommendations(PairingRef ref, LocalDate asOf) {
        Optional<List<Finding>> found = findings.of(ref, asOf);
        if (found.isEmpty()) {
            return new Recommendations(ref.pairingId(), asOf, false, List.of());
        }
        Map<String, Resource> catalog = store.resources(ref.cohortId()).stream()
                .collect(Collectors.toMap(Resource::id, Function.identity()));
        List<Recommendation> recommendations = visible(ref, found.get()).stream()
                .filter(f -> f.ruleId().equals(RECOMMEND))
                .sorted(Comparator.comparing(Fingerprint::objectiveOf)
                        .thenComparing(f -> String.valueOf(f.evidence().get("rank"))))
                .map(f -> {
                    Resource r = catalog.get(f.subjectId());
                    return new Recommendation(f.subjectId(), r == null ? null : r.title(),
                            r == null ? null : r.type().code(), r == null ? null : r.url(),
                            r == null ? null : r.hours(), Fingerprint.objectiveOf(f), f.evidence().get("rank"),
                            f.message(), f.nextStep(), f.evidence());
                })
                .toList();
        return new Recommendations(ref.pairingId(), asOf, true, recommendations);
    }

    /**
     * Hides the current findings of {@code ruleId} about {@code subjectId} (only the one for
     * {@code objectiveId} when given) until their evidence changes.
     */
    public Dismissed dismiss(PairingRef ref, Caller caller, String ruleId, String subjectId, String objectiveId,
                             LocalDate asOf) {
        List<Finding> matching = findings.of(ref, asOf).orElse(List.of()).stream()
                .filter(f -> f.ruleId().equals(ruleId) && f.subjectId().equals(subjectId))
                .filter(f -> objectiveId == null || objectiveId.equals(Fingerprint.objectiveOf(f)))
                .toList();
        if (matching.isEmpty()) {
            throw new NotFoundException("Pairing '" + ref.pairingId() + "' has no suggestion " + ruleId + " about '"
                    + subjectId + "'" + (objectiveId == null ? "" : " for objective '" + objectiveId + "'") + " as of "
                    + asOf + ".");
        }
        Instant now = clock.instant();
        List<Dismissal> stored = matching.stream().map(f -> new Dismissal(ruleId, subjectId, Fingerprint.objectiveOf(f),
                Fingerprint.of(f), caller.personId(), now)).toList();
        dismissals.save(ref.cohortId(), ref.pairingId(), stored);
        return new Dismissed(ref.pairingId(), ruleId, subjectId,
                stored.stream().map(Dismissal::objectiveId).filter(id -> !id.isEmpty()).toList(), asOf,
                caller.personId(), now);
    }

    private static String key(String ruleId, String subjectId, String objectiveId) {
        return ruleId + '\u0000' + subjectId + '\u0000' + objectiveId;
    }
}
