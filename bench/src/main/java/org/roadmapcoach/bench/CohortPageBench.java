package org.roadmapcoach.bench;

import io.javalin.Javalin;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roadmapcoach.app.Links;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.MeService;
import org.roadmapcoach.app.access.SessionService;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.app.board.BoardService;
import org.roadmapcoach.app.cohort.CohortService;
import org.roadmapcoach.app.healthcheck.HealthCheckService;
import org.roadmapcoach.app.matching.MatchingService;
import org.roadmapcoach.app.nextsteps.LiveFindings;
import org.roadmapcoach.app.nextsteps.NextStepsService;
import org.roadmapcoach.app.nextsteps.StoredRunFindings;
import org.roadmapcoach.app.roadmap.RoadmapService;
import org.roadmapcoach.data.generator.CohortGenerator;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.importer.ImportOptions;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.web.WebApp;
import org.roadmapcoach.web.WebServices;
import org.roadmapcoach.web.cohort.CohortServices;

/**
 * The coordinator's cohort page at N generated pairings (WEB.md: <= 300 ms of server time, <= 400 KB):
 * generates, imports and checks the cohort twice (or reuses {@code DIR/coach.db}), serves the web app on a
 * free port, signs the coordinator in, and times each kind of page (unfiltered, deep page, each filter) over
 * loopback after a warm-up: the figures include the client's side, so they bound the server's time.
 *
 * <p>{@code java -cp ... org.roadmapcoach.bench.CohortPageBench DIR [N]}
 */
public final class CohortPageBench {

    private static final String COHORT = "bench";
    private static final int WARMUP = 10;
    private static final int ROUNDS = 20;

    private CohortPageBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int pairings = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path db = dir.resolve("coach.db");
        boolean fresh = !Files.exists(db);
        Evaluator evaluator = Evaluator.fromClasspath();
        Clock clock = Clock.systemUTC();
        try (SqliteStore store = SqliteStore.open(db)) {
            if (fresh) {
                long start = System.nanoTime();
                CohortGenerator.generate(dir.resolve("csv"), pairings, 42);
                var report = new CohortImporter(store).importPaths(COHORT, List.of(dir.resolve("csv")), ImportOptions.DEFAULT);
                if (!report.ok()) {
                    throw new IllegalStateException("the generated cohort did not import: " + report.errors());
                }
                HealthCheckService checks = new HealthCheckService(store, evaluator, clock);
                checks.run(COHORT, CohortGenerator.AS_OF, read -> { });
                checks.run(COHORT, CohortGenerator.AS_OF, read -> { });
                System.out.printf("generated, imported and checked twice %,d pairings in %.1f s%n", pairings,
                        (System.nanoTime() - start) / 1e9);
            }
            store.pinToday(CohortGenerator.AS_OF);
            Today today = Today.of(store, null, clock);
            Access access = new Access(store);
            var findings = new StoredRunFindings(new RunStore(store), evaluator.ruleBase(),
                    new LiveFindings(store, () -> evaluator));
            NextStepsService nextSteps = new NextStepsService(store, findings, clock);
            WebServices web = new WebServices(store, today, new Links(Links.DEFAULT_BASE), new TokenService(store, clock),
                    new SessionService(store, clock), access, new MeService(store), nextSteps,
                    new RoadmapService(store, today));
            CohortServices cohorts = new CohortServices(new BoardService(store, access, nextSteps),
                    new CohortService(store), () -> new HealthCheckService(store, evaluator, clock),
                    new MatchingService(store));
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                WebApp.register(config, web);
                WebApp.registerCohorts(config, web, cohorts, clock);
            }).start("127.0.0.1", 0);
            try {
                measure(web, "http://127.0.0.1:" + app.port());
            } finally {
                app.stop();
            }
        }
    }

    private static void measure(WebServices web, String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var link = web.tokens().createSignInLink("C01", null, COHORT, false, TokenService.SIGN_IN_LINK_LIFE);
        String page = get(http, base + "/signin?link=" + link.token()).body();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no sign-in form");
        }
        String form = "csrf=" + URLEncoder.encode(csrf.group(1).replace("&#43;", "+"), StandardCharsets.UTF_8)
                + "&link=" + link.token();
        http.send(HttpRequest.newBuilder(URI.create(base + "/signin")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String cohort = base + "/cohorts/" + COHORT;
        String first = get(http, cohort).body();
        Matcher rule = Pattern.compile("\\?rule=([A-Z-]+)\"").matcher(first);
        String someRule = rule.find() ? rule.group(1) : "CI-OVERDUE";
        System.out.println("page                               median    p95     max     bytes");
        for (String query : List.of("", "?page=2000", "?health=amber", "?rule=" + someRule, "?new=on",
                "?q=chen", "?q=P012345", "?health=red&rule=" + someRule + "&new=on&q=a")) {
            List<Long> times = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < WARMUP + ROUNDS; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = get(http, cohort + query);
                long took = System.nanoTime() - start;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(query + ": " + answer.statusCode());
                }
                bytes = answer.body().getBytes(StandardCharsets.UTF_8).length;
                if (i >= WARMUP) {
                    times.add(took);
                }
            }
            Collections.sort(times);
            System.out.printf("%-34s %5.0f ms %5.0f ms %5.0f ms %7d%n", "/cohorts/bench" + query,
                    times.get(times.size() / 2) / 1e6, times.get((int) (times.size() * 0.95)) / 1e6,
                    times.get(times.size() - 1) / 1e6, bytes);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
