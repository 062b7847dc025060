package org.roadmapcoach.app.reach;

import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.digest.DigestStore;
import org.roadmapcoach.data.store.SqliteStore;

/**
 * Each cohort's {@code digest.*} settings, kept in its policy document beside the rule thresholds. A
 * change of them does not move the cohort's revision: stored runs answer for rule thresholds only.
 */
public final class DigestPolicies {

    private static final String PREFIX = "digest.";

    private final SqliteStore store;
    private final DigestStore digests;

    public DigestPolicies(SqliteStore store) {
        this.store = store;
        this.digests = new DigestStore(store);
    }

    /** The cohort's digest settings. @throws NotFoundException for an unknown cohort */
    public DigestPolicy of(String cohortId) {
        requireCohort(cohortId);
        return DigestPolicy.of(digests.settings(cohortId, PREFIX));
    }

    /** Saves the cohort's digest settings (only those that differ from the defaults are kept). */
    public void save(String cohortId, DigestPolicy policy) {
        requireCohort(cohortId);
        digests.saveSettings(cohortId, PREFIX, policy.changed());
    }

    private void requireCohort(String cohortId) {
        if (store.cohort(cohortId).isEmpty()) {
            throw new NotFoundException("There is no cohort '" + cohortId + "' in this database.");
        }
    }
}
