package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COORDINATOR;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.api.http.TestApi.Reply;

/** An unexpected failure answers 500 with a generic problem: no SQL, no path, no stack trace. */
class FailureTest {

    @TempDir
    Path tmp;

    @Test
    void aFailingServiceAnswersAGeneric500() throws Exception {
        try (TestApi api = TestApi.start(tmp)) {
            // a database broken behind the app's back: the stored runs are gone
            try (Connection connection = api.store.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE health_check_texts");
            }

            Reply run = api.post("/api/cohorts/spring-2026/health-checks?asOf=2026-06-15", COORDINATOR, null);

            assertThat(run.status()).isEqualTo(500);
            assertThat(run.contentType()).startsWith("application/problem+json");
            assertThat(run.json().get("title").asText()).isEqualTo("Internal Server Error");
            assertThat(run.body()).doesNotContainIgnoringCase("sql").doesNotContain("health_check")
                    .doesNotContain(tmp.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
