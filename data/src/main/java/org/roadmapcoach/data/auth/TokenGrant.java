package org.roadmapcoach.data.auth;

import org.roadmapcoach.engine.roadmap.Role;

/**
 * What an API token lets its holder do: act as one person of one cohort, in a role.
 *
 * @param cohortId the cohort the token is for; null only for a coordinator of every cohort
 */
public record TokenGrant(String personId, Role role, String cohortId) {
}
