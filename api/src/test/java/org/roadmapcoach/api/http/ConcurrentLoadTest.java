package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COHORT;
import static org.roadmapcoach.api.http.TestApi.COORDINATOR;
import static org.roadmapcoach.api.http.TestApi.NOW;
import static org.roadmapcoach.api.http.TestApi.PROGRAM_COORDINATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.api.http.TestApi.Reply;
import org.roadmapcoach.data.generator.CohortGenerator;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.PairingStatus;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * Many clients at once against the real server for a bounded time: mentees read suggestions and write
 * check-ins and milestone progress while a coordinator runs health checks and imports. Nobody gets a
 * 5xx or sees the store busy, and every write answered 201 is in the store afterwards.
 *
 * <p>{@code -Dcoach.load.seconds} and {@code -Dcoach.load.clients} make it longer or wider
 * ({@code bench/load.sh} does); it prints its figures either way.
 */
class ConcurrentLoadTest {

    private static final int CLIENTS = Integer.getInteger("coach.load.clients", 50);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("coach.load.seconds", 4));
    /** Large enough that an import holds the write lock for a noticeable time. */
    private static final int IMPORTED_PAIRINGS = Integer.getInteger("coach.load.importPairings", 300);
    private static final String AS_OF = "2026-06-15";

    @TempDir
    Path tmp;

    /** One request to send: body and content type may be null. */
    record Call(String kind, int expected, String method, String path, String token, String contentType,
                byte[] body) {
    }

    /** One request and its answer. */
    record Exchange(String kind, int expected, int status, long nanos, String body, byte[] request) {
    }

    /** A milestone a client moves, and the pairing's mentee token it moves it with. */
    record Owned(String pairingId, String objectiveId, String milestoneId, String token) {
    }

    private final Collection<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private final Map<String, CheckIn> acknowledgedCheckIns = new ConcurrentHashMap<>();
    private final Map<String, String> acknowledgedReflections = new ConcurrentHashMap<>();
    private URI base;
    // Set before the start latch opens, which makes it visible to every client.
    private long deadline;

    @Test
    void manyClientsWritingWhileAHealthCheckAndAnImportRunGetNo5xxAndLoseNoAcknowledgedWrite() throws Exception {
        try (TestApi api = TestApi.start(tmp)) {
            List<Owned> milestones = milestonesWithMenteeTokens(api);
            byte[] importZip = generatedCohortZip(tmp.resolve("generated"));
            assertThat(api.post("/api/cohorts", PROGRAM_COORDINATOR, "{\"id\": \"load\", \"name\": \"Load\"}")
                    .status()).isEqualTo(201);
            base = URI.create("http://127.0.0.1:" + api.app.port());
            warmUp(api, milestones);

            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                // Each milestone has one client at most, so its last acknowledged state is the stored one.
                Owned owned = milestones.get(i % milestones.size());
                boolean ownsMilestone = i < milestones.size();
                int client = i;
                running.add(pool.submit(() -> mentee(start, client, owned, ownsMilestone)));
            }
            running.add(pool.submit(() -> coordinator(start, n -> new Call("health-check", 201, "POST",
                    "/api/cohorts/" + COHORT + "/health-checks?asOf=" + AS_OF, COORDINATOR, null, null))));
            // The generated cohort into its own cohort, alternating with the sample's check-ins again,
            // which touches the pairings the mentees write to.
            byte[] sampleCheckIns = sample("checkins.csv");
            running.add(pool.submit(() -> coordinator(start, n -> n % 2 == 0
                    ? new Call("import", 200, "POST", "/api/cohorts/load/imports", PROGRAM_COORDINATOR,
                            "application/zip", importZip)
                    : new Call("import", 200, "POST", "/api/cohorts/" + COHORT + "/imports?file=checkins.csv",
                            COORDINATOR, "text/csv", sampleCheckIns))));

            long began = System.nanoTime();
            deadline = began + RUN.toNanos();
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("every client finished").isTrue();
            long elapsed = System.nanoTime() - began;
            for (Future<?> done : running) {
                done.get(); // rethrows a client's transport failure
            }
            printFigures(exchanges, elapsed);

            List<Exchange> unexpected = exchanges.stream().filter(e -> e.status() != e.expected()).toList();
            assertThat(unexpected).as("answers other than the expected ones").isEmpty();
            assertThat(exchanges).noneMatch(e -> e.status() >= 500)
                    .noneMatch(e -> e.body().contains("SQLITE_BUSY") || e.body().contains("database is locked"));
            exchanges.stream().filter(e -> e.status() >= 400)
                    .forEach(e -> ErrorBodies.assertRevealsNothing(reply(e), e.request(), tmp));
            Map<String, Long> byKind = exchanges.stream()
                    .collect(Collectors.groupingBy(Exchange::kind, Collectors.counting()));
            assertThat(byKind).as("every kind of request ran").containsKeys("suggestions", "check-in", "progress",
                    "health-check", "import");

            everyAcknowledgedWriteIsStored(api);
        }
    }

    /**
     * One suggestions call per pairing and a health check, one at a time, before the clients start: a
     * served program has long compiled its hot paths, and a cold one spends the whole run doing so.
     */
    private static void warmUp(TestApi api, List<Owned> milestones) {
        milestones.stream().map(Owned::pairingId).distinct().forEach(pairing -> assertThat(api.get("/api/pairings/"
                + pairing + "/suggestions?asOf=" + AS_OF, COORDINATOR).status()).isEqualTo(200));
        assertThat(api.post("/api/cohorts/" + COHORT + "/health-checks?asOf=" + AS_OF, COORDINATOR, null).status())
                .isEqualTo(201);
    }

    /** Reads suggestions (half the time), records check-ins and moves its milestone until the deadline. */
    private Void mentee(CountDownLatch start, int client, Owned owned, boolean ownsMilestone) throws Exception {
        HttpClient http = client();
        start.await();
        for (int n = 0; System.nanoTime() < deadline; n++) {
            int pick = (n + client) % 10; // clients start at different points of the mix
            if (pick < 3) {
                String notes = "load client " + client + " check-in " + n;
                Exchange done = exchange(http, new Call("check-in", 201, "POST", "/api/pairings/"
                        + owned.pairingId() + "/checkins", owned.token(), "application/json",
                        json(Map.of("date", AS_OF, "minutes", 30, "notes", notes))));
                if (done.status() == 201) {
                    JsonNode stored = Json.mapper().readTree(done.body());
                    acknowledgedCheckIns.put(stored.get("id").asText(), new CheckIn(stored.get("id").asText(),
                            owned.pairingId(), null, null, null, 30, null, null, notes));
                }
            } else if (pick < 5 && ownsMilestone) {
                String reflection = "load client " + client + " step " + n;
                Exchange done = exchange(http, new Call("progress", 201, "POST", "/api/objectives/"
                        + owned.objectiveId() + "/milestones/" + owned.milestoneId() + "/progress", owned.token(),
                        "application/json", json(Map.of("status", "in_progress", "date", AS_OF,
                        "reflection", reflection))));
                if (done.status() == 201) {
                    acknowledgedReflections.put(owned.milestoneId(), reflection);
                }
            } else {
                exchange(http, new Call("suggestions", 200, "GET", "/api/pairings/" + owned.pairingId()
                        + "/suggestions?asOf=" + AS_OF + "&limit=5", owned.token(), null, null));
            }
        }
        return null;
    }

    /** Repeats one coordinator request until the deadline; the request may depend on the round. */
    private Void coordinator(CountDownLatch start, Function<Integer, Call> call) throws Exception {
        HttpClient http = client();
        start.await();
        for (int n = 0; System.nanoTime() < deadline; n++) {
            exchange(http, call.apply(n));
        }
        return null;
    }

    /** Sends one call and keeps the exchange; a transport failure (no answer at all) fails the test. */
    private Exchange exchange(HttpClient http, Call call) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(call.path()))
                .timeout(Duration.ofMinutes(2)) // a guard against a hang, never reached in a passing run
                .header("Authorization", "Bearer " + call.token())
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        long began = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Exchange done = new Exchange(call.kind(), call.expected(), response.statusCode(), System.nanoTime() - began,
                response.body(), call.body());
        exchanges.add(done);
        return done;
    }

    private void everyAcknowledgedWriteIsStored(TestApi api) {
        Map<String, CheckIn> storedCheckIns = new java.util.HashMap<>();
        Map<String, Milestone> storedMilestones = new java.util.HashMap<>();
        for (Roadmap roadmap : activeRoadmaps(api)) {
            roadmap.checkIns().forEach(c -> storedCheckIns.put(c.id(), c));
            roadmap.milestones().forEach(m -> storedMilestones.put(m.id(), m));
        }
        assertThat(acknowledgedCheckIns).as("check-ins answered 201").isNotEmpty();
        acknowledgedCheckIns.forEach((id, acknowledged) -> {
            assertThat(storedCheckIns).as("check-in %s answered 201", id).containsKey(id);
            assertThat(storedCheckIns.get(id).pairingId()).isEqualTo(acknowledged.pairingId());
            assertThat(storedCheckIns.get(id).notes()).isEqualTo(acknowledged.notes());
        });
        assertThat(acknowledgedReflections).as("milestone moves answered 201").isNotEmpty();
        acknowledgedReflections.forEach((id, reflection) -> assertThat(storedMilestones.get(id).reflection())
                .as("milestone %s after its last move answered 201", id).isEqualTo(reflection));
    }

    /** Every milestone of an active pairing, each with a token of the pairing's mentee. */
    private static List<Owned> milestonesWithMenteeTokens(TestApi api) {
        TokenService tokens = new TokenService(api.store, Clock.fixed(NOW, ZoneOffset.UTC));
        List<Owned> owned = new ArrayList<>();
        for (Roadmap roadmap : activeRoadmaps(api)) {
            String token = "t-load-" + roadmap.pairing().menteeId();
            tokens.save(token, roadmap.pairing().menteeId(), null, COHORT);
            roadmap.milestones().forEach(m -> owned.add(new Owned(roadmap.pairing().id(), m.objectiveId(), m.id(),
                    token)));
        }
        return owned;
    }

    private static List<Roadmap> activeRoadmaps(TestApi api) {
        List<Roadmap> roadmaps = new ArrayList<>();
        api.store.forEachRoadmapBatch(COHORT, 100, batch -> batch.stream()
                .filter(r -> r.pairing().status() == PairingStatus.ACTIVE).forEach(roadmaps::add));
        return roadmaps;
    }

    private static byte[] generatedCohortZip(Path dir) throws IOException {
        CohortGenerator.generate(dir, IMPORTED_PAIRINGS, 7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] sample(String file) throws IOException {
        try (var in = ConcurrentLoadTest.class.getResourceAsStream("/sample/" + COHORT + "/" + file)) {
            return in.readAllBytes();
        }
    }

    private static byte[] json(Map<String, Object> fields) {
        try {
            return Json.mapper().writeValueAsBytes(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static Reply reply(Exchange e) {
        return new Reply(e.status(), Problem.CONTENT_TYPE, e.body());
    }

    private static void printFigures(Collection<Exchange> all, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        System.out.printf("load: %d clients, %.1f s, %d requests (%.0f/s), %d errors (status >= 500: %d)%n",
                CLIENTS, seconds, all.size(), all.size() / seconds,
                all.stream().filter(e -> e.status() != e.expected()).count(),
                all.stream().filter(e -> e.status() >= 500).count());
        all.stream().collect(Collectors.groupingBy(Exchange::kind)).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).forEach(kind -> {
                    long[] nanos = kind.getValue().stream().mapToLong(Exchange::nanos).sorted().toArray();
                    System.out.printf("load: %-12s %6d requests  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
                            kind.getKey(), nanos.length, percentile(nanos, 50), percentile(nanos, 99),
                            nanos[nanos.length - 1] / 1e6);
                });
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
