package org.roadmapcoach.web.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.roadmapcoach.app.Links;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.MeService;
import org.roadmapcoach.app.access.SessionService;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.app.board.BoardService;
import org.roadmapcoach.app.cohort.CohortService;
import org.roadmapcoach.app.healthcheck.HealthCheckJobs;
import org.roadmapcoach.app.healthcheck.HealthCheckService;
import org.roadmapcoach.app.matching.MatchingService;
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
import org.roadmapcoach.web.ErrorPages;
import org.roadmapcoach.web.WebApp;
import org.roadmapcoach.web.WebServices;

/**
 * The web app with the coordinator's pages on a free port, over a SQLite file (or a PostgreSQL database, {@link
 * StoreKind}) holding the sample cohort
 * {@code spring-2026} (and the same files as cohort {@code other}), today pinned to 2026-06-15; and a
 * browser-like client: cookies, the CSRF token of the page last read, forms and multipart uploads.
 */
final class CohortWeb implements AutoCloseable {

    static final String COHORT = "spring-2026";
    static final String OTHER = "other";
    static final LocalDate SAMPLE_DAY = LocalDate.of(2026, 6, 15);
    static final String FILES = "people.csv pairings.csv objectives.csv milestones.csv checkins.csv reciprocity.csv"
            + " activities.csv resources.csv engagements.csv";

    private static final class Rules {
        static final Evaluator EVALUATOR = Evaluator.fromClasspath();
    }

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final Store store;
    final WebServices web;
    final Javalin app;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final HealthCheckJobs checkJobs;

    private CohortWeb(Store store, WebServices web, Javalin app, HealthCheckJobs checkJobs) {
        this.store = store;
        this.web = web;
        this.app = app;
        this.checkJobs = checkJobs;
    }

    static CohortWeb start(Path dir) {
        return start(dir, 30_000);
    }

    /** Over the database of {@code kind} that {@code dir} stands for. */
    static CohortWeb start(StoreKind kind, Path dir) {
        return kind == StoreKind.SQLITE ? start(dir) : start(kind.open(dir.resolve("coach.db")));
    }

    /** @param writeWaitMillis how long a write waits for its turn before the store says it is busy */
    static CohortWeb start(Path dir, long writeWaitMillis) {
        return start(Store.open(dir.resolve("coach.db"), 60_000, writeWaitMillis));
    }

    private static CohortWeb start(Store store) {
        for (String cohort : List.of(COHORT, OTHER)) {
            assertThat(new CohortImporter(store).importSources(cohort, sample()).ok()).isTrue();
        }
        store.pinToday(SAMPLE_DAY);
        Clock clock = Clock.fixed(SAMPLE_DAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        Today today = Today.of(store, null, clock);
        var findings = new StoredRunFindings(new RunStore(store), Rules.EVALUATOR.ruleBase(),
                new LiveFindings(store, () -> Rules.EVALUATOR));
        Access access = new Access(store);
        NextStepsService nextSteps = new NextStepsService(store, findings, clock);
        WebServices web = new WebServices(store, today, new Links(Links.DEFAULT_BASE), new TokenService(store, clock),
                new SessionService(store, clock), access, new MeService(store), nextSteps, new RoadmapService(store, today));
        CohortServices cohorts = new CohortServices(new BoardService(store, access, nextSteps), new CohortService(store),
                new HealthCheckJobs(() -> new HealthCheckService(store, Rules.EVALUATOR, clock)), new MatchingService(store));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.exception(HttpResponseException.class, (e, ctx) -> ErrorPages.status(ctx, web, e.getStatus()));
            WebApp.register(config, web);
            WebApp.registerCohorts(config, web, cohorts, clock);
        }).start("127.0.0.1", 0);
        return new CohortWeb(store, web, app, cohorts.checkJobs());
    }

    static List<CsvSource> sample() {
        return List.of(FILES.split(" ")).stream().map(name -> new CsvSource(name, () ->
                CohortWeb.class.getResourceAsStream("/sample/" + COHORT + "/" + name))).toList();
    }

    static byte[] sampleFile(String name) {
        try (var in = CohortWeb.class.getResourceAsStream("/sample/" + COHORT + "/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    /** Signs in with a one-time link for {@code personId} of {@code cohortId}: the link's page, then its button. */
    void signInAs(String personId, String cohortId) {
        var issued = web.tokens().createSignInLink(personId, null, cohortId, false, TokenService.SIGN_IN_LINK_LIFE);
        HttpResponse<String> page = get("/signin?link=" + issued.token());
        HttpResponse<String> signedIn = post("/signin", withCsrf(page.body(), Map.of("link", issued.token())));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields, new String[0]);
    }

    /** A form of {@code fields} and then more fields, as name and value in turn (a name may repeat). */
    HttpResponse<String> post(String path, Map<String, String> fields, String... more) {
        List<String> pairs = new java.util.ArrayList<>();
        fields.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        for (int i = 0; i + 1 < more.length; i += 2) {
            pairs.add(URLEncoder.encode(more[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(more[i + 1], StandardCharsets.UTF_8));
        }
        String body = String.join("&", pairs);
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart form as a browser sends it: {@code fields}, then each file under the field {@code files}. */
    HttpResponse<String> upload(String path, Map<String, String> fields, Map<String, byte[]> files) {
        String boundary = "----coach-test-boundary";
        var body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** {@code fields} plus the CSRF token of the page {@code html}. */
    static Map<String, String> withCsrf(String html, Map<String, String> fields) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("the page has no CSRF token: " + html);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", m.group(1).replace("&#43;", "+"));
        return all;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        checkJobs.close();
        store.close();
    }
}
