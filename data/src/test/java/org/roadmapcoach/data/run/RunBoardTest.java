package org.roadmapcoach.data.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.StoreKind;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.finding.SubjectType;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.Cohort;

/** The cohort page's counts, filters and rows come from what a run stored beside its compressed findings; on SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class RunBoardTest {

    @Parameter
    StoreKind kind;

    private static final LocalDate D = LocalDate.of(2026, 6, 15);

    @TempDir
    Path temp;

    private Store store;
    private RunBoard board;

    @BeforeEach
    void openStore() {
        store = kind.open(temp.resolve("coach.db"));
        store.ensureCohort(new Cohort("c", "c", null, null));
        board = new RunBoard(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void eachRuleCountsThePairingsItFoundSomethingInWithItsWorstSeverity() {
        long run = save(pairing("P1", Health.RED, finding("MS-OVERDUE", Severity.CRITICAL, "P1-M1"),
                        finding("MS-OVERDUE", Severity.WARNING, "P1-M2")),
                pairing("P2", Health.AMBER, finding("MS-OVERDUE", Severity.WARNING, "P2-M1"),
                        finding("CI-OVERDUE", Severity.WARNING, "P2")),
                pairing("P3", Health.GREEN));

        assertThat(board.rules(run)).containsExactly(new RunBoard.RuleCount("MS-OVERDUE", "critical", 2),
                new RunBoard.RuleCount("CI-OVERDUE", "warning", 1));
        assertThat(board.tally(run, D)).isEqualTo(new RunBoard.Tally(run, D, 1, 1, 1));
    }

    @Test
    void aPageIsWorstFirstWithItsCountsAndFirstFindingAndFiltersByRuleHealthAndWhatIsNew() {
        long run = save(pairing("P1", Health.AMBER, finding("CI-OVERDUE", Severity.WARNING, "P1")),
                pairing("P2", Health.RED, finding("MS-OVERDUE", Severity.CRITICAL, "P2-M1"),
                        finding("CI-OVERDUE", Severity.WARNING, "P2")).withNew(1));

        RunBoard.Page all = board.pairings("c", run, run - 1, D, RunBoard.Filter.NONE, 10, 0);
        assertThat(all.total()).isEqualTo(2);
        RunBoard.Row worst = all.rows().get(0);
        assertThat(worst.pairingId()).isEqualTo("P2");
        assertThat(List.of(worst.criticals(), worst.warnings(), worst.newFindings())).containsExactly(1, 1, 1);
        assertThat(List.of(worst.topRuleId(), worst.topSeverity(), worst.topMessage()))
                .containsExactly("MS-OVERDUE", "critical", "MS-OVERDUE about P2-M1");

        assertThat(ids(board.pairings("c", run, run - 1, D, new RunBoard.Filter(null, "CI-OVERDUE", false, null), 10, 0)))
                .containsExactly("P2", "P1");
        assertThat(ids(board.pairings("c", run, run - 1, D, new RunBoard.Filter("amber", null, false, null), 10, 0)))
                .containsExactly("P1");
        assertThat(ids(board.pairings("c", run, run - 1, D, new RunBoard.Filter(null, null, true, null), 10, 0)))
                .as("only P2 has a finding the run before did not").containsExactly("P2");
        assertThat(board.pairings("c", run, null, D, RunBoard.Filter.NONE, 10, 0).rows().get(0).newFindings())
                .as("nothing is new without a run before").isZero();
    }

    private static List<String> ids(RunBoard.Page page) {
        return page.rows().stream().map(RunBoard.Row::pairingId).toList();
    }

    private long save(Stored... pairings) {
        return new RunWriter(store).save("c", D, Instant.EPOCH, Policy.defaults(), "rules", null, sink -> {
            for (Stored stored : pairings) {
                sink.add(sink.prepare(stored.pairing()), stored.isNew());
            }
        }).id();
    }

    /** A pairing as the check hands it to the writer: with which of its findings are new (none here unless said). */
    private record Stored(RunPairing pairing, BitSet isNew) {
        Stored withNew(int position) {
            BitSet more = (BitSet) isNew.clone();
            more.set(position);
            return new Stored(pairing, more);
        }
    }

    private static Stored pairing(String id, Health health, Finding... findings) {
        return new Stored(new RunPairing(id, "E" + id, "M" + id, health, List.of(findings)), new BitSet());
    }

    private static Finding finding(String ruleId, Severity severity, String subjectId) {
        return new Finding(ruleId, severity, Finding.categoryOf(ruleId), SubjectType.MILESTONE, subjectId,
                subjectId.substring(0, 2), Audience.PAIR, ruleId + " about " + subjectId, "Do it.", Map.of(), D);
    }
}
