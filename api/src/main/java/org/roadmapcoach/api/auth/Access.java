package org.roadmapcoach.api.auth;

import java.util.List;
import org.roadmapcoach.api.http.ProblemException;
import org.roadmapcoach.data.store.RecordLookup;
import org.roadmapcoach.data.store.SqliteStore;
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

    private final SqliteStore store;
    private final RecordLookup lookup;

    public Access(SqliteStore store) {
        this.store = store;
        this.lookup = new RecordLookup(store);
    }

    /** A pairing the caller reaches, with its cohort. */
    public record PairingRef(String cohortId, Pairing pairing) {
        public String pairingId() {
            return pairing.id();
        }
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
            throw ProblemException.forbidden("Your token is for cohort '" + caller.cohortId()
                    + "'; it cannot create another cohort.");
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

    /** Recording something for a pairing: its mentee or its mentor only. */
    public PairingRef writePairing(Caller caller, String pairingId) {
        requirePair(caller);
        return readPairing(caller, pairingId);
    }

    /** Moving a milestone: the mentee or mentor of the pairing whose objective it belongs to. */
    public MilestoneRef milestone(Caller caller, String objectiveId, String milestoneId) {
        requirePair(caller);
        Objective objective = lookup.objective(caller.cohortId(), objectiveId)
                .orElseThrow(() -> ProblemException.notFound("There is no objective '" + objectiveId + "' of yours."));
        PairingRef pairing;
        try {
            pairing = readPairing(caller, objective.pairingId());
        } catch (ProblemException e) {
            throw ProblemException.notFound("There is no objective '" + objectiveId + "' of yours.");
        }
        Milestone milestone = lookup.milestone(caller.cohortId(), milestoneId)
                .filter(m -> m.objectiveId().equals(objectiveId))
                .orElseThrow(() -> ProblemException.notFound("Objective '" + objectiveId + "' has no milestone '"
                        + milestoneId + "'."));
        return new MilestoneRef(pairing, objective, milestone);
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
            throw ProblemException.conflict("Pairing '" + pairingId + "' exists in cohorts " + String.join(", ", cohorts)
                    + "; use a token for one cohort (coach token create --cohort ID).");
        }
        return cohorts.get(0);
    }

    /** Any coordinator endpoint: 403 for mentees and mentors. */
    public static void requireCoordinator(Caller caller) {
        if (!caller.isCoordinator()) {
            throw ProblemException.forbidden("Only a coordinator may do this; your token is a " + caller.role().code()
                    + "'s.");
        }
    }

    private static void requirePair(Caller caller) {
        if (caller.isCoordinator()) {
            throw ProblemException.forbidden("Only the mentee or the mentor of the pairing records this;"
                    + " your token is a coordinator's.");
        }
    }

    private static ProblemException noCohort(String cohortId) {
        return ProblemException.notFound("There is no cohort '" + cohortId + "' that your token reaches.");
    }

    private static ProblemException noPairing(String pairingId) {
        return ProblemException.notFound("There is no pairing '" + pairingId + "' that your token reaches.");
    }
}
