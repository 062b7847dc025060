package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COORDINATOR;
import static org.roadmapcoach.api.http.TestApi.MENTEE;
import static org.roadmapcoach.api.http.TestApi.MENTOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suggestions are answered from the stored health check when it saw exactly the data of now, and those
 * answers are the live ones, byte for byte.
 */
class StoredRunSuggestionsTest {

    private static final String AS_OF = "2026-06-15";
    private static final String STORED = "From the stored run.";

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

    private void storeAHealthCheck() {
        TestApi.Reply run = api.post("/api/cohorts/spring-2026/health-checks?asOf=" + AS_OF, COORDINATOR, null);
        assertThat(run.status()).as(run.body()).isEqualTo(201);
    }

    /** Every answer about every sample pairing: suggestions and recommendations, as of the run's date and others. */
    private Map<String, String> everyAnswer() {
        Map<String, String> answers = new LinkedHashMap<>();
        IntStream.rangeClosed(1, 14).mapToObj(n -> String.format("/api/pairings/P%02d", n)).forEach(pairing -> {
            for (String query : new String[] {"/suggestions?asOf=" + AS_OF + "&limit=100", "/suggestions",
                    "/suggestions?limit=1", "/suggestions?asOf=" + AS_OF + "&limit=3", "/suggestions?asOf=2026-06-16",
                    "/recommendations?asOf=" + AS_OF}) {
                TestApi.Reply reply = api.get(pairing + query, COORDINATOR);
                answers.put(pairing + query, reply.status() + " " + reply.body());
            }
        });
        return answers;
    }

    /** Marks what the stored run answers with: its findings. */
    private void markTheStoredFindings() {
        api.store.inTransaction(connection -> {
            try (var findings = connection.prepareStatement("UPDATE health_check_texts SET text = ?")) {
                findings.setString(1, STORED);
                return findings.executeUpdate();
            }
        });
    }

    private boolean answeredFromTheRun(String pairingId) {
        return api.get("/api/pairings/" + pairingId + "/suggestions?asOf=" + AS_OF, COORDINATOR).body().contains(STORED);
    }

    @Test
    void theStoredRunAnswersWhatALiveEvaluationAnswers() {
        Map<String, String> live = everyAnswer();
        storeAHealthCheck();

        assertThat(everyAnswer()).isEqualTo(live);
        markTheStoredFindings();
        assertThat(answeredFromTheRun("P05")).as("the run was used").isTrue();
        assertThat(api.get("/api/pairings/P05/recommendations?asOf=" + AS_OF, COORDINATOR).body()).contains(STORED);
    }

    @Test
    void aWriteForAPairingRetiresTheRunForThatPairingOnly() {
        storeAHealthCheck();
        markTheStoredFindings();

        api.post("/api/pairings/P05/checkins", MENTEE, "{\"date\":\"2026-06-14\",\"status\":\"held\"}");
        api.post("/api/pairings/P01/reciprocity", "t-mentee-E01", "{\"date\":\"2026-06-14\",\"giver\":\"mentee\","
                + "\"kind\":\"insight\"}");
        api.post("/api/objectives/P03-O1/milestones/P03-O1-M2/progress", "t-mentee-E01",
                "{\"status\":\"in_progress\",\"date\":\"2026-06-14\"}"); // not E01's: refused, changes nothing

        assertThat(answeredFromTheRun("P05")).isFalse();
        assertThat(answeredFromTheRun("P01")).isFalse();
        assertThat(answeredFromTheRun("P03")).isTrue();
        assertThat(answeredFromTheRun("P02")).isTrue();
    }

    @Test
    void anActivityOrAMilestoneMovedRetiresTheRunForItsPairing() {
        storeAHealthCheck();
        markTheStoredFindings();

        api.post("/api/pairings/P05/activities", MENTEE, "{\"date\":\"2026-06-14\",\"kind\":\"reflection\"}");
        api.post("/api/objectives/P01-O1/milestones/P01-O1-M2/progress", "t-mentor-M01",
                "{\"status\":\"in_progress\",\"date\":\"2026-06-14\"}");

        assertThat(answeredFromTheRun("P05")).isFalse();
        assertThat(answeredFromTheRun("P01")).isFalse();
        assertThat(answeredFromTheRun("P02")).isTrue();
    }

    @Test
    void aPolicyChangeOrAnImportRetiresTheRunForTheWholeCohort() {
        storeAHealthCheck();
        markTheStoredFindings();
        api.put("/api/cohorts/spring-2026/policy", COORDINATOR, "{\"milestones.stalledDays\": 60}");
        assertThat(answeredFromTheRun("P02")).isFalse();

        storeAHealthCheck();
        markTheStoredFindings();
        assertThat(answeredFromTheRun("P02")).isTrue();
        TestApi.Reply imported = api.send("POST", "/api/cohorts/spring-2026/imports?file=resources.csv", COORDINATOR,
                "text/csv", "id,title,type,competencies\nR99,A new talk,video,leadership\n".getBytes());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(answeredFromTheRun("P02")).isFalse();
    }

    @Test
    void aDismissalHidesASuggestionAnsweredFromTheRun() {
        storeAHealthCheck();
        String before = api.get("/api/pairings/P05/suggestions?asOf=" + AS_OF + "&limit=100", MENTEE).body();
        assertThat(before).contains("\"ruleId\":\"MS-STALLED\"");

        api.post("/api/pairings/P05/suggestions/MS-STALLED/P05-O1-M2/dismiss?asOf=" + AS_OF, MENTEE, null);

        JsonNode after = api.get("/api/pairings/P05/suggestions?asOf=" + AS_OF + "&limit=100", MENTEE).json();
        assertThat(after.get("hidden").asInt()).isEqualTo(1);
        assertThat(after.get("suggestions").findValues("ruleId")).extracting(JsonNode::asText).doesNotContain("MS-STALLED");
    }

    @Test
    void aDismissalMadeBeforeTheRunStillHidesItsSuggestion() {
        JsonNode first = null;
        for (JsonNode suggestion : api.get("/api/pairings/P05/suggestions?asOf=" + AS_OF, MENTEE).json()
                .get("suggestions")) {
            if (first == null && !suggestion.get("severity").asText().equals("critical")) {
                first = suggestion; // a critical one is resolved, not dismissed
            }
        }
        api.post("/api/pairings/P05/suggestions/" + first.get("ruleId").asText() + "/" + first.get("subjectId").asText()
                + "/dismiss?asOf=" + AS_OF, MENTEE, null);
        storeAHealthCheck();
        markTheStoredFindings();

        JsonNode after = api.get("/api/pairings/P05/suggestions?asOf=" + AS_OF, MENTEE).json();

        assertThat(after.get("hidden").asInt()).isEqualTo(1);
        assertThat(after.get("suggestions")).extracting(StoredRunSuggestionsTest::ruleAndSubject)
                .doesNotContain(ruleAndSubject(first));
        assertThat(answeredFromTheRun("P05")).as("read from the run's findings").isTrue();
        assertThat(answeredFromTheRun("P02")).isTrue();
    }

    private static String ruleAndSubject(JsonNode suggestion) {
        return suggestion.get("ruleId").asText() + " " + suggestion.get("subjectId").asText();
    }

    @Test
    void suggestOnTheCommandLinePrintsExactlyTheApisBodyDismissalsIncluded() throws Exception {
        storeAHealthCheck();
        api.post("/api/pairings/P05/suggestions/MS-STALLED/P05-O1-M2/dismiss?asOf=" + AS_OF, MENTEE, null);
        for (String asOf : new String[] {AS_OF, "2026-07-02"}) {
            JsonNode body = api.get("/api/pairings/P05/suggestions?asOf=" + asOf + "&limit=7", MENTEE).json();

            java.io.StringWriter out = new java.io.StringWriter();
            int exit = org.roadmapcoach.api.cli.CoachCommand.execute(new String[] {"suggest", "--db",
                tmp.resolve("coach.db").toString(), "--pairing", "P05", "--as-of", asOf, "--limit", "7", "--json"},
                    new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));

            assertThat(exit).isZero();
            assertThat(org.roadmapcoach.app.Json.mapper().readTree(out.toString())).isEqualTo(body);
            assertThat(body.get("hidden").asInt()).as("the dismissal counts on both faces").isEqualTo(1);
        }
    }
}
