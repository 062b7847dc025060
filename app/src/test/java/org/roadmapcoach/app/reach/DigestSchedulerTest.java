package org.roadmapcoach.app.reach;

import org.roadmapcoach.engine.policy.PolicyKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.app.Links;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.app.healthcheck.HealthCheckService;
import org.roadmapcoach.app.nextsteps.LiveFindings;
import org.roadmapcoach.app.nextsteps.NextStepsService;
import org.roadmapcoach.app.nextsteps.StoredRunFindings;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;

/** coach serve --digests: the week runs on the cohort's digest.weekday by the store's today, and only then; on SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DigestSchedulerTest {

    @Parameter
    StoreKind kind;

    private static final Evaluator EVALUATOR = Evaluator.fromClasspath();
    private static final Path SAMPLE = Path.of("..", "data", "src", "main", "resources", "sample", "spring-2026");

    @TempDir
    Path temp;

    private Store store;
    private DigestService digests;
    private final List<String> sent = new ArrayList<>();
    private final DigestServiceTest.MovingClock clock = new DigestServiceTest.MovingClock();

    /** A mailer that accepts everything and remembers the recipients. */
    private Mailer recording() {
        return new Mailer() {
            @Override
            public String send(String recipient, String message) {
                sent.add(recipient);
                return "250 OK";
            }

            @Override
            public void close() {
            }
        };
    }

    @BeforeEach
    void importTheSample() throws Exception {
        store = kind.open(temp.resolve("coach.db"));
        assertThat(new CohortImporter(store).importPaths("spring-2026", List.of(SAMPLE)).ok()).isTrue();
        var findings = new StoredRunFindings(new RunStore(store), EVALUATOR.ruleBase(),
                new LiveFindings(store, () -> EVALUATOR));
        digests = new DigestService(store, new Access(store), new NextStepsService(store, findings, clock),
                () -> new HealthCheckService(store, EVALUATOR, clock), new TokenService(store, clock),
                new Links("https://coach.example.org"), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private DigestScheduler on(LocalDate day) {
        return new DigestScheduler(store, digests, Today.of(store, day.toString(), clock), this::recording,
                "coach@example.org");
    }

    @Test
    void theWeekRunsOnTheCohortsWeekdayOnceAndNotOnOtherDays() {
        LocalDate monday = LocalDate.of(2026, 6, 15);

        assertThat(on(monday.plusDays(1)).tick()).as("a Tuesday").isEmpty();
        assertThat(sent).isEmpty();

        on(monday).tick();
        int first = sent.size();
        assertThat(first).isGreaterThan(5);
        on(monday).tick();
        assertThat(sent).as("an hour later, the same Monday").hasSize(first);
    }

    @Test
    void anotherWeekdayIsHonouredAndTheKillSwitchStopsEverything() {
        LocalDate wednesday = LocalDate.of(2026, 6, 17);
        digests.savePolicy("spring-2026", digests.policy("spring-2026").with(PolicyKey.DIGEST_WEEKDAY, "Wednesday"));

        on(wednesday.minusDays(2)).tick();
        assertThat(sent).isEmpty();
        on(wednesday).tick();
        assertThat(sent).isNotEmpty();

        sent.clear();
        digests.savePolicy("spring-2026", digests.policy("spring-2026").with(PolicyKey.DIGEST_ENABLED, "false"));
        assertThat(on(wednesday.plusDays(7)).tick()).isEmpty();
        assertThat(sent).isEmpty();
    }
}
