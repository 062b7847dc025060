package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COORDINATOR;
import static org.roadmapcoach.api.http.TestApi.MENTEE;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored runs over HTTP (list, one run as JSON or CSV, prune) and health checks run as background jobs. */
class RunsEndpointsTest {

    private static final String RUNS = "/api/cohorts/spring-2026/runs";
    private static final String CHECK = "/api/cohorts/spring-2026/health-checks?asOf=2026-06-15";

    @TempDir
    Path tmp;

    private TestApi api;

    @BeforeEach
    void start() {
        api = TestApi.start(tmp);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private long storeARun() {
        TestApi.Reply run = api.post(CHECK, COORDINATOR, null);
        assertThat(run.status()).as(run.body()).isEqualTo(201);
        return run.json().get("runId").asLong();
    }

    @Test
    void theRunsAreListedNewestFirstAndOneReadsBackAgainstTheRunBeforeIt() {
        long first = storeARun();
        // P05's overdue objective is achieved between the two runs
        assertThat(api.send("PATCH", "/api/objectives/P05-O1", MENTEE, "application/json",
                "{\"status\":\"achieved\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(200);
        long second = storeARun();

        JsonNode list = api.get(RUNS, COORDINATOR).json();
        JsonNode run = api.get(RUNS + "/" + second, COORDINATOR).json();
        TestApi.Reply csv = api.get(RUNS + "/" + second, COORDINATOR, "Accept", "text/csv");

        assertThat(list.get("keep").asInt()).isEqualTo(12);
        assertThat(list.get("runs")).extracting(r -> r.get("runId").asLong()).containsExactly(second, first);
        assertThat(list.get("runs").get(0).get("pairings").asInt()).isEqualTo(12);
        assertThat(list.get("runs").get(0).get("bytes").asLong()).isPositive();
        assertThat(run.get("runId").asLong()).isEqualTo(second);
        assertThat(run.get("previousRunId").asLong()).isEqualTo(first);
        assertThat(run.get("summary").get("resolved").asLong()).isPositive();
        assertThat(run.get("resolved")).anySatisfy(r -> assertThat(r.get("ruleId").asText()).isEqualTo("OBJ-OVERDUE"));
        assertThat(run.get("pairings").get(0).get("menteeName").asText()).isEqualTo("Aisha Rahman");
        assertThat(run.get("pairings").get(0).get("mentorName").asText()).isEqualTo("Priya Raman");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow()).contains("mentee_name", "mentor_name", "change");
        assertThat(csv.body()).contains(",OBJ-OVERDUE,").contains(",resolved");
        assertThat(list.get("runs")).hasSize(2); // reading stored no run
    }

    @Test
    void pruningKeepsTheNewestAndSaysWhichWereDeleted() {
        long first = storeARun();
        long second = storeARun();
        long third = storeARun();

        TestApi.Reply pruned = api.send("DELETE", RUNS + "?keep=1", COORDINATOR, null, null);
        TestApi.Reply missing = api.send("DELETE", RUNS, COORDINATOR, null, null);
        TestApi.Reply zero = api.send("DELETE", RUNS + "?keep=0", COORDINATOR, null, null);

        assertThat(pruned.status()).isEqualTo(200);
        assertThat(pruned.json().get("deleted")).extracting(JsonNode::asLong).containsExactly(first, second);
        assertThat(api.get(RUNS, COORDINATOR).json().get("runs")).extracting(r -> r.get("runId").asLong())
                .containsExactly(third);
        assertThat(api.get(RUNS + "/" + first, COORDINATOR).status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("keep");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body()).contains("from 1 to 100000");
    }

    @Test
    void anUnknownRunIsA404() {
        storeARun();

        assertThat(api.get(RUNS + "/999", COORDINATOR).status()).isEqualTo(404);
        assertThat(api.get(RUNS + "/abc", COORDINATOR).status()).isEqualTo(404);
    }

    @Test
    void aCheckAskedToRespondAsyncAnswers202WithItsJobWhichEndsWithTheRunId() {
        TestApi.Reply accepted = api.send("POST", CHECK, COORDINATOR, null, null, "Prefer", "respond-async, wait=0");

        assertThat(accepted.status()).isEqualTo(202);
        String location = accepted.location();
        assertThat(location).startsWith("/api/cohorts/spring-2026/health-checks/jobs/");
        assertThat(accepted.json().get("status").asText()).isIn("queued", "running", "done");

        JsonNode job = api.get(location, COORDINATOR).json();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!job.get("status").asText().equals("done") && !job.get("status").asText().equals("failed")
                && Instant.now().isBefore(deadline)) {
            assertThat(job.get("done").asInt()).isLessThanOrEqualTo(Math.max(job.get("total").asInt(), 0));
            job = api.get(location, COORDINATOR).json(); // the progress a page's bar polls
        }

        assertThat(job.get("status").asText()).isEqualTo("done");
        assertThat(job.get("total").asInt()).isPositive();
        assertThat(job.get("done").asInt()).isEqualTo(job.get("total").asInt());
        long runId = job.get("runId").asLong();
        assertThat(job.get("run").asText()).isEqualTo(RUNS + "/" + runId);
        assertThat(api.get(RUNS + "/" + runId, COORDINATOR).status()).isEqualTo(200);
        assertThat(api.get("/api/cohorts/other/health-checks/jobs/" + job.get("jobId").asText(),
                TestApi.OTHER_COORDINATOR).status()).isEqualTo(404);
    }
}
