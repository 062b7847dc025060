package org.roadmapcoach.app.access;

import org.roadmapcoach.app.problem.Shown;
import java.util.ArrayList;
import java.util.List;
import org.roadmapcoach.app.problem.ConflictException;
import org.roadmapcoach.app.problem.NotAllowedException;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.store.RecordLookup;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Cohort;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.Pairing;

/**
 * Who reaches what. 403 when the caller's role may never use the endpoint (a mentee on a coordinator
 * endpoint, a coordinator recording a check-in for a pair); 404 when the id is unknown or outside the
 * caller's reach, the same answer for both, so that nobody learns which ids exist elsewhere.
 */
public final class Access {

    private final Store store;
    private final RecordLookup lookup;

    public Access(Store store) {
        this.store = store;
        this.lookup = new RecordLookup(store);
    }

    /** A pairing the caller reaches, with its cohort. */
    public record PairingRef(String cohortId, Pairing pairing) {
        public String pairingId() {
            return pairing.id();
        }
    }

    /** An objective the caller may change, with its pairing. */
    public record ObjectiveRef(PairingRef pairing, Objective objective) {
    }

    /** A milestone the caller may move, with its objective and pairing. */
    public record MilestoneRef(PairingRef pairing, Objective objective, Milestone milestone) {
    }

    /** A coordinator endpoint of a cohort: the cohort, when the caller coordinates it. */
    public Cohort cohort(Caller caller, String cohortId) {
        requireCoordinator(caller);
        if (!caller.reaches(cohortId)) {
            throw noCohort(cohortId);
        }
        return store.cohort(cohortId).orElseThrow(() -> noCohort(cohortId));
    }

    /** Creating a cohort: a coordinator of every cohort, or of this one (a token made before its cohort). */
    public void createCohort(Caller caller, String cohortId) {
        requireCoordinator(caller);
        if (!caller.reaches(cohortId)) {
            throw new NotAllowedException("Your token is for cohort " + Shown.quoted(caller.cohortId())
                    + "; it cannot create another cohort.");
        }
    }

    /** Reading a pairing: its mentee, its mentor, or a coordinator of its cohort. */
    public PairingRef readPairing(Caller caller, String pairingId) {
        String cohortId = cohortOf(caller, pairingId);
        Pairing pairing = lookup.pairing(cohortId, pairingId).orElseThrow(() -> noPairing(pairingId));
        if (!caller.isCoordinator() && !caller.isIn(pairing)) {
            throw noPairing(pairingId);
        }
        return new PairingRef(cohortId, pairing);
    }

    /**
     * A pairing for the command line, whose user holds the database file and so reaches every pairing.
     *
     * @param cohortId null when the pairing id is in one cohort only
     */
    public PairingRef pairing(String cohortId, String pairingId) {
        List<String> cohorts = store.cohortsOfPairing(pairingId);
        if (cohortId != null && !cohorts.contains(cohortId)) {
            throw new NotFoundException("There is no pairing " + Shown.quoted(pairingId) + " in cohort "
                    + Shown.quoted(cohortId) + ".");
        }
        if (cohortId == null && cohorts.isEmpty()) {
            throw new NotFoundException("There is no pairing " + Shown.quoted(pairingId) + " in this database.");
        }
        if (cohortId == null && cohorts.size() > 1) {
            throw new ConflictException("Pairing " + Shown.quoted(pairingId) + " exists in cohorts "
                    + String.join(", ", cohorts)
                    + "; say which with --cohort.");
        }
        String cohort = cohortId != null ? cohortId : cohorts.get(0);
        return new PairingRef(cohort, lookup.pairing(cohort, pairingId).orElseThrow(() -> noPairing(pairingId)));
    }

    /** Recording something for a pairing: its mentee or its mentor only. */
    public PairingRef writePairing(Caller caller, String pairingId) {
        requirePair(caller);
        return readPairing(caller, pairingId);
    }

    /** Changing an objective or adding a milestone to it: the mentee or mentor of its pairing. */
    public ObjectiveRef objective(Caller caller, String objectiveId) {
        requirePair(caller);
        Objective objective = lookup.objective(caller.cohortId(), objectiveId)
                .orElseThrow(() -> new NotFoundException("There is no objective " + Shown.quoted(objectiveId)
                        + " of yours."));
        try {
            return new ObjectiveRef(readPairing(caller, objective.pairingId()), objective);
        } catch (NotFoundException e) {
            throw new NotFoundException("There is no objective " + Shown.quoted(objectiveId) + " of yours.");
        }
    }

    /** Moving or changing a milestone: the mentee or mentor of the pairing whose objective it belongs to. */
    public MilestoneRef milestone(Caller caller, String objectiveId, String milestoneId) {
        ObjectiveRef objective = objective(caller, objectiveId);
        Milestone milestone = lookup.milestone(caller.cohortId(), milestoneId)
                .filter(m -> m.objectiveId().equals(objectiveId))
                .orElseThrow(() -> new NotFoundException("Objective " + Shown.quoted(objectiveId) + " has no milestone "
                        + Shown.quoted(milestoneId) + "."));
        return new MilestoneRef(objective.pairing(), objective.objective(), milestone);
    }

    /** The pairings a mentee's or mentor's token reaches: the person's own in the token's cohort, by id. */
    public List<PairingRef> pairingsOf(Caller caller) {
        if (caller.isCoordinator()) {
            throw new NotAllowedException("A coordinator's next steps are the cohort's:"
                    + " GET /api/cohorts/{cohortId}/next-steps.");
        }
        return lookup.pairingsOf(caller.cohortId(), caller.personId()).stream()
                .map(p -> new PairingRef(caller.cohortId(), p)).toList();
    }

    /** Every pairing of a cohort the caller coordinates, by id. */
    public List<PairingRef> pairingsOfCohort(Caller caller, String cohortId) {
        Cohort cohort = cohort(caller, cohortId);
        List<PairingRef> pairings = new ArrayList<>();
        store.forEachRecord(Tables.PAIRINGS, cohort.id(),
                p -> pairings.add(new PairingRef(cohort.id(), p)));
        return pairings;
    }

    private String cohortOf(Caller caller, String pairingId) {
        if (caller.cohortId() != null) {
            return caller.cohortId();
        }
        List<String> cohorts = store.cohortsOfPairing(pairingId);
        if (cohorts.isEmpty()) {
            throw noPairing(pairingId);
        }
        if (cohorts.size() > 1) {
            throw new ConflictException("Pairing " + Shown.quoted(pairingId) + " exists in cohorts "
                    + String.join(", ", cohorts)
                    + "; use a token for one cohort (coach token create --cohort ID).");
        }
        return cohorts.get(0);
    }

    /** Any coordinator endpoint: 403 for mentees and mentors. */
    public static void requireCoordinator(Caller caller) {
        if (!caller.isCoordinator()) {
            throw new NotAllowedException("Only a coordinator may do this; your token is a " + caller.role().code()
                    + "'s.");
        }
    }

    private static void requirePair(Caller caller) {
        if (caller.isCoordinator()) {
            throw new NotAllowedException("Only the mentee or the mentor of the pairing records this;"
                    + " your token is a coordinator's.");
        }
    }

    private static NotFoundException noCohort(String cohortId) {
        return new NotFoundException("There is no cohort " + Shown.quoted(cohortId) + " that your token reaches.");
    }

    private static NotFoundException noPairing(String pairingId) {
        return new NotFoundException("There is no pairing " + Shown.quoted(pairingId) + " that your token reaches.");
    }
}
