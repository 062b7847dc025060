package org.roadmapcoach.data.run;

import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.SubjectType;

/**
 * What makes a finding "the same" in two runs (README, "Comparing runs"): rule, pairing and subject,
 * and the objective it is about (so a resource recommended for two objectives is two findings). A
 * changed number in the message does not make it new.
 *
 * @param objectiveId the finding's {@code objectiveId} evidence, "" when it has none
 */
public record FindingKey(String pairingId, String ruleId, SubjectType subjectType, String subjectId,
                         String objectiveId) {

    public static FindingKey of(Finding finding) {
        return new FindingKey(finding.pairingId(), finding.ruleId(), finding.subjectType(), finding.subjectId(),
                String.valueOf(finding.evidence().getOrDefault("objectiveId", "")));
    }
}
