package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that waited its bound behind another is a 503 with Retry-After (API.md), never a hang or a 500. */
class BusyStoreTest {

    @TempDir
    Path dir;

    private TestApi api;

    @BeforeEach
    void start() {
        api = TestApi.startWaitingAtMost(dir, 200);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aWriteBehindALongOneIsA503WithRetryAfterAndWritesNothing() throws Exception {
        String policy = "/api/cohorts/" + TestApi.COHORT + "/policy";
        String before = api.get(policy, TestApi.COORDINATOR).body();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> longWrite = CompletableFuture.supplyAsync(() -> api.store.inTransaction(c -> {
            holding.countDown();
            try {
                return release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        HttpResponse<String> busy;
        try {
            assertThat(holding.await(1, TimeUnit.MINUTES)).isTrue();
            busy = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.app.port() + policy))
                    .header("Authorization", "Bearer " + TestApi.COORDINATOR).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"smart.minTitleWords\": 5}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            release.countDown();
            longWrite.get(1, TimeUnit.MINUTES);
        }

        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).contains("5");
        assertThat(busy.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(busy.body()).contains("busy").contains("nothing was written");
        assertThat(api.get(policy, TestApi.COORDINATOR).body()).isEqualTo(before);
    }
}
