package org.roadmapcoach.api.suggestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.roadmapcoach.api.Json;
import org.roadmapcoach.api.auth.Access.PairingRef;
import org.roadmapcoach.api.auth.Caller;
import org.roadmapcoach.api.healthcheck.HealthCheckJson.FindingJson;
import org.roadmapcoach.api.http.ProblemException;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.data.store.StoreMemo;
import org.roadmapcoach.data.suggestion.Dismissal;
import org.roadmapcoach.data.suggestion.DismissalStore;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.evaluation.PairingResult;
import org.roadmapcoach.engine.evaluation.Suggestions;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.roadmap.Cohort;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * A pairing's suggestions and resource recommendations, minus what the pair dismissed while its
 * evidence is unchanged. Each call evaluates the pairing live, unless a stored health check as of the
 * same date, by the same rule base, saw exactly the cohort and pairing of now (their revisions): its
 * findings are then what a live evaluation would find, and reading them takes a fraction of the time.
 * So a write or a policy change shows at once, as with a live evaluation every time.
 *
 * <p>Dismissing RES-RECOMMEND for a resource hides it for every objective it is recommended for,
 * unless an objective is named; each objective's recommendation then comes back on its own when its
 * evidence changes.
 */
public final class AdviceService {

    static final String RECOMMEND = "RES-RECOMMEND";
    private static final ObjectMapper JSON = Json.mapper();
    /**
     * What the stored suggestions kept in memory may weigh: two fifths of the heap, 400 MB under
     * {@code -Xmx1g}, about 120,000 pairings' first suggestions.
     */
    static final long STORED_SUGGESTIONS_BYTES = Runtime.getRuntime().maxMemory() / 5 * 2;

    private final SqliteStore store;
    private final Supplier<Evaluator> evaluator;
    private final String ruleBase;
    private final RunStore runs;
    // The suggestions stored with the current run, by cohort, pairing and date, for a pairing that has
    // dismissed nothing (empty otherwise): nearly every call asks for them, and the database need not be
    // read again while it is unchanged. Bounded by their bytes.
    private final StoreMemo<StoredKey, Optional<StoredSuggestions.Loaded>> storedSuggestions;
    private final DismissalStore dismissals;
    private final Clock clock;

    /** @param ruleBase the {@link Evaluator#ruleBase()} of {@code evaluator}, known before it is built */
    public AdviceService(SqliteStore store, Supplier<Evaluator> evaluator, String ruleBase, Clock clock) {
        this.store = store;
        this.evaluator = evaluator;
        this.ruleBase = ruleBase;
        this.runs = new RunStore(store);
        this.storedSuggestions = new StoreMemo<>(store, STORED_SUGGESTIONS_BYTES,
                stored -> stored.map(StoredSuggestions.Loaded::weight).orElse(64));
        this.dismissals = new DismissalStore(store);
        this.clock = clock;
    }

    /** The evaluation of one pairing; empty when it is not active on {@code asOf}. */
    private Optional<List<Finding>> evaluate(PairingRef ref, LocalDate asOf) {
        if (!ref.pairing().isActiveOn(asOf)) {
            return Optional.empty(); // as the evaluator would say, without reading the roadmap
        }
        Optional<List<Finding>> stored = runs.currentFindings(ref.cohortId(), ref.pairingId(), asOf, ruleBase);
        if (stored.isPresent()) {
            return stored;
        }
        Roadmap roadmap = store.roadmap(ref.cohortId(), ref.pairingId())
                .orElseThrow(() -> ProblemException.notFound("There is no pairing '" + ref.pairingId() + "'."));
        List<PairingResult> results = evaluator.get().evaluate(List.of(roadmap), store.resources(ref.cohortId()),
                store.policy(ref.cohortId()), asOf);
        return results.stream().findFirst().map(PairingResult::findings);
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

    /**
     * The JSON of {@link AdviceJson.Suggestions}: the pairing's first {@code limit} next steps. With
     * nothing dismissed, a current stored run and no more than the default limit, the suggestions
     * stored with the run.
     */
    public byte[] suggestions(PairingRef ref, LocalDate asOf, int limit) {
        if (limit <= StoredSuggestions.STORED) {
            Optional<StoredSuggestions.Loaded> stored = storedSuggestions.get(
                    new StoredKey(ref.cohortId(), ref.pairingId(), asOf),
                    key -> dismissals.ofPairing(key.cohortId(), key.pairingId()).isEmpty()
                            ? runs.currentSuggestions(key.cohortId(), key.pairingId(), key.asOf(), ruleBase)
                                    .map(StoredSuggestions.Loaded::of)
                            : Optional.empty());
            if (stored.isPresent()) {
                return StoredSuggestions.reply(ref.pairingId(), asOf, stored.get(), limit);
            }
        }
        Optional<List<Finding>> findings = evaluate(ref, asOf);
        AdviceJson.Suggestions reply;
        if (findings.isEmpty()) {
            reply = new AdviceJson.Suggestions(ref.pairingId(), asOf, false, 0, List.of());
        } else {
            List<Finding> all = Suggestions.forMentee(findings.get(), Integer.MAX_VALUE);
            List<Finding> shown = visible(ref, all);
            reply = new AdviceJson.Suggestions(ref.pairingId(), asOf, true, all.size() - shown.size(),
                    Suggestions.forMentee(shown, limit).stream().map(FindingJson::of).toList());
        }
        try {
            return JSON.writeValueAsBytes(reply);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the suggestions of " + ref.pairingId(), e);
        }
    }

    /**
     * Remembers the suggestions stored with each cohort's newest health check that still stands for its
     * data, as far as the memory set aside for them goes: a server that has just started then answers
     * what its callers ask most without reading the database. The answers are those a call would read.
     */
    public void warmUp() {
        for (Cohort cohort : store.cohorts()) {
            long version = store.dataVersion(); // before the reads, as StoreMemo.get takes it
            Set<String> dismissing = dismissals.pairingsWithDismissals(cohort.id());
            // Until the memo is full, or a commit makes what is read stale anyway.
            runs.forEachCurrentSuggestions(cohort.id(), ruleBase, (asOf, pairingId, lines) ->
                    dismissing.contains(pairingId) || storedSuggestions.put(new StoredKey(cohort.id(), pairingId, asOf),
                            Optional.of(StoredSuggestions.Loaded.of(lines)), version));
        }
    }

    /** What the stored suggestions are remembered by. */
    private record StoredKey(String cohortId, String pairingId, LocalDate asOf) {
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
