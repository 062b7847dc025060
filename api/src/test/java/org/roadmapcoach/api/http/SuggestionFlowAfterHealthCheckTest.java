package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COORDINATOR;

import org.junit.jupiter.api.BeforeEach;

/**
 * The flows of {@link SuggestionFlowTest} with a health check stored as of their date first, so that
 * their first suggestions come from the stored run: every write must still show in the next call.
 */
class SuggestionFlowAfterHealthCheckTest extends SuggestionFlowTest {

    @BeforeEach
    void storeAHealthCheck() {
        TestApi.Reply run = api.post("/api/cohorts/spring-2026/health-checks?asOf=2026-06-15", COORDINATOR, null);
        assertThat(run.status()).as(run.body()).isEqualTo(201);
    }
}
