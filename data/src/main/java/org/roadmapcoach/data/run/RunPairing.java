package org.roadmapcoach.data.run;

import java.util.List;
import org.roadmapcoach.engine.evaluation.PairingResult;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;

/** One pairing of a stored health check: who, how healthy, and its findings in report order. */
public record RunPairing(String pairingId, String menteeId, String mentorId, Health health, List<Finding> findings) {

    public RunPairing {
        findings = List.copyOf(findings);
    }

    public static RunPairing of(PairingResult result) {
        return new RunPairing(result.pairing().id(), result.pairing().menteeId(), result.pairing().mentorId(),
                result.health(), result.findings());
    }
}
