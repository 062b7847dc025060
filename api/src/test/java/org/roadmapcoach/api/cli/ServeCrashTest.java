package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * {@code coach serve} as a real process: killed with SIGKILL in the middle of a stream of writes, it
 * has lost none that it answered 201 (each is committed before it is answered, and SQLite's WAL keeps
 * a commit once the write returns, power loss aside); and whatever fails, no token reaches its log.
 */
class ServeCrashTest {

    private static final int WRITERS = 4;

    @TempDir
    Path tmp;

    private String menteeToken;
    private String coordinatorToken;

    @Test
    void aServerKilledUnderWritesLosesNoAcknowledgedWrite() throws Exception {
        Path db = sampleDatabase();
        ChildCoach.Server server = ChildCoach.serve(db);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        int killAfter = 20 + new Random().nextInt(180);
        CountDownLatch enough = new CountDownLatch(killAfter);

        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                HttpClient http = HttpClient.newHttpClient();
                for (int n = 0; ; n++) {
                    String notes = "writer " + writer + " check-in " + n;
                    HttpResponse<String> answer;
                    try {
                        answer = http.send(post(server.base(), "/api/pairings/P05/checkins", menteeToken,
                                "{\"date\": \"2026-06-15\", \"notes\": \"" + notes + "\"}"),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (IOException killed) {
                        return null; // no answer: the server is gone, and this write may or may not be stored
                    }
                    if (answer.statusCode() == 201) {
                        acknowledged.put(Json.mapper().readTree(answer.body()).get("id").asText(), notes);
                        enough.countDown();
                    } else {
                        unexpected.add(answer.statusCode() + " " + answer.body());
                    }
                }
            }));
        }
        // A guard against a server that never answers, not a wait for time to pass.
        assertThat(enough.await(2, TimeUnit.MINUTES)).as("%d writes answered 201", killAfter).isTrue();
        server.process().destroyForcibly();
        server.process().waitFor();
        writers.shutdown();
        for (Future<?> writer : running) {
            writer.get();
        }

        Map<String, String> stored;
        try (Store store = Store.open(db)) {
            Roadmap roadmap = store.roadmap(SampleCohort.ID, "P05").orElseThrow();
            stored = roadmap.checkIns().stream().filter(c -> c.notes() != null)
                    .collect(Collectors.toMap(CheckIn::id, CheckIn::notes));
        }
        assertThat(unexpected).as("answers other than 201 before the kill").isEmpty();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(killAfter);
        assertThat(stored).as("check-ins after a kill following %d acknowledged writes", acknowledged.size())
                .containsAllEntriesOf(acknowledged);
        assertThat(server.finalLog()).doesNotContain(menteeToken);
    }

    @Test
    void failingRequestsRevealNothingAndNoTokenReachesTheServerLog() throws Exception {
        Path db = sampleDatabase();
        ChildCoach.Server server = ChildCoach.serve(db);
        String unknownToken = "not-a-token-" + Long.toHexString(new Random().nextLong());
        // The check-ins vanish behind the server's back: whatever reads or writes them fails, and is logged
        // with its stack trace (a request that fails this way needs no rule base, which builds meanwhile).
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE checkins");
        }
        HttpClient http = HttpClient.newHttpClient();

        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(http.send(post(server.base(), "/api/pairings/P05/checkins", menteeToken,
                "{\"date\": \"2026-06-15\"}"), HttpResponse.BodyHandlers.ofString()));
        answers.add(http.send(HttpRequest.newBuilder(server.base().resolve("/api/cohorts/spring-2026"))
                .header("Authorization", "Bearer " + coordinatorToken).build(), HttpResponse.BodyHandlers.ofString()));
        answers.add(http.send(post(server.base(), "/api/pairings/P05/checkins", unknownToken, "{}"),
                HttpResponse.BodyHandlers.ofString()));
        answers.add(http.send(post(server.base(), "/api/pairings/P05/checkins", menteeToken, "{\"date\": "),
                HttpResponse.BodyHandlers.ofString()));
        answers.add(http.send(post(server.base(), "/api/pairings/P01/checkins", menteeToken, "{}"),
                HttpResponse.BodyHandlers.ofString()));
        server.process().destroy(); // SIGTERM: the server stops as on Ctrl-C, flushing its log

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(500, 500, 401, 400, 404);
        // The failures were SQL errors about a database file; the answers say none of it.
        assertThat(answers).extracting(HttpResponse::body).allSatisfy(body -> assertThat(body)
                .doesNotContainIgnoringCase("sql").doesNotContain("checkins").doesNotContain(db.toString())
                .doesNotContain("Exception").doesNotContain("\tat "));
        String log = server.finalLog();
        assertThat(log).as("the failure is logged").contains("failed").contains("\tat ");
        assertThat(log).doesNotContain(coordinatorToken).doesNotContain(menteeToken).doesNotContain(unknownToken);
    }

    /** The sample cohort in a new database, with random tokens for mentee E05 and coordinator C01. */
    private Path sampleDatabase() {
        Path db = tmp.resolve("coach.db");
        try (Store store = Store.open(db)) {
            assertThat(new CohortImporter(store).importSources(SampleCohort.ID, SampleCohort.files()).ok()).isTrue();
            TokenService tokens = new TokenService(store, Clock.systemUTC());
            menteeToken = tokens.create("E05", null, SampleCohort.ID).token();
            coordinatorToken = tokens.create("C01", null, SampleCohort.ID).token();
        }
        return db;
    }

    private static HttpRequest post(URI base, String path, String token, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
