package org.roadmapcoach.data.suggestion;

import java.time.Instant;

/**
 * A next step one person dismissed: hidden for that person while a finding of the same rule, subject
 * and objective has the same evidence fingerprint.
 *
 * @param objectiveId the finding's objectiveId evidence, '' when it has none
 * @param dismissedBy the person who dismissed it, and for whom alone it is hidden
 */
public record Dismissal(String ruleId, String subjectId, String objectiveId, String fingerprint, String dismissedBy,
                        Instant dismissedAt) {
}
