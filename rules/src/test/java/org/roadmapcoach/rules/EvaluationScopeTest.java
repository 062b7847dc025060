package org.roadmapcoach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.rules.fixtures.Given.D;
import static org.roadmapcoach.rules.fixtures.Given.activity;
import static org.roadmapcoach.rules.fixtures.Given.checkIn;
import static org.roadmapcoach.rules.fixtures.Given.daysAgo;
import static org.roadmapcoach.rules.fixtures.Given.engagement;
import static org.roadmapcoach.rules.fixtures.Given.inDays;
import static org.roadmapcoach.rules.fixtures.Given.milestone;
import static org.roadmapcoach.rules.fixtures.Given.objective;
import static org.roadmapcoach.rules.fixtures.Given.reciprocity;
import static org.roadmapcoach.rules.fixtures.Given.roadmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.evaluation.PairingResult;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.ActivityKind;
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.PairingStatus;
import org.roadmapcoach.engine.roadmap.Roadmap;
import org.roadmapcoach.engine.roadmap.Stage;
import org.roadmapcoach.rules.fixtures.Given;
import org.roadmapcoach.rules.fixtures.RuleRun;
import org.roadmapcoach.rules.fixtures.Samples;

/** What every rule sees: active pairings only, records up to D, and never another pairing's facts. */
class EvaluationScopeTest {

    static List<PairingResult> allRules(List<Roadmap> roadmaps) {
        return RuleRun.EVALUATOR.evaluate(roadmaps, Samples.catalog(), Policy.defaults(), D);
    }

    static Map<String, List<Finding>> byPairing(List<PairingResult> results) {
        Map<String, List<Finding>> map = new LinkedHashMap<>();
        results.forEach(r -> map.put(r.pairing().id(), r.findings()));
        return map;
    }

    @Test
    void inactivePairingsAreNeverEvaluated() {
        List<PairingResult> results = allRules(List.of(
                Samples.troubled("PAUSED").status(PairingStatus.PAUSED).build(),
                Samples.troubled("CLOSED").status(PairingStatus.CLOSED).build(),
                Samples.troubled("ENDED").end(daysAgo(1)).build(),
                Samples.troubled("NOT-STARTED").start(inDays(1)).build(),
                Samples.troubled("ENDS-TODAY").end(D).build(),
                Samples.troubled("STARTS-TODAY").start(D).build()));

        assertThat(results).extracting(r -> r.pairing().id()).containsExactly("ENDS-TODAY", "STARTS-TODAY");
        assertThat(results).flatExtracting(PairingResult::findings).extracting(Finding::pairingId)
                .containsOnly("ENDS-TODAY", "STARTS-TODAY");
    }

    @Test
    void recordsDatedAfterTheAsOfDateChangeNothing() {
        Given.RoadmapBuilder without = Samples.troubled("P1");
        Given.RoadmapBuilder with = Samples.troubled("P1").with(
                checkIn("LATE-C1").type(CheckInType.KICKOFF).on(inDays(1)),
                checkIn("LATE-C2").type(CheckInType.REVIEW).on(inDays(2)).feedbackToMentor("Later"))
                .with(reciprocity("LATE-R1").on(inDays(1)).hours("40"), reciprocity("LATE-R2").on(inDays(1)).hours("40"),
                        reciprocity("LATE-R3").on(inDays(3)).hours("40"))
                .with(activity("LATE-A1").kind(ActivityKind.ASSIGNMENT).on(inDays(1)),
                        activity("LATE-A2").kind(ActivityKind.REFLECTION).on(inDays(1)))
                .with(engagement("RES03").on(inDays(1)), engagement("RES05").on(inDays(1)).takeaway("later"));

        assertThat(allRules(List.of(with.build()))).isEqualTo(allRules(List.of(without.build())));
    }

    @Test
    void aBatchGivesEachPairingExactlyTheFindingsItGetsAlone() {
        List<Roadmap> batch = new ArrayList<>(List.of(Samples.troubled("A").build(), Samples.healthy("B").build(),
                Samples.troubled("C").mentor("M-B").build()));
        batch.addAll(Samples.synthetic(60, 7));

        Map<String, List<Finding>> together = byPairing(allRules(batch));
        Map<String, List<Finding>> alone = new LinkedHashMap<>();
        for (Roadmap roadmap : batch) {
            alone.putAll(byPairing(allRules(List.of(roadmap))));
        }

        assertThat(together).isEqualTo(alone);
        assertThat(together.values()).flatExtracting(f -> f).extracting(Finding::ruleId).hasSizeGreaterThan(100);
    }

    @Test
    void aPairingNeverSeesAnotherPairingsRecords() {
        // B has everything A lacks; if a rule mixed them, A's findings would disappear or change
        Given.RoadmapBuilder a = roadmap("A").startedDaysAgo(100).reciprocityPlan(null).agreement(null, null, null, null)
                .with(objective("A-O1").technical(), objective("A-O2").technical())
                .with(milestone("A-M1", "A-O1").stage(Stage.MASTERY).reflection("").doneOn(daysAgo(20)));
        Given.RoadmapBuilder b = roadmap("B").startedDaysAgo(100)
                .with(objective("B-O1"), objective("B-O2"), objective("B-O3"), objective("B-O4"))
                .with(milestone("B-M1", "B-O1").stage(Stage.MASTERY).doneOn(daysAgo(20)))
                .with(checkIn("B-C1").type(CheckInType.KICKOFF).on(daysAgo(99)),
                        checkIn("B-C2").type(CheckInType.REVIEW).on(daysAgo(2)))
                .with(reciprocity("B-R1").on(daysAgo(70)), reciprocity("B-R2").on(daysAgo(40)),
                        reciprocity("B-R3").on(daysAgo(10)))
                .with(activity("B-A1").kind(ActivityKind.REFLECTION).on(daysAgo(1)));

        Map<String, List<Finding>> found = byPairing(allRules(List.of(a.build(), b.build())));

        assertThat(found.get("A")).extracting(Finding::ruleId).contains("CI-NO-KICKOFF", "CI-OVERDUE", "RC-UNBALANCED",
                "MS-NO-REVIEW", "AC-NO-REFLECTION", "OBJ-NO-SOFT-SKILL", "AG-INCOMPLETE", "RC-NO-PLAN")
                .doesNotContain("OBJ-OVERLOAD", "GR-PAY-FORWARD");
        assertThat(found.get("B")).extracting(Finding::ruleId).doesNotContain("CI-NO-KICKOFF", "CI-OVERDUE",
                "RC-UNBALANCED", "MS-NO-REVIEW", "AC-NO-REFLECTION", "OBJ-NO-SOFT-SKILL", "AG-INCOMPLETE", "RC-NO-PLAN",
                "OBJ-OVERLOAD", "GR-PAY-FORWARD");
        found.forEach((pairing, findings) -> assertThat(findings).extracting(Finding::pairingId).containsOnly(pairing));
    }

    @Test
    void oneFindingPerRuleAndSubject() {
        List<Roadmap> batch = new ArrayList<>(List.of(Samples.troubled("A").build()));
        batch.addAll(Samples.synthetic(200, 11));

        List<Finding> findings = allRules(batch).stream().flatMap(r -> r.findings().stream()).toList();

        assertThat(findings).extracting(f -> f.pairingId() + "|" + f.ruleId() + "|" + f.subjectId() + "|"
                + (f.ruleId().equals("RES-RECOMMEND") ? f.evidence().get("objectiveId") : "")).doesNotHaveDuplicates();
    }
}
