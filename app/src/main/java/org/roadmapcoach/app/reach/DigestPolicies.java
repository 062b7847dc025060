package org.roadmapcoach.app.reach;

import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.store.Store;

/**
 * Each cohort's {@code digest.*} settings, read from and saved into its policy document beside the rule
 * thresholds. A change of them alone does not move the cohort's revision: stored runs answer for rule
 * thresholds only.
 */
public final class DigestPolicies {

    private final Store store;

    public DigestPolicies(Store store) {
        this.store = store;
    }

    /** The cohort's digest settings. @throws NotFoundException for an unknown cohort */
    public DigestPolicy of(String cohortId) {
        requireCohort(cohortId);
        return DigestPolicy.of(store.policy(cohortId));
    }

    /** Saves the cohort's digest settings, its other policy keys as they are. */
    public void save(String cohortId, DigestPolicy policy) {
        requireCohort(cohortId);
        store.savePolicy(cohortId, policy.into(store.policy(cohortId)));
    }

    private void requireCohort(String cohortId) {
        if (store.cohort(cohortId).isEmpty()) {
            throw new NotFoundException("There is no cohort '" + cohortId + "' in this database.");
        }
    }
}
