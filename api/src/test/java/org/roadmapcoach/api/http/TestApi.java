package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.importer.CsvSource;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * The real server on a free port over a SQLite file: the bundled sample cohort {@code spring-2026}
 * plus a small second cohort {@code other}, a token for each kind of caller, and an HTTP client. The
 * clock stands on the sample's date, 2026-06-15, so the default as-of date is the sample's.
 */
final class TestApi implements AutoCloseable {

    static final String COHORT = "spring-2026";
    static final String OTHER_COHORT = "other";
    static final Instant NOW = Instant.parse("2026-06-15T09:00:00Z");

    // E05 and M03 are the pair of P05; E01 and M01 of P01; C01 coordinates spring-2026, C9 the other cohort.
    static final String COORDINATOR = "t-coordinator";
    static final String OTHER_COORDINATOR = "t-other-coordinator";
    static final String PROGRAM_COORDINATOR = "t-program-coordinator";
    static final String MENTEE = "t-mentee-E05";
    static final String OTHER_MENTEE = "t-mentee-E01";
    static final String MENTOR = "t-mentor-M03";
    static final String OTHER_MENTOR = "t-mentor-M01";
    static final String OUTSIDER_MENTEE = "t-mentee-E9";

    /** The rule base is immutable and thread-safe; building it once saves a second per test. */
    private static final class Rules {
        static final Evaluator EVALUATOR = Evaluator.fromClasspath();
    }

    final Store store;
    final Services services;
    final Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private OpenApiInteractionValidator validator;
    final List<String> violations = new ArrayList<>();

    private TestApi(Store store, Services services, Javalin app) {
        this.store = store;
        this.services = services;
        this.app = app;
        this.base = URI.create("http://127.0.0.1:" + app.port());
    }

    static TestApi start(Path dir) {
        return start(dir, AppConfig.defaults());
    }

    static TestApi start(Path dir, AppConfig config) {
        return start(config, Store.open(dir.resolve("coach.db")));
    }

    /** A server whose writes wait at most {@code writeWaitMillis} for their turn before the store is busy. */
    static TestApi startWaitingAtMost(Path dir, long writeWaitMillis) {
        return start(AppConfig.defaults(), Store.open(dir.resolve("coach.db"), 60_000, writeWaitMillis));
    }

    private static TestApi start(AppConfig config, Store store) {
        CohortImporter importer = new CohortImporter(store);
        assertThat(importer.importSources(COHORT, sample()).ok()).isTrue();
        assertThat(importer.importSources(OTHER_COHORT, List.of(
                csv("people.csv", "id,name,role\nC9,Cora Nine,coordinator\nE9,Eve Nine,mentee\nM9,Max Nine,mentor\n"),
                csv("pairings.csv", "id,mentee_id,mentor_id,start_date\nQ1,E9,M9,2026-01-05\n"),
                csv("objectives.csv", "id,pairing_id,title\nQ1-O1,Q1,Publish the other cohort's secret plan\n")))
                .ok()).isTrue();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        TokenService tokens = new TokenService(store, clock);
        tokens.save(COORDINATOR, "C01", null, null);
        tokens.save(OTHER_COORDINATOR, "C9", null, null);
        tokens.saveForEveryCohort(PROGRAM_COORDINATOR, "boss");
        tokens.save(MENTEE, "E05", null, null);
        tokens.save(OTHER_MENTEE, "E01", null, null);
        tokens.save(MENTOR, "M03", null, null);
        tokens.save(OTHER_MENTOR, "M01", null, null);
        tokens.save(OUTSIDER_MENTEE, "E9", null, null);
        Services services = Services.of(store, Rules.EVALUATOR, clock);
        Javalin app = CoachApp.create(config, services).start("127.0.0.1", 0);
        return new TestApi(store, services, app);
    }

    /** From now on every exchange is checked against openapi.json; what does not match goes to {@link #violations}. */
    TestApi validatingAgainstOpenApi() {
        try (InputStream in = TestApi.class.getResourceAsStream(CoachApp.OPENAPI_RESOURCE)) {
            validator = OpenApiInteractionValidator
                    .createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    static List<CsvSource> sample() {
        return List.of("people.csv", "pairings.csv", "objectives.csv", "milestones.csv", "checkins.csv",
                "reciprocity.csv", "activities.csv", "resources.csv", "engagements.csv").stream()
                .map(name -> new CsvSource(name, () -> TestApi.class.getResourceAsStream("/sample/" + COHORT + "/"
                        + name)))
                .toList();
    }

    static CsvSource csv(String name, String content) {
        return new CsvSource(name, () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** A reply: status, content type and body, and its Location header if it has one. */
    record Reply(int status, String contentType, String body, String location) {
        Reply(int status, String contentType, String body) {
            this(status, contentType, body, null);
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    Reply get(String path, String token, String... headers) {
        return send("GET", path, token, null, null, headers);
    }

    Reply post(String path, String token, String json) {
        return send("POST", path, token, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    Reply put(String path, String token, String json) {
        return send("PUT", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Reply send(String method, String path, String token, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Location").orElse(null));
            if (validator != null) {
                check(method, path, token, contentType, body, headers, reply);
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks one exchange against openapi.json: the response always; the request unless the server
     * refused it as malformed (400, 413), which the tests send on purpose.
     */
    private void check(String method, String path, String token, String contentType, byte[] body, String[] headers,
                       Reply reply) {
        URI uri = base.resolve(path);
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                request.withQueryParam(parts[0], URLDecoder.decode(parts.length > 1 ? parts[1] : "",
                        StandardCharsets.UTF_8));
            }
        }
        if (token != null) {
            request.withHeader("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.withContentType(contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.withHeader(headers[i], headers[i + 1]);
        }
        if (body != null) {
            request.withBody(body);
        }
        SimpleResponse response = SimpleResponse.Builder.status(reply.status()).withContentType(reply.contentType())
                .withBody(reply.body()).build();
        var report = reply.status() == 400 || reply.status() == 413
                ? validator.validateResponse(uri.getPath(), Request.Method.valueOf(method), response)
                : validator.validate(request.build(), response);
        report.getMessages().forEach(m -> violations.add(method + " " + path + " -> " + reply.status() + ": "
                + m.getMessage()));
    }

    static Map<String, String> tokensByRole() {
        return Map.of("coordinator", COORDINATOR, "other coordinator", OTHER_COORDINATOR, "mentee", MENTEE,
                "other mentee", OTHER_MENTEE, "mentor", MENTOR, "other mentor", OTHER_MENTOR);
    }

    @Override
    public void close() {
        app.stop();
        store.close();
    }
}
