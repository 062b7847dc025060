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
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roadmapcoach.api.http.TestApi.Reply;

/** Each endpoint's success path and its documented errors, against the real server. */
class EndpointsTest {

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

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.has("type")).isTrue();
    }

    @Test
    void healthSaysTheDatabaseAnswersWithoutAToken() {
        Reply reply = api.get("/health", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("database").asText()).isEqualTo("ok");
        assertThat(reply.json().get("today").asText()).isEqualTo("2026-06-15");
        assertThat(reply.json().get("todaySource").asText()).isEqualTo("the real date");
    }

    @Test
    void aTodayPinnedInTheDatabaseIsTheDefaultAsOfAndHealthSaysSo() {
        api.store.pinToday(java.time.LocalDate.parse("2026-07-01"));

        Reply health = api.get("/health", null);
        Reply suggestions = api.get("/api/pairings/P05/suggestions", MENTEE);

        assertThat(health.json().get("today").asText()).isEqualTo("2026-07-01");
        assertThat(health.json().get("todaySource").asText()).isEqualTo("pinned in the database");
        assertThat(suggestions.json().get("asOf").asText()).isEqualTo("2026-07-01");
    }

    @Test
    void openApiDescribesEveryEndpointWithoutAToken() {
        JsonNode doc = api.get("/openapi.json", null).json();

        assertThat(doc.get("openapi").asText()).startsWith("3.0");
        assertThat(doc.get("paths").size()).isEqualTo(33);
    }

    @Test
    void everyApiEndpointWantsAKnownToken() {
        assertProblem(api.get("/api/pairings/P05", null), 401);
        assertProblem(api.get("/api/pairings/P05", "not-a-token"), 401);
        assertThat(api.send("GET", "/api/pairings/P05", null, null, null, "Authorization", "Basic abc").status())
                .isEqualTo(401);
    }

    @Test
    void anUnknownEndpointIsANotFoundProblem() {
        assertProblem(api.get("/api/nothing-here", COORDINATOR), 404);
    }

    @Test
    void aCoordinatorCreatesACohortOnceAndReadsItWithItsCounts() {
        Reply created = api.post("/api/cohorts", PROGRAM_COORDINATOR,
                "{\"id\":\"autumn-2026\",\"name\":\"Autumn 2026\",\"startDate\":\"2026-09-01\",\"endDate\":\"2027-03-01\"}");
        Reply again = api.post("/api/cohorts", PROGRAM_COORDINATOR, "{\"id\":\"autumn-2026\",\"name\":\"Again\"}");
        Reply sample = api.get("/api/cohorts/" + COHORT, COORDINATOR);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("startDate").asText()).isEqualTo("2026-09-01");
        assertThat(created.json().get("counts").get("people.csv").asLong()).isZero();
        assertProblem(again, 409);
        assertThat(sample.json().get("counts").get("pairings.csv").asLong()).isEqualTo(14);
    }

    @Test
    void creatingACohortNamesEachBadField() {
        Reply reply = api.post("/api/cohorts", PROGRAM_COORDINATOR,
                "{\"name\":\"x\",\"startDate\":\"2026-02-30\",\"colour\":\"red\"}");

        assertProblem(reply, 400);
        assertThat(reply.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("colour", "id",
                "startDate");
    }

    @Test
    void anUnknownCohortIsNotFound() {
        assertProblem(api.get("/api/cohorts/nope", PROGRAM_COORDINATOR), 404);
    }

    @Test
    void importingOneCsvFileWritesItAndReportsTheRows() {
        Reply reply = api.send("POST", "/api/cohorts/" + COHORT + "/imports?file=checkins.csv", COORDINATOR, "text/csv",
                "id,pairing_id,date\nX1,P05,2026-06-14\n".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("counts").get("checkins.csv").asLong()).isEqualTo(1);
        assertThat(api.get("/api/pairings/P05", MENTEE).json().get("recentCheckIns").get(0).get("id").asText())
                .isEqualTo("X1");
    }

    @Test
    void aRejectedImportListsEveryErrorAndWritesNothing() {
        Reply reply = api.send("POST", "/api/cohorts/" + COHORT + "/imports?file=checkins.csv", COORDINATOR, "text/csv",
                "id,pairing_id,date,status\nX1,P05,2026-13-01,held\nX2,P99,2026-06-01,held\nX3,P05,2026-06-01,late\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertProblem(reply, 422);
        JsonNode errors = reply.json().get("errors");
        assertThat(errors).hasSize(3);
        assertThat(reply.json().get("errorCount").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("file").asText()).isEqualTo("checkins.csv");
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(errors.get(0).get("column").asText()).isEqualTo("date");
        assertThat(errors.get(0).get("value").asText()).isEqualTo("2026-13-01");
        assertThat(errors.findValuesAsText("reason")).anyMatch(r -> r.contains("no pairing 'P99'"))
                .anyMatch(r -> r.contains("held, missed, cancelled"));
        assertThat(api.store.counts(COHORT)).containsEntry("checkins.csv", 92L);
    }

    @Test
    void aZipUploadIsImportedAndABrokenOneIsRejectedWithoutATemporaryPath() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("week-24/activities.csv"));
            zip.write("id,pairing_id,date,kind\nZ1,P05,2026-06-14,reflection\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        Reply good = api.send("POST", "/api/cohorts/" + COHORT + "/imports", COORDINATOR, "application/zip",
                bytes.toByteArray());
        Reply broken = api.send("POST", "/api/cohorts/" + COHORT + "/imports", COORDINATOR, "application/zip",
                "not a zip".getBytes(StandardCharsets.UTF_8));

        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.json().get("counts").get("activities.csv").asLong()).isEqualTo(1);
        assertProblem(broken, 422);
        assertThat(broken.body()).doesNotContain(System.getProperty("java.io.tmpdir")).doesNotContain("coach-upload");
    }

    @Test
    void aMultipartUploadImportsEachFileByItsName() {
        String boundary = "coach-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"files\"; filename=\"reciprocity.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "id,pairing_id,date,giver,hours\nRX1,P05,2026-06-14,mentee,2\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"files\"; filename=\"activities.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "id,pairing_id,date,kind\nAX1,P05,2026-06-14,practice\n\r\n"
                + "--" + boundary + "--\r\n";

        Reply reply = api.send("POST", "/api/cohorts/" + COHORT + "/imports", COORDINATOR,
                "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("counts").get("reciprocity.csv").asLong()).isEqualTo(1);
        assertThat(reply.json().get("counts").get("activities.csv").asLong()).isEqualTo(1);
    }

    @Test
    void aCsvImportWithoutItsFileNameNamesTheParameter() {
        Reply reply = api.send("POST", "/api/cohorts/" + COHORT + "/imports", COORDINATOR, "text/csv",
                "id\n".getBytes(StandardCharsets.UTF_8));

        assertProblem(reply, 400);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
    }

    @Test
    void aHealthCheckRunIsStoredAndTheLatestComesAsJsonOrCsv() {
        Reply run = api.post("/api/cohorts/" + COHORT + "/health-checks?asOf=2026-06-15", COORDINATOR, null);
        Reply json = api.get("/api/cohorts/" + COHORT + "/health-checks/latest", COORDINATOR);
        Reply csv = api.get("/api/cohorts/" + COHORT + "/health-checks/latest", COORDINATOR, "Accept", "text/csv");

        assertThat(run.status()).isEqualTo(201);
        assertThat(run.json().get("runId").asLong()).isEqualTo(1);
        assertThat(run.json().get("summary").get("pairings").asInt()).isEqualTo(12);
        assertThat(json.json().get("runId").asLong()).isEqualTo(1);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("cohort_id,as_of,pairing_id");
    }

    @Test
    void theLatestHealthCheckOfACohortWithoutOneIsNotFound() {
        assertProblem(api.get("/api/cohorts/" + COHORT + "/health-checks/latest", COORDINATOR), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-31", "%2B12026-06-15", "2026-6-15", "20260615"})
    void aBadAsOfDateNamesTheParameterAndStoresNoRun(String asOf) {
        Reply reply = api.post("/api/cohorts/" + COHORT + "/health-checks?asOf=" + asOf, COORDINATOR, null);
        Reply suggestions = api.get("/api/pairings/P05/suggestions?asOf=" + asOf, MENTEE);

        for (Reply bad : List.of(reply, suggestions)) {
            assertProblem(bad, 400);
            JsonNode error = bad.json().get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo("asOf");
            assertThat(error.get("reason").asText()).isEqualTo("expected a date as yyyy-MM-dd");
        }
        assertProblem(api.get("/api/cohorts/" + COHORT + "/health-checks/latest", COORDINATOR), 404);
    }

    @Test
    void thePolicyIsReadAndReplacedWhole() {
        Reply before = api.get("/api/cohorts/" + COHORT + "/policy", COORDINATOR);
        Reply changed = api.put("/api/cohorts/" + COHORT + "/policy", COORDINATOR,
                "{\"checkins.overdueFactor\": 2, \"milestones.stalledDays\": \"28\"}");

        assertThat(before.json().get("checkins.overdueFactor").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("checkins.overdueFactor").decimalValue()).isEqualByComparingTo("2");
        assertThat(changed.json().get("milestones.stalledDays").intValue()).isEqualTo(28);
        assertThat(changed.json().get("objectives.maxActive").intValue()).isEqualTo(5);
    }

    @Test
    void aBadPolicyNamesEachKeyAndChangesNothing() {
        Reply reply = api.put("/api/cohorts/" + COHORT + "/policy", COORDINATOR,
                "{\"checkins.cadence\": 3, \"milestones.stalledDays\": 0, \"objectives.maxActive\": 4}");

        assertProblem(reply, 400);
        assertThat(reply.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("checkins.cadence",
                "milestones.stalledDays");
        assertThat(reply.json().get("errors").get(0).get("reason").asText()).contains("milestones.stalledDays");
        assertThat(api.get("/api/cohorts/" + COHORT + "/policy", COORDINATOR).json().get("objectives.maxActive")
                .intValue()).isEqualTo(5);
    }

    @Test
    void theRoadmapShowsObjectivesWithMilestonesAndTheLatestCheckInsFirst() {
        JsonNode roadmap = api.get("/api/pairings/P05", MENTOR).json();

        assertThat(roadmap.get("pairing").get("menteeId").asText()).isEqualTo("E05");
        assertThat(roadmap.get("mentee").get("name").asText()).isEqualTo("Lukas Becker");
        assertThat(roadmap.get("objectives").get(0).get("id").asText()).isEqualTo("P05-O1");
        assertThat(roadmap.get("objectives").get(0).get("milestones").get(0).get("stage").asText())
                .isEqualTo("discovery");
        JsonNode checkIns = roadmap.get("recentCheckIns");
        assertThat(checkIns.size()).isLessThanOrEqualTo(10);
        assertThat(checkIns.get(0).get("date").asText()).isGreaterThan(checkIns.get(1).get("date").asText());
        assertThat(roadmap.get("reciprocity").size()).isPositive();
    }

    @Test
    void aCheckInIsStoredWithAGeneratedIdAndDefaults() {
        Reply reply = api.post("/api/pairings/P05/checkins", MENTEE,
                "{\"date\":\"2026-06-15\",\"type\":\"Review\",\"minutes\":45,\"feedbackToMentor\":\"More examples\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode stored = reply.json();
        assertThat(stored.get("id").asText()).isEqualTo("P05-C10");
        assertThat(stored.get("pairingId").asText()).isEqualTo("P05");
        assertThat(stored.get("type").asText()).isEqualTo("review");
        assertThat(stored.get("status").asText()).isEqualTo("held");
        assertThat(stored.get("minutes").asInt()).isEqualTo(45);
    }

    @Test
    void aCheckInBodyIsCheckedLikeTheCsvAndEachBadFieldIsNamed() {
        Reply missing = api.post("/api/pairings/P05/checkins", MENTEE, "{\"minutes\":30}");
        Reply bad = api.post("/api/pairings/P05/checkins", MENTEE,
                "{\"date\":\"15/06/2026\",\"status\":\"late\",\"minutes\":-5}");
        Reply malformed = api.post("/api/pairings/P05/checkins", MENTEE, "{\"date\": ");
        Reply notAnObject = api.post("/api/pairings/P05/checkins", MENTEE, "[1]");

        assertProblem(missing, 400);
        assertThat(missing.json().get("detail").asText()).contains("date").contains("required");
        assertProblem(bad, 400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactly("date", "status", "minutes");
        assertThat(bad.json().get("errors").get(1).get("reason").asText()).contains("held, missed, cancelled");
        assertProblem(malformed, 400);
        assertThat(malformed.json().get("detail").asText()).contains("body").contains("not valid JSON");
        assertProblem(notAnObject, 400);
    }

    @Test
    void aGivenIdAlreadyUsedInTheOwnPairingIsAConflict() {
        Reply reply = api.post("/api/pairings/P05/checkins", MENTEE, "{\"id\":\"P05-C01\",\"date\":\"2026-06-15\"}");

        assertProblem(reply, 409);
        assertThat(api.store.roadmap(COHORT, "P05").orElseThrow().checkIns()).filteredOn(c -> c.id().equals("P05-C01"))
                .singleElement().satisfies(c -> assertThat(c.date()).hasToString("2026-01-23"));
    }

    @Test
    void reciprocityAndActivitiesAreStoredAndCheckedLikeTheCsv() {
        Reply entry = api.post("/api/pairings/P05/reciprocity", MENTEE,
                "{\"date\":\"2026-06-12\",\"giver\":\"mentee\",\"kind\":\"brief\",\"hours\":1.5,\"description\":\"Incident learnings\"}");
        Reply activity = api.post("/api/pairings/P05/activities", MENTOR,
                "{\"id\":\"P05-ANEW\",\"date\":\"2026-06-12\",\"kind\":\"reflection\",\"title\":\"Looked back\"}");
        Reply noGiver = api.post("/api/pairings/P05/reciprocity", MENTEE, "{\"date\":\"2026-06-12\",\"hours\":\"two\"}");
        Reply badKind = api.post("/api/pairings/P05/activities", MENTEE, "{\"date\":\"2026-06-12\",\"kind\":\"nap\"}");

        assertThat(entry.status()).as(entry.body()).isEqualTo(201);
        assertThat(entry.json().get("hours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(entry.json().get("kind").asText()).isEqualTo("brief");
        assertThat(activity.status()).isEqualTo(201);
        assertThat(activity.json().get("id").asText()).isEqualTo("P05-ANEW");
        assertProblem(noGiver, 400);
        assertThat(noGiver.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("giver", "hours");
        assertProblem(badKind, 400);
        assertThat(badKind.json().get("detail").asText()).contains("kind").contains("practice, assignment");
    }

    @Test
    void movingAMilestoneToDoneSetsLastProgressAndCompletedOn() {
        Reply reply = api.post("/api/objectives/P05-O1/milestones/P05-O1-M2/progress", MENTEE,
                "{\"status\":\"done\",\"date\":\"2026-06-14\",\"reflection\":\"Ran all four sprints\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode milestone = reply.json();
        assertThat(milestone.get("status").asText()).isEqualTo("done");
        assertThat(milestone.get("lastProgress").asText()).isEqualTo("2026-06-14");
        assertThat(milestone.get("completedOn").asText()).isEqualTo("2026-06-14");
        assertThat(milestone.get("reflection").asText()).isEqualTo("Ran all four sprints");
        assertThat(milestone.get("stage").asText()).isEqualTo("practice");
    }

    @Test
    void milestoneProgressIsCheckedAndItsReferencesMustExist() {
        Reply bad = api.post("/api/objectives/P05-O1/milestones/P05-O1-M2/progress", MENTEE,
                "{\"status\":\"finished\"}");
        Reply completedTooEarly = api.post("/api/objectives/P05-O1/milestones/P05-O1-M2/progress", MENTEE,
                "{\"status\":\"in_progress\",\"date\":\"2026-06-14\",\"completedOn\":\"2026-06-14\"}");
        Reply noObjective = api.post("/api/objectives/P05-O9/milestones/P05-O1-M2/progress", MENTEE,
                "{\"status\":\"done\",\"date\":\"2026-06-14\"}");
        Reply wrongObjective = api.post("/api/objectives/P05-O2/milestones/P05-O1-M2/progress", MENTEE,
                "{\"status\":\"done\",\"date\":\"2026-06-14\"}");

        assertProblem(bad, 400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactly("status", "date");
        assertThat(bad.json().get("errors").get(0).get("reason").asText())
                .contains("planned, in_progress, done, dropped");
        assertProblem(completedTooEarly, 400);
        assertProblem(noObjective, 404);
        assertProblem(wrongObjective, 404);
    }

    @Test
    void writesToAnUnknownPairingAreNotFound() {
        assertProblem(api.post("/api/pairings/P99/checkins", MENTEE, "{\"date\":\"2026-06-15\"}"), 404);
        assertProblem(api.get("/api/pairings/P99", COORDINATOR), 404);
    }

    @Test
    void suggestionsAreLimitedAndForTheMenteeOrThePair() {
        JsonNode reply = api.get("/api/pairings/P05/suggestions?asOf=2026-06-15&limit=3", MENTEE).json();

        assertThat(reply.get("active").asBoolean()).isTrue();
        assertThat(reply.get("suggestions")).hasSize(3);
        assertThat(reply.get("suggestions").findValuesAsText("audience")).allMatch(a -> a.equals("mentee")
                || a.equals("pair"));
        assertThat(reply.get("suggestions").get(0).get("severity").asText()).isEqualTo("critical");
    }

    @Test
    void suggestionsOfAPairingThatIsNotActiveAreEmpty() {
        JsonNode reply = api.get("/api/pairings/P13/suggestions?asOf=2026-06-15", COORDINATOR).json();

        assertThat(reply.get("active").asBoolean()).isFalse();
        assertThat(reply.get("suggestions")).isEmpty();
    }

    @Test
    void aBadLimitNamesTheParameter() {
        Reply reply = api.get("/api/pairings/P05/suggestions?limit=0", MENTEE);

        assertProblem(reply, 400);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
    }

    @Test
    void recommendationsComeWithTheResourceAndTheReason() {
        JsonNode reply = api.get("/api/pairings/P05/recommendations?asOf=2026-06-15", MENTEE).json();

        JsonNode first = reply.get("recommendations").get(0);
        assertThat(reply.get("recommendations").size()).isPositive();
        assertThat(first.get("objectiveId").asText()).isEqualTo("P05-O1");
        assertThat(first.get("title").asText()).isNotBlank();
        assertThat(first.get("message").asText()).contains("try");
        assertThat(first.get("rank").asInt()).isEqualTo(1);
    }

    @Test
    void dismissingASuggestionThatIsNotThereIsNotFound() {
        assertProblem(api.post("/api/pairings/P05/suggestions/MS-STALLED/P05-O9-M9/dismiss?asOf=2026-06-15", MENTEE,
                null), 404);
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        try (TestApi small = TestApi.start(tmp.resolve("small"), new AppConfig(1024))) {
            Reply reply = small.post("/api/pairings/P05/checkins", MENTEE,
                    "{\"date\":\"2026-06-15\",\"notes\":\"" + "x".repeat(4096) + "\"}");

            assertProblem(reply, 413);
        }
    }
}
