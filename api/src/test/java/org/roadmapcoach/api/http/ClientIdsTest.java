package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.MENTEE;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roadmapcoach.api.http.TestApi.Reply;

/**
 * Ids a client chooses for its writes live in its own pairing's namespace ({@code P05-...}, and
 * {@code P05-O1-...} for a milestone of P05-O1): an id of another pairing's style is refused from the
 * request alone, so that whether the other record exists never shows (the P000003-C1 posted on
 * P000001 answered a 409 that told it did).
 */
class ClientIdsTest {

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "check-in    | /api/pairings/P05/checkins              | P01-C01    | P01-C99    | {\"date\":\"2026-06-15\",\"id\":\"%s\"}",
        "activity    | /api/pairings/P05/activities            | P01-A01    | P01-A99    | {\"date\":\"2026-06-15\",\"kind\":\"reflection\",\"id\":\"%s\"}",
        "reciprocity | /api/pairings/P05/reciprocity           | P01-R01    | P01-R99    | {\"date\":\"2026-06-15\",\"giver\":\"mentee\",\"id\":\"%s\"}",
        "objective   | /api/pairings/P05/objectives            | P01-O1     | P01-O9     | {\"title\":\"Run the weekly planning meeting alone\",\"id\":\"%s\"}",
        "milestone   | /api/objectives/P05-O1/milestones       | P01-O1-M1  | P01-O1-M99 | {\"stage\":\"practice\",\"title\":\"Lead one\",\"id\":\"%s\"}",
    })
    void anIdOfAnotherPairingAnswersTheSameWhetherItExistsOrNot(String kind, String path, String taken, String free,
                                                                String body) {
        Reply takenReply = api.post(path, MENTEE, body.formatted(taken));
        Reply freeReply = api.post(path, MENTEE, body.formatted(free));

        assertThat(takenReply.status()).as(takenReply.body()).isEqualTo(400);
        assertThat(freeReply.status()).as(freeReply.body()).isEqualTo(400);
        assertThat(takenReply.json().get("errors").get(0).get("field").asText()).isEqualTo("id");
        assertThat(takenReply.json().get("errors").get(0).get("reason"))
                .isEqualTo(freeReply.json().get("errors").get(0).get("reason"));
        assertThat(takenReply.body().replace(taken, free)).isEqualTo(freeReply.body());
    }

    @Test
    void anIdInTheOwnNamespaceIsStoredAndThenTaken() {
        String body = "{\"date\":\"2026-06-15\",\"id\":\"P05-C-mine\"}";

        Reply first = api.post("/api/pairings/P05/checkins", MENTEE, body);
        Reply again = api.post("/api/pairings/P05/checkins", MENTEE, body);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("id").asText()).isEqualTo("P05-C-mine");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
    }

    @Test
    void theBarePrefixIsNotAnId() {
        Reply reply = api.post("/api/pairings/P05/checkins", MENTEE, "{\"date\":\"2026-06-15\",\"id\":\"P05-\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("reason").asText()).contains("'P05-'");
    }
}
