package org.roadmapcoach.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.evaluation.PairingResult;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.*;

class SmokeTest {
    @Test
    void kickoff() {
        var e = Evaluator.fromClasspath();
        var mentee = new Person("E1", "E", Role.MENTEE, null, null, null, List.of(), List.of(), null, null, null);
        var mentor = new Person("M1", "M", Role.MENTOR, null, null, null, List.of(), List.of(), null, null, null);
        var p = new Pairing("P1", "E1", "M1", LocalDate.of(2026, 1, 1), null, 14, PairingStatus.ACTIVE,
                new Agreement(null, null, null, null), null);
        var r = new Roadmap(p, mentee, mentor, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        long t = System.nanoTime();
        List<PairingResult> res = e.evaluate(List.of(r), List.of(), Policy.defaults(), LocalDate.of(2026, 1, 16));
        System.out.println(res + " " + (System.nanoTime() - t) / 1000000 + "ms rules=" + e.ruleIds());
        assertThat(res.get(0).findings()).extracting(f -> f.ruleId()).containsExactly("CI-NO-KICKOFF");
        assertThat(e.evaluate(List.of(r), List.of(), Policy.defaults(), LocalDate.of(2026, 1, 15)).get(0).findings()).isEmpty();
    }
}
