package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COORDINATOR;
import static org.roadmapcoach.api.http.TestApi.MENTEE;
import static org.roadmapcoach.api.http.TestApi.MENTOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes change the next suggestions; dismissed suggestions stay hidden until their evidence changes. */
class SuggestionFlowTest {

    private static final String SUGGESTIONS = "/api/pairings/P05/suggestions?asOf=2026-06-15&limit=100";

    @TempDir
    Path tmp;

    TestApi api;

    @BeforeEach
    void start() {
        api = TestApi.start(tmp);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private List<String> suggested(String path) {
        JsonNode reply = api.get(path, MENTEE).json();
        return StreamSupport.stream(reply.get("suggestions").spliterator(), false)
                .map(f -> f.get("ruleId").asText() + " " + f.get("subjectId").asText()
                        + (f.get("evidence").has("objectiveId") ? " " + f.get("evidence").get("objectiveId").asText() : ""))
                .toList();
    }

    @Test
    void aReflectionActivityClearsTheNoReflectionSuggestion() {
        assertThat(suggested(SUGGESTIONS)).contains("AC-NO-REFLECTION P05");

        api.post("/api/pairings/P05/activities", MENTEE, "{\"date\":\"2026-06-14\",\"kind\":\"reflection\"}");

        assertThat(suggested(SUGGESTIONS)).doesNotContain("AC-NO-REFLECTION P05");
    }

    @Test
    void movingAStalledMilestoneClearsItsStalledSuggestion() {
        assertThat(suggested(SUGGESTIONS)).contains("MS-STALLED P05-O1-M2 P05-O1");

        api.post("/api/objectives/P05-O1/milestones/P05-O1-M2/progress", MENTOR,
                "{\"status\":\"in_progress\",\"date\":\"2026-06-14\"}");

        assertThat(suggested(SUGGESTIONS)).doesNotContain("MS-STALLED P05-O1-M2 P05-O1");
    }

    @Test
    void aDismissedSuggestionStaysHiddenDaysLaterAndComesBackWhenItsEvidenceChanges() {
        var dismissed = api.post("/api/pairings/P05/suggestions/MS-STALLED/P05-O1-M2/dismiss?asOf=2026-06-15", MENTEE,
                null);

        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(201);
        assertThat(dismissed.json().get("dismissedBy").asText()).isEqualTo("E05");
        assertThat(suggested(SUGGESTIONS)).doesNotContain("MS-STALLED P05-O1-M2 P05-O1");
        // three days later only daysSince grew: still hidden
        assertThat(suggested("/api/pairings/P05/suggestions?asOf=2026-06-18&limit=100"))
                .doesNotContain("MS-STALLED P05-O1-M2 P05-O1");
        assertThat(api.get(SUGGESTIONS, MENTEE).json().get("hidden").asInt()).isEqualTo(1);

        // progress recorded, then stalled again: new evidence (lastProgress), so it is back
        api.post("/api/objectives/P05-O1/milestones/P05-O1-M2/progress", MENTEE,
                "{\"status\":\"in_progress\",\"date\":\"2026-05-10\"}");

        assertThat(suggested(SUGGESTIONS)).contains("MS-STALLED P05-O1-M2 P05-O1");
    }

    @Test
    void aDismissedSuggestionComesBackWhenItTurnsMoreSevere() {
        // MS-OVERDUE of P05-O1-M3 is a warning 26 days late; at 31 days it turns critical
        api.post("/api/pairings/P05/suggestions/MS-OVERDUE/P05-O1-M3/dismiss?asOf=2026-06-15", MENTEE, null);

        assertThat(suggested("/api/pairings/P05/suggestions?asOf=2026-06-19&limit=100"))
                .doesNotContain("MS-OVERDUE P05-O1-M3 P05-O1");
        assertThat(suggested("/api/pairings/P05/suggestions?asOf=2026-06-20&limit=100"))
                .contains("MS-OVERDUE P05-O1-M3 P05-O1");
    }

    @Test
    void dismissingARecommendedResourceHidesItForEveryObjectiveUnlessOneIsNamed() {
        JsonNode before = api.get("/api/pairings/P05/recommendations?asOf=2026-06-15", MENTEE).json();
        List<String> forR49 = StreamSupport.stream(before.get("recommendations").spliterator(), false)
                .filter(r -> r.get("resourceId").asText().equals("R49")).map(r -> r.get("objectiveId").asText()).toList();
        assertThat(forR49).as("R49 is recommended for both objectives of P05").hasSize(2);

        api.post("/api/pairings/P05/suggestions/RES-RECOMMEND/R49/dismiss?asOf=2026-06-15&objectiveId=" + forR49.get(0),
                MENTEE, null);
        JsonNode one = api.get("/api/pairings/P05/recommendations?asOf=2026-06-15", MENTEE).json();
        var all = api.post("/api/pairings/P05/suggestions/RES-RECOMMEND/R49/dismiss?asOf=2026-06-15", MENTEE, null);
        JsonNode none = api.get("/api/pairings/P05/recommendations?asOf=2026-06-15", MENTEE).json();

        assertThat(one.get("recommendations").findValues("resourceId").stream().filter(id -> id.asText().equals("R49")))
                .hasSize(1);
        assertThat(all.json().get("objectiveIds")).hasSize(2);
        assertThat(none.get("recommendations").findValues("resourceId")).noneMatch(id -> id.asText().equals("R49"));
    }

    @Test
    void aPolicyChangeShowsInTheNextSuggestions() {
        assertThat(suggested(SUGGESTIONS)).contains("MS-STALLED P05-O1-M2 P05-O1");

        api.put("/api/cohorts/spring-2026/policy", COORDINATOR, "{\"milestones.stalledDays\": 60}");

        assertThat(suggested(SUGGESTIONS)).doesNotContain("MS-STALLED P05-O1-M2 P05-O1");
    }
}
