package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COORDINATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.api.http.TestApi.Reply;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Pairing;

/** The matching endpoints on the sample cohort: the proposal, and accepting it (MATCHING.md). */
class MatchingEndpointsTest {

    private static final String C = "/api/cohorts/spring-2026";

    @TempDir
    Path tmp;

    @Test
    void theProposalIsTheJsonOfTheSpec() {
        try (TestApi api = TestApi.start(tmp)) {
            JsonNode json = api.get(C + "/match-proposals?asOf=2026-06-15", COORDINATOR).json();

            assertThat(json.get("summary").get("matched").asInt()).isEqualTo(4);
            assertThat(json.get("proposals").get(0).get("menteeId").asText()).isEqualTo("E14");
            assertThat(json.get("proposals").get(0).get("covered").toString()).isEqualTo("[\"sql\",\"data analysis\"]");
            assertThat(json.get("unmatched").findValuesAsText("reason")).containsExactly("no-cover", "no-gaps",
                    "no-place");
            assertThat(api.get(C + "/match-proposals?asOf=someday", COORDINATOR).status()).isEqualTo(400);
        }
    }

    @Test
    void thePolicyIsOneDocumentWhosePatchChangesAnyKeysItNamesAndKeepsTheRest() {
        try (TestApi api = TestApi.start(tmp)) {
            api.put(C + "/policy", COORDINATOR, "{\"checkins.overdueFactor\": 2}");
            Reply patched = api.send("PATCH", C + "/policy", COORDINATOR, "application/json",
                    "{\"matching.allowRepeat\": true, \"digest.weekday\": \"Friday\", \"digest.enabled\": false}"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));

            assertThat(patched.status()).as(patched.body()).isEqualTo(200);
            JsonNode json = api.get(C + "/policy", COORDINATOR).json();
            assertThat(json.get("matching.allowRepeat").asBoolean()).isTrue();
            assertThat(json.get("digest.weekday").asText()).isEqualTo("friday");
            assertThat(json.get("digest.enabled").isBoolean()).isTrue();
            assertThat(json.get("digest.enabled").asBoolean()).isFalse();
            assertThat(json.get("checkins.overdueFactor").decimalValue()).isEqualByComparingTo("2");
            assertThat(json.get("matching.gapPoints").asInt()).isEqualTo(10);

            Reply bad = api.send("PATCH", C + "/policy", COORDINATOR, "application/json",
                    "{\"digest.weekday\": 5, \"matching.gapPoints\": 11}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("digest.weekday must be a weekday");
            assertThat(api.get(C + "/policy", COORDINATOR).json().get("matching.gapPoints").asInt())
                    .as("any bad key changes nothing").isEqualTo(10);
        }
    }

    @Test
    void describedThePolicyShowsEveryKeyWithItsGroupTypeValueDefaultRangeAndMeaning() {
        try (TestApi api = TestApi.start(tmp).validatingAgainstOpenApi()) {
            api.put(C + "/policy", COORDINATOR, "{\"digest.weekday\": \"friday\"}");

            JsonNode keys = api.get(C + "/policy?describe=true", COORDINATOR).json().get("keys");

            assertThat(keys).hasSize(org.roadmapcoach.engine.policy.PolicyKey.values().length);
            assertThat(keys).anySatisfy(key -> {
                assertThat(key.get("key").asText()).isEqualTo("digest.weekday");
                assertThat(key.get("group").asText()).isEqualTo("digest");
                assertThat(key.get("type").asText()).isEqualTo("weekday");
                assertThat(key.get("value").asText()).isEqualTo("friday");
                assertThat(key.get("default").asText()).isEqualTo("monday");
                assertThat(key.get("range").asText()).isEqualTo("monday to sunday");
                assertThat(key.get("meaning").asText()).isNotBlank();
            });
            assertThat(keys).anySatisfy(key -> {
                assertThat(key.get("key").asText()).isEqualTo("matching.allowRepeat");
                assertThat(key.get("type").asText()).isEqualTo("boolean");
                assertThat(key.get("value").isBoolean()).isTrue();
            });
            assertThat(keys).anySatisfy(key -> {
                assertThat(key.get("key").asText()).isEqualTo("checkins.overdueFactor");
                assertThat(key.get("group").asText()).isEqualTo("rules");
                assertThat(key.get("type").asText()).isEqualTo("decimal");
            });
            assertThat(api.get(C + "/policy?describe=maybe", COORDINATOR).status()).isEqualTo(400);
            assertThat(api.violations).isEmpty();
        }
    }

    @Test
    void acceptingCreatesExactlyThosePairingsAndASecondAcceptOfThemIsAConflict() {
        try (TestApi api = TestApi.start(tmp)) {
            String body = "{\"pairings\": [{\"menteeId\": \"E14\", \"mentorId\": \"M08\"},"
                    + " {\"menteeId\": \"E16\", \"mentorId\": \"M09\", \"startDate\": \"2026-07-01\", \"cadenceDays\": 21}]}";
            int before = pairings(api).size();

            Reply made = api.post(C + "/pairings", COORDINATOR, body);

            assertThat(made.status()).as(made.body()).isEqualTo(201);
            assertThat(made.json().get("pairings").findValuesAsText("id")).containsExactly("E14-M08", "E16-M09");
            assertThat(made.json().get("pairings").get(0).get("startDate").asText()).isEqualTo("2026-06-15");
            assertThat(made.json().get("pairings").get(1).get("cadenceDays").asInt()).isEqualTo(21);
            assertThat(pairings(api)).hasSize(before + 2);
            assertThat(api.get("/api/pairings/E16-M09", COORDINATOR).status()).isEqualTo(200);

            Reply again = api.post(C + "/pairings", COORDINATOR, body);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.contentType()).startsWith("application/problem+json");
            assertThat(again.body()).contains("E14 is no longer waiting").contains("E16 is no longer waiting");
            assertThat(pairings(api)).hasSize(before + 2);
            JsonNode next = api.get(C + "/match-proposals?asOf=2026-06-15", COORDINATOR).json();
            assertThat(next.get("summary").get("waiting").asInt()).isEqualTo(5);
        }
    }

    @Test
    void aFullMentorOrAnIneligiblePairMakesNothingAndIsNamed() {
        try (TestApi api = TestApi.start(tmp)) {
            int before = pairings(api).size();
            Reply refused = api.post(C + "/pairings", COORDINATOR, "{\"pairings\": [{\"menteeId\": \"E14\","
                    + " \"mentorId\": \"M08\"}, {\"menteeId\": \"E20\", \"mentorId\": \"M01\"},"
                    + " {\"menteeId\": \"E17\", \"mentorId\": \"M09\"}]}");

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("detail").asText()).contains("M01 has no free place left")
                    .contains("M09 covers 0 of E17's gaps");
            assertThat(pairings(api)).hasSize(before);
        }
    }

    @Test
    void aBadBodyIsA400NamingEachFieldAndAnUnknownPersonA404() {
        try (TestApi api = TestApi.start(tmp)) {
            Reply bad = api.post(C + "/pairings", COORDINATOR, "{\"pairings\": [{\"menteeId\": \"E14\"},"
                    + " {\"menteeId\": \"E15\", \"mentorId\": \"M05\", \"cadenceDays\": 0, \"colour\": \"red\"}]}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactly("pairings[1].colour",
                    "pairings[0].mentorId", "pairings[1].cadenceDays");

            assertThat(api.post(C + "/pairings", COORDINATOR, "{\"pairings\": []}").status()).isEqualTo(400);
            assertThat(api.post(C + "/pairings", COORDINATOR, "{\"menteeId\": \"E14\"}").status()).isEqualTo(400);
            assertThat(api.post(C + "/pairings", COORDINATOR, "{\"pairings\": [{\"menteeId\": \"E14\","
                    + " \"mentorId\": \"M05\"}, {\"menteeId\": \"E14\", \"mentorId\": \"M08\"}]}").body())
                    .contains("pairings[1].menteeId");
            assertThat(api.post(C + "/pairings", COORDINATOR, "{\"pairings\": [{\"menteeId\": \"E99\","
                    + " \"mentorId\": \"M05\"}]}").status()).isEqualTo(404);
        }
    }

    private static List<Pairing> pairings(TestApi api) {
        List<Pairing> all = new ArrayList<>();
        api.store.forEachRecord(Tables.PAIRINGS, TestApi.COHORT, all::add);
        return all;
    }
}
