package org.roadmapcoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.roadmapcoach.app.Links;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.MeService;
import org.roadmapcoach.app.access.SessionService;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.app.nextsteps.LiveFindings;
import org.roadmapcoach.app.nextsteps.NextStepsService;
import org.roadmapcoach.app.nextsteps.StoredRunFindings;
import org.roadmapcoach.app.roadmap.RoadmapService;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.importer.CsvSource;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * The web app alone on a free port over a SQLite file, or a PostgreSQL database ({@link StoreKind}), holding the
 * bundled sample cohort {@code spring-2026}, whose today is pinned to 2026-06-15 as {@code coach demo} pins it; a
 * clock the tests move (links expire, sessions idle out) without waiting.
 */
final class TestWeb implements AutoCloseable {

    static final String COHORT = "spring-2026";
    static final LocalDate SAMPLE_DAY = LocalDate.of(2026, 6, 15);
    static final String MENTEE = "E05";
    static final String MENTOR = "M03";
    static final String COORDINATOR = "C01";
    static final String MENTEE_TOKEN = "web-test-mentee-E05";

    /** The rule base is immutable and thread-safe; building it once saves seconds per test. */
    private static final class Rules {
        static final Evaluator EVALUATOR = Evaluator.fromClasspath();
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now = SAMPLE_DAY.atTime(9, 0).toInstant(ZoneOffset.UTC);

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Store store;
    final MovableClock clock;
    final WebServices web;
    final Javalin app;
    final String base;

    private TestWeb(Store store, MovableClock clock, WebServices web, Javalin app) {
        this.store = store;
        this.clock = clock;
        this.web = web;
        this.app = app;
        this.base = "http://127.0.0.1:" + app.port();
    }

    static TestWeb start(Path dir) {
        return start(StoreKind.SQLITE, dir);
    }

    /** Over the database of {@code kind} that {@code dir} stands for. */
    static TestWeb start(StoreKind kind, Path dir) {
        return start(kind, dir, new Links(Links.DEFAULT_BASE));
    }

    /** @param links the addresses the app believes it is served under (https makes cookies Secure) */
    static TestWeb start(Path dir, Links links) {
        return start(StoreKind.SQLITE, dir, links);
    }

    private static TestWeb start(StoreKind kind, Path dir, Links links) {
        Store store = kind.open(dir.resolve("coach.db"));
        assertThat(new CohortImporter(store).importSources(COHORT, sample()).ok()).isTrue();
        store.pinToday(SAMPLE_DAY);
        MovableClock clock = new MovableClock();
        Today today = Today.of(store, null, clock);
        TokenService tokens = new TokenService(store, clock);
        tokens.save(MENTEE_TOKEN, MENTEE, Role.MENTEE, COHORT);
        var findings = new StoredRunFindings(new RunStore(store), Rules.EVALUATOR.ruleBase(),
                new LiveFindings(store, () -> Rules.EVALUATOR));
        WebServices web = new WebServices(store, today, links, tokens, new SessionService(store, clock),
                new Access(store), new MeService(store), new NextStepsService(store, findings, clock),
                new RoadmapService(store, today));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // as CoachApp's error mapping does for the browser's paths
            config.routes.exception(HttpResponseException.class, (e, ctx) -> ErrorPages.status(ctx, web, e.getStatus()));
            WebApp.register(config, web);
        }).start("127.0.0.1", 0);
        return new TestWeb(store, clock, web, app);
    }

    /** A one-time sign-in link for {@code personId} of the sample cohort, under this server's address. */
    String signInLink(String personId) {
        var issued = web.tokens().createSignInLink(personId, null, COHORT, false, TokenService.SIGN_IN_LINK_LIFE);
        return base + "/signin?link=" + issued.token();
    }

    String url(String path) {
        return base + path;
    }

    static List<CsvSource> sample() {
        return List.of("people.csv", "pairings.csv", "objectives.csv", "milestones.csv", "checkins.csv",
                "reciprocity.csv", "activities.csv", "resources.csv", "engagements.csv").stream()
                .map(name -> new CsvSource(name, () -> TestWeb.class.getResourceAsStream("/sample/" + COHORT + "/"
                        + name)))
                .toList();
    }

    @Override
    public void close() {
        app.stop();
        store.close();
    }
}
