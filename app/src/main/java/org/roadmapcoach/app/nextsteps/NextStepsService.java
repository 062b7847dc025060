package org.roadmapcoach.app.nextsteps;

import org.roadmapcoach.app.problem.Shown;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.nextsteps.NextStepsViews.Dismissed;
import org.roadmapcoach.app.nextsteps.NextStepsViews.NextStepsPage;
import org.roadmapcoach.app.nextsteps.NextStepsViews.PairingNextSteps;
import org.roadmapcoach.app.nextsteps.NextStepsViews.Recommendation;
import org.roadmapcoach.app.nextsteps.NextStepsViews.Recommendations;
import org.roadmapcoach.app.problem.ConflictException;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.suggestion.Dismissal;
import org.roadmapcoach.data.suggestion.DismissalStore;
import org.roadmapcoach.engine.evaluation.Suggestions;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * Each person's next steps (RULES.md): in one pairing, across a person's pairings, and a coordinator's
 * for a cohort; resource recommendations; and personal dismissals. The findings come from one
 * {@link PairingFindings}: live, or a stored health check that saw exactly the data of now, so a write or
 * a policy change shows in the next call either way. What a person dismissed is hidden for that person
 * alone, while its evidence is unchanged.
 *
 * <p>Dismissing RES-RECOMMEND for a resource hides it for every objective it is recommended for,
 * unless an objective is named; each objective's recommendation then comes back on its own when its
 * evidence changes.
 */
public final class NextStepsService {

    static final String RECOMMEND = "RES-RECOMMEND";

    private final Store store;
    private final PairingFindings findings;
    private final DismissalStore dismissals;
    private final Clock clock;

    public NextStepsService(Store store, PairingFindings findings, Clock clock) {
        this.store = store;
        this.findings = findings;
        this.dismissals = new DismissalStore(store);
        this.clock = clock;
    }

    /**
     * What {@code viewer} sees of a pairing's findings in a role: a mentee's or a mentor's own next steps, every
     * finding for a coordinator looking at the pairing.
     */
    private static Predicate<Finding> seenBy(Role role) {
        return role == Role.COORDINATOR ? f -> true : f -> Suggestions.isFor(role, f);
    }

    /** {@code shown} minus what {@code personId} dismissed in the pairing while its evidence is unchanged. */
    private List<Finding> undismissed(PairingRef ref, String personId, List<Finding> shown) {
        List<Dismissal> dismissed = dismissals.ofPairing(ref.cohortId(), ref.pairingId()).stream()
                .filter(d -> d.dismissedBy().equals(personId)).toList();
        if (dismissed.isEmpty()) {
            return shown;
        }
        Map<String, String> fingerprints = dismissed.stream()
                .collect(Collectors.toMap(d -> key(d.ruleId(), d.subjectId(), d.objectiveId()), Dismissal::fingerprint));
        return shown.stream()
                .filter(f -> !Fingerprint.of(f).equals(fingerprints.get(key(f.ruleId(), f.subjectId(),
                        Fingerprint.objectiveOf(f)))))
                .toList();
    }

    /**
     * The caller's first {@code limit} next steps in the pairing as of {@code asOf} (every finding for a
     * coordinator), and how many the caller's dismissals hid.
     */
    public PairingNextSteps suggestions(PairingRef ref, Caller caller, LocalDate asOf, int limit) {
        Optional<List<Finding>> found = findings.of(ref, asOf);
        if (found.isEmpty()) {
            return new PairingNextSteps(ref.pairingId(), asOf, false, 0, List.of());
        }
        List<Finding> all = Suggestions.select(found.get(), seenBy(caller.role()), Integer.MAX_VALUE);
        List<Finding> shown = undismissed(ref, caller.personId(), all);
        return new PairingNextSteps(ref.pairingId(), asOf, true, all.size() - shown.size(),
                shown.subList(0, Math.min(limit, shown.size())));
    }

    /**
     * The SMART findings of the pairing's objectives as of {@code asOf}, whoever they are for: what each
     * objective's S, M, A, R and T marks show (an objective is read by the whole pair, and so is how it
     * measures up); empty when the pairing is not active.
     */
    public List<Finding> smartFindings(PairingRef ref, LocalDate asOf) {
        return findings.of(ref, asOf).orElse(List.of()).stream().filter(f -> f.ruleId().startsWith("SMART-")).toList();
    }

    /**
     * A mentee's or mentor's next steps across {@code pairings} (theirs), in RULES.md's order: the
     * {@code limit} from {@code offset}, and how many there are in all.
     */
    public NextStepsPage acrossPairings(Caller caller, List<PairingRef> pairings, LocalDate asOf, int limit,
                                        int offset) {
        List<Finding> steps = new ArrayList<>();
        int hidden = 0;
        for (PairingRef ref : pairings) {
            PairingNextSteps one = suggestions(ref, caller, asOf, Integer.MAX_VALUE);
            steps.addAll(one.suggestions());
            hidden += one.hidden();
        }
        return NextStepsPage.of(asOf, steps, hidden, limit, offset);
    }

    /**
     * A coordinator's next steps for a cohort (RULES.md): over all its active pairings, the findings for the
     * coordinator plus every critical one, minus what the caller dismissed.
     */
    public NextStepsPage forCohort(Caller caller, List<PairingRef> pairings, LocalDate asOf, int limit,
                                   int offset) {
        List<Finding> steps = new ArrayList<>();
        int hidden = 0;
        Map<String, List<Finding>> found = findings.ofMany(pairings, asOf);
        for (PairingRef ref : pairings) {
            List<Finding> all = found.get(ref.pairingId());
            if (all != null) {
                List<Finding> mine = all.stream().filter(f -> Suggestions.isFor(Role.COORDINATOR, f)).toList();
                List<Finding> shown = mine.isEmpty() ? mine : undismissed(ref, caller.personId(), mine);
                steps.addAll(shown);
                hidden += mine.size() - shown.size();
            }
        }
        return NextStepsPage.of(asOf, steps, hidden, limit, offset);
    }

    public Recommendations recommendations(PairingRef ref, Caller caller, LocalDate asOf) {
        Optional<List<Finding>> found = findings.of(ref, asOf);
        if (found.isEmpty()) {
            return new Recommendations(ref.pairingId(), asOf, false, List.of());
        }
        Map<String, Resource> catalog = store.resources(ref.cohortId()).stream()
                .collect(Collectors.toMap(Resource::id, Function.identity()));
        List<Recommendation> recommendations = undismissed(ref, caller.personId(), found.get()).stream()
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
     * Hides, for the caller alone, the current findings of {@code ruleId} about {@code subjectId} (only the
     * one for {@code objectiveId} when given) that are the caller's own next steps, until their evidence
     * changes. A critical finding is resolved, not dismissed.
     */
    public Dismissed dismiss(PairingRef ref, Caller caller, String ruleId, String subjectId, String objectiveId,
                             LocalDate asOf) {
        List<Finding> matching = findings.of(ref, asOf).orElse(List.of()).stream()
                .filter(f -> f.ruleId().equals(ruleId) && f.subjectId().equals(subjectId))
                .filter(f -> objectiveId == null || objectiveId.equals(Fingerprint.objectiveOf(f)))
                .filter(f -> Suggestions.isFor(caller.role(), f))
                .toList();
        if (matching.isEmpty()) {
            throw new NotFoundException("Pairing " + Shown.quoted(ref.pairingId()) + " has no next step "
                    + Shown.cut(ruleId) + " about "
                    + Shown.quoted(subjectId) + (objectiveId == null ? "" : " for objective "
                    + Shown.quoted(objectiveId))
                    + " for you as of " + asOf + ".");
        }
        if (matching.stream().anyMatch(f -> f.severity() == Severity.CRITICAL)) {
            throw new ConflictException(ruleId + " about " + Shown.quoted(subjectId)
                    + " is critical: critical findings are"
                    + " resolved, not dismissed. " + matching.get(0).nextStep());
        }
        Instant now = clock.instant();
        List<Dismissal> stored = matching.stream().map(f -> new Dismissal(ruleId, subjectId, Fingerprint.objectiveOf(f),
                Fingerprint.of(f), caller.personId(), now)).toList();
        dismissals.save(ref.cohortId(), ref.pairingId(), stored);
        return new Dismissed(ref.pairingId(), ruleId, subjectId,
                stored.stream().map(Dismissal::objectiveId).filter(id -> !id.isEmpty()).toList(), asOf,
                caller.personId(), now);
    }

    /** The caller's dismissals in the pairing. */
    public List<Dismissal> dismissals(PairingRef ref, Caller caller) {
        return dismissals.ofPairing(ref.cohortId(), ref.pairingId()).stream()
                .filter(d -> d.dismissedBy().equals(caller.personId())).toList();
    }

    /** Undoes the caller's dismissal of {@code ruleId} about {@code subjectId}; not found when there is none. */
    public void undismiss(PairingRef ref, Caller caller, String ruleId, String subjectId) {
        if (dismissals.remove(ref.cohortId(), ref.pairingId(), caller.personId(), ruleId, subjectId) == 0) {
            throw new NotFoundException("You have not dismissed " + Shown.cut(ruleId) + " about "
                    + Shown.quoted(subjectId)
                    + " in pairing "
                    + Shown.quoted(ref.pairingId()) + ".");
        }
    }

    private static String key(String ruleId, String subjectId, String objectiveId) {
        return ruleId + '\u0000' + subjectId + '\u0000' + objectiveId;
    }
}
