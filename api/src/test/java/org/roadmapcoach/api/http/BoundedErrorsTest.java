package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COHORT;
import static org.roadmapcoach.api.http.TestApi.COORDINATOR;
import static org.roadmapcoach.api.http.TestApi.MENTEE;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roadmapcoach.api.http.TestApi.Reply;

/**
 * However large what a request gives (a path id, a query parameter, a CSV cell, a policy value as text),
 * its error shows at most 100 characters of it; numbers are refused unread past a digit limit; NUL and
 * lone surrogates are refused in path and query parameters as in bodies.
 */
class BoundedErrorsTest {

    /** 101 of the same character in a row: more of a given value than an error may show. */
    private static final Pattern ECHOED = Pattern.compile("(Z{101}|9{101})");
    private static final String HUGE = "Z".repeat(5000);

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

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "GET    | /api/pairings/{HUGE}                                   | t-mentee-E05",
        "GET    | /api/pairings/{HUGE}/suggestions                       | t-coordinator",
        "POST   | /api/pairings/{HUGE}/checkins                          | t-mentee-E05",
        "GET    | /api/cohorts/{HUGE}                                    | t-coordinator",
        "GET    | /api/cohorts/{HUGE}/next-steps                         | t-coordinator",
        "PATCH  | /api/objectives/{HUGE}                                 | t-mentee-E05",
        "PATCH  | /api/objectives/P05-O1/milestones/{HUGE}               | t-mentee-E05",
        "POST   | /api/pairings/P05/suggestions/CI-OVERDUE/{HUGE}/dismiss | t-mentee-E05",
        "PUT    | /api/pairings/P05/engagements/{HUGE}                   | t-mentee-E05",
        "GET    | /api/pairings/P05/suggestions?asOf={HUGE}              | t-mentee-E05",
        "GET    | /api/pairings/P05/suggestions?limit=9{HUGE}            | t-mentee-E05",
        "GET    | /api/me/next-steps?offset=9{HUGE}                      | t-mentee-E05",
        "POST   | /api/cohorts/spring-2026/imports?file={HUGE}.csv       | t-coordinator",
    })
    void anErrorShowsAtMost100CharactersOfWhatWasGiven(String method, String path, String token) {
        String body = method.equals("GET") ? null : "{\"date\":\"2026-06-15\",\"status\":\"started\"}";

        Reply reply = api.send(method, path.replace("{HUGE}", HUGE).replace("9Z", "9".repeat(5000)), token,
                path.contains("imports") ? "text/csv" : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
        assertThat(reply.contentType()).startsWith(Problem.CONTENT_TYPE);
        assertThat(ECHOED.matcher(reply.body()).find()).as(reply.toString()).isFalse();
        assertThat(reply.body().length()).isLessThan(2000);
    }

    /** Jetty itself refuses a NUL or invalid UTF-8 in a path (400, no field named); the API does so in a query. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "a NUL in a path id            | /api/pairings/P05%00/suggestions          | -",
        "a NUL in a query value        | /api/pairings/P05/suggestions?asOf=2026-06-15%00 | asOf",
        "a lone surrogate in a path id | /api/pairings/P05%ED%A0%80/suggestions    | -",
        "invalid UTF-8 in a query      | /api/me/next-steps?limit=%FF              | limit",
        "a lone surrogate in a query   | /api/me/next-steps?limit=%ED%A0%80        | limit",
        "a NUL in a query name         | /api/me/next-steps?li%00mit=3             | li",
    })
    void aParameterThatIsNotTextIsA400(String name, String path, String field) {
        Reply reply = api.get(path, MENTEE);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith(Problem.CONTENT_TYPE);
        if (field != null) {
            assertThat(reply.json().get("errors").get(0).get("field").asText()).startsWith(field);
            assertThat(reply.json().get("errors").get(0).get("reason").asText()).contains("not");
        }
    }

    @Test
    void aCsvNumberPastTheDigitLimitIsRefusedUnreadAndShownCut() {
        String hours = "1".repeat(5000);
        Reply huge = api.send("POST", "/api/cohorts/" + COHORT + "/imports?file=activities.csv", COORDINATOR,
                "text/csv", ("id,pairing_id,date,kind,hours\nP05-A99,P05,2026-06-01,practice," + hours + "\n")
                        .getBytes(StandardCharsets.UTF_8));
        Reply sixteen = api.send("POST", "/api/cohorts/" + COHORT + "/imports?file=activities.csv", COORDINATOR,
                "text/csv", "id,pairing_id,date,kind,hours\nP05-A99,P05,2026-06-01,practice,1234567890123456\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(huge.status()).as(huge.toString()).isEqualTo(422);
        JsonNode error = huge.json().get("errors").get(0);
        assertThat(error.get("column").asText()).isEqualTo("hours");
        assertThat(error.get("reason").asText()).isEqualTo("a number of 5000 characters; at most 32 are allowed");
        assertThat(huge.body()).hasSizeLessThan(2000);
        assertThat(sixteen.status()).as(sixteen.toString()).isEqualTo(422);
        assertThat(sixteen.json().get("errors").get(0).get("reason").asText()).contains("at most 15 digits");
    }

    @Test
    void aPolicyValueAsTextPastTheDigitLimitIsA400ShowingItCut() {
        Reply reply = api.put("/api/cohorts/" + COHORT + "/policy", COORDINATOR,
                "{\"checkins.overdueFactor\":\"" + "9".repeat(400_000) + "\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).hasSizeLessThan(2000);
        assertThat(ECHOED.matcher(reply.body()).find()).isFalse();
    }

    @Test
    void aPolicyBodyOfManyUnknownKeysListsTheFirst1000ErrorsAndCountsThemAll() {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < 5000; i++) {
            body.append(i == 0 ? "" : ",").append("\"unknown.key").append(i).append("\":1");
        }

        Reply reply = api.put("/api/cohorts/" + COHORT + "/policy", COORDINATOR, body.append('}').toString());

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("errors")).hasSize(1000);
        assertThat(reply.json().get("errorCount").asLong()).isEqualTo(5000);
        assertThat(reply.json().get("detail").asText()).contains("4999 more");
    }
}
