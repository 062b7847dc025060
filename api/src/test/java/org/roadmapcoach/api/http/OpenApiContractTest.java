package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COHORT;
import static org.roadmapcoach.api.http.TestApi.COORDINATOR;
import static org.roadmapcoach.api.http.TestApi.MENTEE;
import static org.roadmapcoach.api.http.TestApi.MENTOR;
import static org.roadmapcoach.api.http.TestApi.PROGRAM_COORDINATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.app.Json;

/**
 * Keeps openapi.json honest: real requests and responses of every endpoint, successes and documented
 * errors, are validated against it, and every path and method it lists is exercised.
 */
class OpenApiContractTest {

    @TempDir
    Path tmp;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyEndpointAnswersAsTheDocumentSays() throws Exception {
        try (TestApi api = TestApi.start(tmp).validatingAgainstOpenApi()) {
            List<String> exercised = new ArrayList<>();
            String c = "/api/cohorts/" + COHORT;

            api.get("/health", null);
            api.get("/openapi.json", null);
            exercised.add("GET /health");
            exercised.add("GET /openapi.json");

            api.post("/api/cohorts", PROGRAM_COORDINATOR, "{\"id\":\"autumn-2026\",\"name\":\"Autumn\",\"startDate\":\"2026-09-01\"}");
            api.post("/api/cohorts", PROGRAM_COORDINATOR, "{\"id\":\"autumn-2026\",\"name\":\"Again\"}");
            api.post("/api/cohorts", PROGRAM_COORDINATOR, "{\"name\":1}");
            api.post("/api/cohorts", MENTEE, "{\"id\":\"x\",\"name\":\"x\"}");
            api.post("/api/cohorts", null, "{\"id\":\"x\",\"name\":\"x\"}");
            exercised.add("POST /api/cohorts");

            api.get(c, COORDINATOR);
            api.get("/api/cohorts/nope", COORDINATOR);
            exercised.add("GET /api/cohorts/{cohortId}");

            api.send("POST", c + "/imports?file=checkins.csv", COORDINATOR, "text/csv",
                    bytes("id,pairing_id,date\nX1,P05,2026-06-14\n"));
            api.send("POST", c + "/imports?file=checkins.csv", COORDINATOR, "text/csv",
                    bytes("id,pairing_id,date\nX2,P99,2026-13-01\n"));
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(zip)) {
                out.putNextEntry(new ZipEntry("activities.csv"));
                out.write(bytes("id,pairing_id,date,kind\nZ1,P05,2026-06-14,practice\n"));
                out.closeEntry();
            }
            api.send("POST", c + "/imports", COORDINATOR, "application/zip", zip.toByteArray());
            exercised.add("POST /api/cohorts/{cohortId}/imports");

            api.get(c + "/health-checks/latest", COORDINATOR);
            api.post(c + "/health-checks?asOf=2026-06-15", COORDINATOR, null);
            api.post(c + "/health-checks?asOf=June", COORDINATOR, null);
            api.get(c + "/health-checks/latest", COORDINATOR);
            api.get(c + "/health-checks/latest", COORDINATOR, "Accept", "text/csv");
            exercised.add("POST /api/cohorts/{cohortId}/health-checks");
            exercised.add("GET /api/cohorts/{cohortId}/health-checks/latest");
            api.get(c + "/runs", COORDINATOR);
            long runId = api.get(c + "/health-checks/latest", COORDINATOR).json().get("runId").asLong();
            api.get(c + "/runs/" + runId, COORDINATOR);
            api.get(c + "/runs/" + runId, COORDINATOR, "Accept", "text/csv");
            api.get(c + "/runs/9999", COORDINATOR);
            api.send("DELETE", c + "/runs?keep=5", COORDINATOR, null, null);
            api.send("DELETE", c + "/runs", COORDINATOR, null, null);
            TestApi.Reply job = api.send("POST", c + "/health-checks?asOf=2026-06-15", COORDINATOR, null, null,
                    "Prefer", "respond-async");
            api.get(job.location(), COORDINATOR);
            api.get(c + "/health-checks/jobs/no-such-job", COORDINATOR);
            exercised.add("GET /api/cohorts/{cohortId}/runs");
            exercised.add("GET /api/cohorts/{cohortId}/runs/{runId}");
            exercised.add("DELETE /api/cohorts/{cohortId}/runs");
            exercised.add("GET /api/cohorts/{cohortId}/health-checks/jobs/{jobId}");

            api.get(c + "/policy", COORDINATOR);
            api.put(c + "/policy", COORDINATOR, "{\"checkins.overdueFactor\": 1.75}");
            api.put(c + "/policy", COORDINATOR, "{\"checkins.overdueFactor\": 0}");
            exercised.add("GET /api/cohorts/{cohortId}/policy");
            exercised.add("PUT /api/cohorts/{cohortId}/policy");
            api.send("PATCH", c + "/policy", COORDINATOR, "application/json",
                    bytes("{\"matching.allowRepeat\": true, \"matching.gapPoints\": 12}"));
            api.send("PATCH", c + "/policy", COORDINATOR, "application/json", bytes("{\"matching.allowRepeat\": 2}"));
            exercised.add("PATCH /api/cohorts/{cohortId}/policy");

            api.get(c + "/match-proposals?asOf=2026-06-15", COORDINATOR);
            api.get(c + "/match-proposals?asOf=June", COORDINATOR);
            exercised.add("GET /api/cohorts/{cohortId}/match-proposals");
            api.post(c + "/pairings", COORDINATOR, "{\"pairings\": [{\"menteeId\": \"E14\", \"mentorId\": \"M08\","
                    + " \"startDate\": \"2026-06-16\", \"cadenceDays\": 21}]}");
            api.post(c + "/pairings", COORDINATOR, "{\"pairings\": [{\"menteeId\": \"E14\", \"mentorId\": \"M08\"}]}");
            api.post(c + "/pairings", COORDINATOR, "{\"pairings\": [{\"menteeId\": \"E15\", \"cadenceDays\": 0}]}");
            exercised.add("POST /api/cohorts/{cohortId}/pairings");

            api.get("/api/pairings/P05", MENTEE);
            api.get("/api/pairings/P01", MENTEE);
            exercised.add("GET /api/pairings/{pairingId}");

            api.get("/api/pairings/P05/suggestions?asOf=2026-06-15&limit=3", MENTEE);
            api.get("/api/pairings/P05/suggestions?limit=1000", MENTEE);
            exercised.add("GET /api/pairings/{pairingId}/suggestions");
            api.get("/api/pairings/P05/recommendations?asOf=2026-06-15", MENTOR);
            exercised.add("GET /api/pairings/{pairingId}/recommendations");

            api.post("/api/pairings/P05/checkins", MENTEE, "{\"date\":\"2026-06-15\",\"minutes\":30,\"notes\":\"ok\"}");
            api.post("/api/pairings/P05/checkins", MENTEE, "{\"date\":\"2026-06-15\",\"id\":\"P05-C01\"}");
            api.post("/api/pairings/P05/checkins", MENTEE, "{\"date\":\"2026-06-15\",\"id\":\"P01-C01\"}");
            api.post("/api/pairings/P05/checkins", MENTEE, "{\"date\":\"someday\"}");
            api.post("/api/pairings/P05/checkins", COORDINATOR, "{\"date\":\"2026-06-15\"}");
            exercised.add("POST /api/pairings/{pairingId}/checkins");
            api.post("/api/pairings/P05/reciprocity", MENTEE, "{\"date\":\"2026-06-15\",\"giver\":\"mentee\",\"hours\":1.5}");
            api.post("/api/pairings/P05/reciprocity", MENTEE, "{\"date\":\"2026-06-15\"}");
            exercised.add("POST /api/pairings/{pairingId}/reciprocity");
            api.post("/api/pairings/P05/activities", MENTOR, "{\"date\":\"2026-06-15\",\"kind\":\"reflection\",\"hours\":1}");
            api.post("/api/pairings/P99/activities", MENTOR, "{\"date\":\"2026-06-15\",\"kind\":\"reflection\"}");
            exercised.add("POST /api/pairings/{pairingId}/activities");
            api.post("/api/objectives/P05-O1/milestones/P05-O1-M2/progress", MENTEE,
                    "{\"status\":\"done\",\"date\":\"2026-06-14\",\"reflection\":\"Done\"}");
            api.post("/api/objectives/P05-O1/milestones/P05-O1-M9/progress", MENTEE,
                    "{\"status\":\"done\",\"date\":\"2026-06-14\"}");
            exercised.add("POST /api/objectives/{objectiveId}/milestones/{milestoneId}/progress");
            api.post("/api/pairings/P05/suggestions/OBJ-OVERDUE/P05-O1/dismiss?asOf=2026-06-15", MENTEE, null);
            api.post("/api/pairings/P05/suggestions/RES-RECOMMEND/R49/dismiss?asOf=2026-06-15&objectiveId=P05-O2",
                    MENTEE, null);
            api.post("/api/pairings/P05/suggestions/OBJ-OVERDUE/P05-O9/dismiss?asOf=2026-06-15", MENTEE, null);
            exercised.add("POST /api/pairings/{pairingId}/suggestions/{ruleId}/{subjectId}/dismiss");
            api.post("/api/pairings/P05/suggestions/MS-OVERDUE/P05-O1-M3/dismiss?asOf=2026-06-15", MENTEE, null);
            api.get("/api/pairings/P05/dismissals", MENTEE);
            api.get("/api/pairings/P05/dismissals", COORDINATOR);
            exercised.add("GET /api/pairings/{pairingId}/dismissals");
            api.send("DELETE", "/api/pairings/P05/suggestions/MS-OVERDUE/P05-O1-M3/dismiss", MENTEE, null, null);
            api.send("DELETE", "/api/pairings/P05/suggestions/MS-OVERDUE/P05-O1-M3/dismiss", MENTEE, null, null);
            exercised.add("DELETE /api/pairings/{pairingId}/suggestions/{ruleId}/{subjectId}/dismiss");

            api.get("/api/me", MENTEE);
            api.get("/api/me", COORDINATOR);
            exercised.add("GET /api/me");
            api.get("/api/me/next-steps?asOf=2026-06-15&limit=3&offset=1", MENTOR);
            api.get("/api/me/next-steps?limit=0", MENTOR);
            api.get("/api/me/next-steps", COORDINATOR);
            exercised.add("GET /api/me/next-steps");
            api.get("/api/me/tokens", MENTEE);
            exercised.add("GET /api/me/tokens");
            api.send("DELETE", "/api/me/tokens/999999", MENTEE, null, null);
            api.send("DELETE", "/api/me/tokens/x", MENTEE, null, null);
            exercised.add("DELETE /api/me/tokens/{tokenId}");
            api.get(c + "/next-steps?asOf=2026-06-15&limit=1000", COORDINATOR);
            api.get(c + "/next-steps", MENTEE);
            exercised.add("GET /api/cohorts/{cohortId}/next-steps");

            api.post("/api/pairings/P05/objectives", MENTEE, "{\"title\":\"Lead two incident reviews by September\","
                    + "\"competency\":\"Incident management\",\"dueDate\":\"2026-09-30\",\"target\":2}");
            api.post("/api/pairings/P05/objectives", MENTEE, "{\"title\":\"\",\"colour\":\"red\"}");
            exercised.add("POST /api/pairings/{pairingId}/objectives");
            api.send("PATCH", "/api/objectives/P05-O2", MENTEE, "application/json",
                    bytes("{\"status\":\"achieved\",\"unit\":null}"));
            api.send("PATCH", "/api/objectives/P05-O2", MENTEE, "application/json", bytes("{\"dueDate\":\"2040-01-01\"}"));
            exercised.add("PATCH /api/objectives/{objectiveId}");
            api.post("/api/objectives/P05-O2/milestones", MENTOR, "{\"stage\":\"mastery\",\"title\":\"Teach it\"}");
            api.post("/api/objectives/P05-O2/milestones", MENTOR, "{\"stage\":\"later\"}");
            exercised.add("POST /api/objectives/{objectiveId}/milestones");
            api.send("PATCH", "/api/objectives/P05-O2/milestones/P05-O2-M1", MENTOR, "application/json",
                    bytes("{\"dueDate\":\"2026-08-01\"}"));
            exercised.add("PATCH /api/objectives/{objectiveId}/milestones/{milestoneId}");
            api.send("PATCH", "/api/pairings/P05", MENTEE, "application/json",
                    bytes("{\"agreementRoles\":\"Lukas leads\",\"cadenceDays\":21}"));
            api.send("PATCH", "/api/pairings/P05", MENTEE, "application/json", bytes("{\"cadenceDays\":400}"));
            exercised.add("PATCH /api/pairings/{pairingId}");
            api.put("/api/pairings/P05/engagements/R45", MENTEE, "{\"status\":\"completed\",\"takeaway\":\"Ask\"}");
            api.put("/api/pairings/P05/engagements/R45", MENTEE, "{\"status\":\"finished\"}");
            exercised.add("PUT /api/pairings/{pairingId}/engagements/{resourceId}");

            api.get("/api/pairings/P05/calendar.ics", MENTEE);
            api.get("/api/pairings/P01/calendar.ics", MENTEE);
            exercised.add("GET /api/pairings/{pairingId}/calendar.ics");

            assertThat(api.violations).isEmpty();
            assertThat(new TreeSet<>(exercised)).isEqualTo(documented());
        }
    }

    /** Every "METHOD /path" of openapi.json. */
    private static TreeSet<String> documented() throws Exception {
        JsonNode paths = Json.mapper().readTree(OpenApiContractTest.class.getResourceAsStream(CoachApp.OPENAPI_RESOURCE))
                .get("paths");
        TreeSet<String> operations = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        return operations;
    }
}
