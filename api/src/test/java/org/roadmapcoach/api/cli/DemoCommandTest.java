package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.app.roadmap.RoadmapService;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;

/**
 * {@code coach demo} keeps its promise: the same findings on every run unless someone acts in the app, an
 * act in the app survives the demo's re-import of the sample, and {@code --reset} starts again from the sample; on a
 * SQLite file and on a PostgreSQL database ({@code --db postgresql://...}).
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DemoCommandTest {

    @Parameter
    StoreKind kind;

    private static final String OVERDUE_M3 = "P05-O1-M3";

    @TempDir
    Path tmp;

    /** The demo's {@code --db}: a file, or the URL of the PostgreSQL database it stands for. */
    private String db() {
        return kind.address(tmp.resolve("coach.db"));
    }

    @Test
    void theDemoShowsTheSameFindingsOnEveryRun() {
        Cli first = demo();
        Cli second = demo();

        assertThat(summary(second)).isEqualTo(summary(first));
        assertThat(second.out()).contains("0 added, 0 updated");
    }

    @Test
    void aMilestoneMarkedDoneInTheAppStaysDoneWhenTheDemoRunsAgainAndItsOverdueFindingStaysResolved() {
        assertThat(overdueLines(demo().out())).anyMatch(line -> line.contains(OVERDUE_M3));
        markM3DoneAsTheMentee();

        Cli again = demo();

        assertThat(again.out()).doesNotContain("warning:").contains("fields changed in the app kept");
        assertThat(overdueLines(findings(again))).noneMatch(line -> line.contains(OVERDUE_M3));
        assertThat(resolved(again)).contains("MS-OVERDUE           milestone " + OVERDUE_M3);

        // And it stays so on the runs after: the import still keeps the app's change.
        Cli third = demo();
        assertThat(overdueLines(findings(third))).noneMatch(line -> line.contains(OVERDUE_M3));
    }

    @Test
    void resetSaysSoAndStartsAgainFromTheSample() {
        String fresh = demo().out();
        markM3DoneAsTheMentee();

        Cli reset = Cli.run("demo", "--no-serve", "--reset", "--db", db());

        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(reset.out().lines().findFirst().orElseThrow()).startsWith(kind == StoreKind.SQLITE
                ? "Reset: deleted the demo database " : "Reset: emptied the demo database postgresql://");
        assertThat(overdueLines(findings(reset))).anyMatch(line -> line.contains(OVERDUE_M3));
        assertThat(summary(reset)).isEqualTo(summaryOf(fresh));
        assertThat(reset.out()).contains("(run 1)");
    }

    @Test
    void resetRefusesADatabaseThatHoldsAnotherCohort() {
        tmp.resolve("c1").toFile().mkdirs();
        assertThat(Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(tmp.resolve("c1")).path())
                .exitCode()).isZero();

        Cli reset = Cli.run("demo", "--no-serve", "--reset", "--db", db());

        assertThat(reset.exitCode()).isEqualTo(1);
        assertThat(reset.err()).contains("--reset deletes only a demo database").contains("c1");
        try (Store store = kind.open(tmp.resolve("coach.db"))) {
            assertThat(store.cohort("c1")).isPresent();
        }
    }

    @Test
    void theDemoRefusesAProgramsDatabaseAndLeavesItsTodayAsItWas() {
        tmp.resolve("c1").toFile().mkdirs();
        assertThat(Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(tmp.resolve("c1")).path())
                .exitCode()).isZero();

        Cli demo = Cli.run("demo", "--no-serve", "--db", db());

        assertThat(demo.exitCode()).isEqualTo(1);
        assertThat(demo.err()).contains("coach demo runs on a demo database only").contains("pins")
                .contains("c1").contains("left as it is").doesNotContain("Exception");
        try (Store store = kind.open(tmp.resolve("coach.db"))) {
            assertThat(store.pinnedToday()).isEmpty();
            assertThat(store.cohorts()).extracting(org.roadmapcoach.engine.roadmap.Cohort::id).containsExactly("c1");
        }
    }

    private Cli demo() {
        Cli cli = Cli.run("demo", "--no-serve", "--db", db());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return cli;
    }

    /** Through the app layer, as the API's progress endpoint does it, with the demo's mentee token. */
    private void markM3DoneAsTheMentee() {
        try (Store store = kind.open(tmp.resolve("coach.db"))) {
            Clock clock = Clock.systemUTC();
            Caller mentee = new TokenService(store, clock).authenticate("Bearer " + DemoCommand.DEMO_MENTEE_TOKEN)
                    .orElseThrow();
            Access.MilestoneRef ref = new Access(store).milestone(mentee, "P05-O1", OVERDUE_M3);
            Milestone m = ref.milestone();
            LocalDate day = LocalDate.of(2026, 6, 14);
            new RoadmapService(store, Today.of(store, null, clock)).move(ref, new Milestone(m.id(), m.objectiveId(),
                    m.stage(), m.title(), m.dueDate(), MilestoneStatus.DONE, day, day, m.reflection()));
        }
    }

    /** The health check's summary lines: what the demo promises stays the same. */
    private static String summary(Cli cli) {
        return summaryOf(cli.out());
    }

    private static String summaryOf(String out) {
        return String.join("\n", out.lines().filter(line -> line.startsWith("pairings:")
                || line.contains("findings")).filter(line -> !line.contains("new") && !line.contains("kept")).toList());
    }

    private static java.util.List<String> overdueLines(String text) {
        return text.lines().filter(line -> line.contains("MS-OVERDUE")).toList();
    }

    /** What the health check found now, without what it says was resolved since the run before. */
    private static String findings(Cli cli) {
        int resolved = cli.out().indexOf("Resolved since the previous run:");
        return resolved < 0 ? cli.out() : cli.out().substring(0, resolved);
    }

    private static String resolved(Cli cli) {
        int resolved = cli.out().indexOf("Resolved since the previous run:");
        return resolved < 0 ? "" : cli.out().substring(resolved);
    }
}
