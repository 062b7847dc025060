package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COORDINATOR;
import static org.roadmapcoach.api.http.TestApi.MENTEE;
import static org.roadmapcoach.api.http.TestApi.PROGRAM_COORDINATOR;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.api.http.TestApi.Reply;

/**
 * Any bytes as the JSON body of a write get one of the documented answers, never a 500: the stored
 * record (201), the policy (200), or a problem (400, 404, 409, 413, 422) that reveals nothing of the
 * server. One server serves every input, so writes that succeed pile up as they would in use.
 * {@code mvn verify} replays the seeds in {@code WriteBodiesFuzzTestInputs/}; README.md says how to fuzz.
 * Each method's dictionary holds JSON punctuation, its fields and their values, without which most
 * mutations never get past the JSON parser.
 */
class WriteBodiesFuzzTest {

    private static final Set<Integer> DOCUMENTED = Set.of(200, 201, 400, 404, 409, 413, 422);

    @TempDir
    static Path temp;

    private static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start(temp);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @DictionaryEntries({"{\"", "\": ", ", \"", "\"}", "null", "true", "[]", "\"2026-06-15\"", "\"2026-02-29\"", "0",
            "1.5", "-1", "1e400", "\"\\u0000\"",
            "id", "date", "type", "status", "minutes", "feedbackToMentee", "feedbackToMentor", "notes", "kickoff",
            "checkin", "review", "held", "missed", "cancelled", "P05-C01", "P01-C01", "P05-", "\"\\ud800\""})
    @FuzzTest(maxDuration = "5m")
    void checkInBodies(byte[] body) {
        answersAsDocumented("POST", "/api/pairings/P05/checkins", MENTEE, body);
    }

    @DictionaryEntries({"{\"", "\": ", ", \"", "\"}", "null", "true", "[]", "\"2026-06-15\"", "\"2026-02-29\"", "0",
            "1.5", "-1", "1e400", "\"\\u0000\"",
            "id", "date", "giver", "kind", "hours", "description", "mentee", "mentor", "project_update", "insight",
            "peer_mentoring", "other", "P05-R01", "P01-R01", "\"\\udfff\""})
    @FuzzTest(maxDuration = "5m")
    void reciprocityBodies(byte[] body) {
        answersAsDocumented("POST", "/api/pairings/P05/reciprocity", MENTEE, body);
    }

    @DictionaryEntries({"{\"", "\": ", ", \"", "\"}", "null", "true", "[]", "\"2026-06-15\"", "\"2026-02-29\"", "0",
            "1.5", "-1", "1e400", "\"\\u0000\"",
            "id", "date", "kind", "title", "hours", "outcome", "practice", "reflection", "side_project", "artifact",
            "P05-A01"})
    @FuzzTest(maxDuration = "5m")
    void activityBodies(byte[] body) {
        answersAsDocumented("POST", "/api/pairings/P05/activities", MENTEE, body);
    }

    @DictionaryEntries({"{\"", "\": ", ", \"", "\"}", "null", "true", "[]", "\"2026-06-15\"", "\"2026-02-29\"", "0",
            "1.5", "-1", "1e400", "\"\\u0000\"",
            "status", "date", "reflection", "completedOn", "planned", "in_progress", "done", "dropped"})
    @FuzzTest(maxDuration = "5m")
    void milestoneProgressBodies(byte[] body) {
        answersAsDocumented("POST", "/api/objectives/P05-O1/milestones/P05-O1-M2/progress", MENTEE, body);
    }

    @DictionaryEntries({"{\"", "\": ", ", \"", "\"}", "null", "true", "[]", "\"2026-06-15\"", "\"2026-02-29\"", "0",
            "1.5", "-1", "1e400", "\"\\u0000\"",
            "checkins.overdueFactor", "checkins.criticalFactor", "reciprocity.maxHoursRatio",
            "milestones.stalledDays", "smart.minTitleWords", "resources.recommendations", "4.25", "3650",
            "\"99999999999999999999999999999999\"", "\"1e999999999\""})
    @FuzzTest(maxDuration = "5m")
    void policyBodies(byte[] body) {
        answersAsDocumented("PUT", "/api/cohorts/spring-2026/policy", COORDINATOR, body);
    }

    @DictionaryEntries({"{\"", "\": ", ", \"", "\"}", "null", "true", "[]", "\"2026-06-15\"", "\"2026-02-29\"", "0",
            "1.5", "-1", "1e400", "\"\\u0000\"",
            "id", "name", "startDate", "endDate", "spring-2026", "other"})
    @FuzzTest(maxDuration = "5m")
    void cohortBodies(byte[] body) {
        answersAsDocumented("POST", "/api/cohorts", PROGRAM_COORDINATOR, body);
    }

    private static void answersAsDocumented(String method, String path, String token, byte[] body) {
        Reply reply = api.send(method, path, token, "application/json", body);

        assertThat(DOCUMENTED).as("documented statuses, not %s", reply).contains(reply.status());
        JsonNode json = reply.json();
        if (reply.status() >= 400) {
            assertThat(reply.contentType()).startsWith(Problem.CONTENT_TYPE);
            assertThat(json.get("status").asInt()).isEqualTo(reply.status());
            assertThat(json.get("detail").asText()).isNotBlank();
            ErrorBodies.assertRevealsNothing(reply, body, temp);
        } else {
            assertThat(json.isObject()).as(reply.toString()).isTrue();
        }
    }
}
