package org.roadmapcoach.api.http;

import static org.roadmapcoach.api.http.TestApi.COORDINATOR;
import static org.roadmapcoach.api.http.TestApi.MENTEE;
import static org.roadmapcoach.api.http.TestApi.MENTOR;
import static org.roadmapcoach.api.http.TestApi.OTHER_COORDINATOR;
import static org.roadmapcoach.api.http.TestApi.OTHER_MENTEE;
import static org.roadmapcoach.api.http.TestApi.OTHER_MENTOR;
import static org.roadmapcoach.api.http.TestApi.PROGRAM_COORDINATOR;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.api.http.TestApi.Reply;

/**
 * Every route times every kind of caller, with the status each gets, and no refused caller sees the
 * data. Pairing P05 is E05's (mentee) and M03's (mentor) in cohort spring-2026, coordinated by C01;
 * the "other" callers are the pair of P01, and the coordinator of another cohort.
 */
class AccessMatrixTest {

    /** What the pairing and cohort under test hold, which no refused caller may see. */
    private static final List<String> SECRETS = List.of("Run the Payments team", "Lukas", "Sofia Marquez",
            "P05-O1-M2", "sprint planning");

    @TempDir
    Path tmp;

    /** A route and the status each caller gets: none, coordinator, other coordinator, mentee, other mentee, mentor, other mentor. */
    private record Route(String method, String path, String contentType, String body, int... statuses) {
    }

    private static final String[] CALLERS = {null, COORDINATOR, OTHER_COORDINATOR, MENTEE, OTHER_MENTEE, MENTOR,
        OTHER_MENTOR};
    private static final String[] NAMES = {"none", "coordinator", "other coordinator", "mentee", "other mentee",
        "mentor", "other mentor"};

    private static List<Route> routes() {
        // writes are dated after 2026-06-15, so they leave the evaluation as of that date (and the dismissed
        // OBJ-OVERDUE) as it was
        String json = "application/json";
        return List.of(
                new Route("GET", "/health", null, null, 200, 200, 200, 200, 200, 200, 200),
                new Route("GET", "/openapi.json", null, null, 200, 200, 200, 200, 200, 200, 200),
                new Route("POST", "/api/cohorts", json, "{\"id\":\"autumn-2026\",\"name\":\"Autumn\"}",
                        401, 403, 403, 403, 403, 403, 403),
                new Route("GET", "/api/cohorts/spring-2026", null, null, 401, 200, 404, 403, 403, 403, 403),
                new Route("POST", "/api/cohorts/spring-2026/imports?file=checkins.csv", "text/csv",
                        "id,pairing_id,date\nMX1,P05,2026-07-01\n", 401, 200, 404, 403, 403, 403, 403),
                new Route("POST", "/api/cohorts/spring-2026/health-checks?asOf=2026-06-15", null, null,
                        401, 201, 404, 403, 403, 403, 403),
                new Route("GET", "/api/cohorts/spring-2026/health-checks/latest", null, null,
                        401, 200, 404, 403, 403, 403, 403),
                new Route("GET", "/api/cohorts/spring-2026/health-checks/jobs/no-such-job", null, null,
                        401, 404, 404, 403, 403, 403, 403),
                new Route("GET", "/api/cohorts/spring-2026/runs", null, null, 401, 200, 404, 403, 403, 403, 403),
                new Route("GET", "/api/cohorts/spring-2026/runs/1", null, null, 401, 200, 404, 403, 403, 403, 403),
                new Route("DELETE", "/api/cohorts/spring-2026/runs?keep=5", null, null,
                        401, 200, 404, 403, 403, 403, 403),
                new Route("GET", "/api/cohorts/spring-2026/policy", null, null, 401, 200, 404, 403, 403, 403, 403),
                new Route("PUT", "/api/cohorts/spring-2026/policy", json, "{}", 401, 200, 404, 403, 403, 403, 403),
                new Route("PATCH", "/api/cohorts/spring-2026/policy", json, "{\"matching.gapPoints\":12}",
                        401, 200, 404, 403, 403, 403, 403),
                new Route("GET", "/api/cohorts/spring-2026/match-proposals?asOf=2026-06-15", null, null,
                        401, 200, 404, 403, 403, 403, 403),
                new Route("POST", "/api/cohorts/spring-2026/pairings", json,
                        "{\"pairings\":[{\"menteeId\":\"E15\",\"mentorId\":\"M05\"}]}",
                        401, 201, 404, 403, 403, 403, 403),
                new Route("GET", "/api/pairings/P05", null, null, 401, 200, 404, 200, 404, 200, 404),
                new Route("GET", "/api/pairings/P05/suggestions?asOf=2026-06-15", null, null,
                        401, 200, 404, 200, 404, 200, 404),
                new Route("GET", "/api/pairings/P05/recommendations?asOf=2026-06-15", null, null,
                        401, 200, 404, 200, 404, 200, 404),
                new Route("POST", "/api/pairings/P05/checkins", json, "{\"date\":\"2026-07-01\"}",
                        401, 403, 403, 201, 404, 201, 404),
                new Route("POST", "/api/pairings/P05/reciprocity", json, "{\"date\":\"2026-07-01\",\"giver\":\"mentee\"}",
                        401, 403, 403, 201, 404, 201, 404),
                new Route("POST", "/api/pairings/P05/activities", json, "{\"date\":\"2026-07-01\",\"kind\":\"practice\"}",
                        401, 403, 403, 201, 404, 201, 404),
                new Route("POST", "/api/objectives/P05-O2/milestones/P05-O2-M1/progress", json,
                        "{\"status\":\"done\",\"date\":\"2026-06-10\"}", 401, 403, 403, 201, 404, 201, 404),
                // the pair's own next step: not the coordinator's, whose next steps are theirs and the critical ones
                new Route("POST", "/api/pairings/P05/suggestions/MS-OVERDUE/P05-O1-M3/dismiss?asOf=2026-06-15", null,
                        null, 401, 404, 404, 201, 404, 201, 404),
                new Route("POST", "/api/pairings/P05/suggestions/CI-MISSED-STREAK/P05/dismiss?asOf=2026-06-15", null,
                        null, 401, 201, 404, 404, 404, 404, 404),
                new Route("GET", "/api/pairings/P05/dismissals", null, null, 401, 403, 403, 200, 404, 200, 404),
                new Route("DELETE", "/api/pairings/P05/suggestions/MS-OVERDUE/P05-O1-M3/dismiss", null, null,
                        401, 403, 403, 204, 404, 204, 404),
                new Route("GET", "/api/pairings/P05/calendar.ics", null, null, 401, 200, 404, 200, 404, 200, 404),
                new Route("GET", "/api/me", null, null, 401, 200, 200, 200, 200, 200, 200),
                new Route("GET", "/api/me/next-steps?asOf=2026-06-15", null, null, 401, 403, 403, 200, 200, 200, 200),
                new Route("GET", "/api/me/tokens", null, null, 401, 200, 200, 200, 200, 200, 200),
                // nobody's own: the same 404 as an id that does not exist
                new Route("DELETE", "/api/me/tokens/999999", null, null, 401, 404, 404, 404, 404, 404, 404),
                new Route("GET", "/api/cohorts/spring-2026/next-steps?asOf=2026-06-15", null, null,
                        401, 200, 404, 403, 403, 403, 403),
                new Route("POST", "/api/pairings/P05/objectives", json, "{\"title\":\"Lead two incident reviews\"}",
                        401, 403, 403, 201, 404, 201, 404),
                new Route("PATCH", "/api/objectives/P05-O2", json, "{\"evidencePlan\":\"The team's ratings\"}",
                        401, 403, 403, 200, 404, 200, 404),
                new Route("POST", "/api/objectives/P05-O2/milestones", json, "{\"stage\":\"practice\"}",
                        401, 403, 403, 201, 404, 201, 404),
                new Route("PATCH", "/api/objectives/P05-O2/milestones/P05-O2-M1", json, "{\"title\":\"Shadow\"}",
                        401, 403, 403, 200, 404, 200, 404),
                new Route("PATCH", "/api/pairings/P05", json, "{\"reciprocityPlan\":\"An insight a month\"}",
                        401, 403, 403, 200, 404, 200, 404),
                new Route("PUT", "/api/pairings/P05/engagements/R45", json,
                        "{\"status\":\"completed\",\"date\":\"2026-07-01\",\"takeaway\":\"Listen first\"}",
                        401, 403, 403, 200, 404, 200, 404));
    }

    @Test
    void everyRouteGivesEachCallerTheirStatusAndNoRefusedCallerTheData() {
        try (TestApi api = TestApi.start(tmp)) {
            SoftAssertions softly = new SoftAssertions();
            for (Route route : routes()) {
                for (int i = 0; i < CALLERS.length; i++) {
                    byte[] body = route.body() == null ? null : route.body().getBytes(StandardCharsets.UTF_8);
                    Reply reply = api.send(route.method(), route.path(), CALLERS[i], route.contentType(), body);
                    String what = route.method() + " " + route.path() + " as " + NAMES[i];
                    softly.assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(route.statuses()[i]);
                    if (reply.status() >= 400) {
                        for (String secret : SECRETS) {
                            softly.assertThat(reply.body()).as(what).doesNotContain(secret);
                        }
                    }
                }
            }
            softly.assertAll();
        }
    }

    @Test
    void aCoordinatorOfEveryCohortCreatesCohortsAndReadsAnyPairing() {
        try (TestApi api = TestApi.start(tmp)) {
            SoftAssertions softly = new SoftAssertions();
            Map<String, Integer> expected = new LinkedHashMap<>();
            expected.put("/api/cohorts/other", 200);
            expected.put("/api/pairings/Q1", 200);
            expected.put("/api/pairings/P05/suggestions?asOf=2026-06-15", 200);
            expected.forEach((path, status) -> softly.assertThat(api.get(path, PROGRAM_COORDINATOR).status()).as(path)
                    .isEqualTo(status));
            softly.assertThat(api.post("/api/cohorts", PROGRAM_COORDINATOR, "{\"id\":\"autumn-2026\",\"name\":\"A\"}")
                    .status()).isEqualTo(201);
            softly.assertThat(api.post("/api/pairings/P05/checkins", PROGRAM_COORDINATOR, "{\"date\":\"2026-07-01\"}")
                    .status()).isEqualTo(403);
            softly.assertAll();
        }
    }

    @Test
    void aMenteeOfAnotherCohortCannotReachAPairingWithTheSameIdHere() {
        try (TestApi api = TestApi.start(tmp)) {
            Reply reply = api.get("/api/pairings/P05", TestApi.OUTSIDER_MENTEE);

            org.assertj.core.api.Assertions.assertThat(reply.status()).isEqualTo(404);
            org.assertj.core.api.Assertions.assertThat(reply.body()).doesNotContain("Lukas");
        }
    }
}
