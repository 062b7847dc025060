package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COHORT;
import static org.roadmapcoach.api.http.TestApi.COORDINATOR;
import static org.roadmapcoach.api.http.TestApi.MENTEE;
import static org.roadmapcoach.api.http.TestApi.MENTOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.engine.roadmap.Role;

/** Every role's work (API.md): each person's own next steps, the writes that act on them, personal dismissals. */
class RolesTest {

    private static final String AS_OF = "?asOf=2026-06-15";

    @TempDir
    Path tmp;

    private TestApi api;

    @BeforeEach
    void start() {
        api = TestApi.start(tmp).validatingAgainstOpenApi();
    }

    @AfterEach
    void stop() {
        assertThat(api.violations).isEmpty();
        api.close();
    }

    private Set<String> rules(String path, String token) {
        TestApi.Reply reply = api.get(path, token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode list = reply.json().has("suggestions") ? reply.json().get("suggestions") : reply.json().get("nextSteps");
        Set<String> rules = new TreeSet<>();
        list.forEach(f -> rules.add(f.get("ruleId").asText() + " " + f.get("subjectId").asText()));
        return rules;
    }

    private String token(String personId, Role role) {
        String token = "t-" + role.code() + "-" + personId;
        api.services.tokens().save(token, personId, role, COHORT);
        return token;
    }

    @Test
    void aMentorSeesCiOverdueUntilTheyRecordAHeldCheckIn() {
        String suggestions = "/api/pairings/P05/suggestions" + AS_OF + "&limit=100";
        assertThat(rules(suggestions, MENTOR)).contains("CI-OVERDUE P05").doesNotContain("MS-STALLED P05-O1-M2");
        assertThat(rules(suggestions, MENTEE)).doesNotContain("CI-OVERDUE P05").contains("MS-STALLED P05-O1-M2");

        TestApi.Reply held = api.post("/api/pairings/P05/checkins", MENTOR, "{\"date\":\"2026-06-15\"}");

        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(rules(suggestions, MENTOR)).doesNotContain("CI-OVERDUE P05");
    }

    @Test
    void aMentorsNextStepsSpanTheirPairingsInOrderWithPaging() {
        JsonNode all = api.get("/api/me/next-steps" + AS_OF + "&limit=1000", MENTOR).json();
        assertThat(all.get("role").asText()).isEqualTo("mentor");
        List<String> pairings = new ArrayList<>();
        all.get("nextSteps").forEach(step -> pairings.add(step.get("pairingId").asText()));
        assertThat(pairings).contains("P05");
        assertThat(all.get("total").asInt()).isEqualTo(pairings.size());
        all.get("nextSteps").forEach(step -> assertThat(step.get("audience").asText()).isIn("mentor", "pair"));

        JsonNode page = api.get("/api/me/next-steps" + AS_OF + "&limit=2&offset=1", MENTOR).json();
        assertThat(page.get("nextSteps")).hasSize(Math.min(2, pairings.size() - 1));
        assertThat(page.get("nextSteps").get(0)).isEqualTo(all.get("nextSteps").get(1));
    }

    @Test
    void aCoordinatorsNextStepsAreTheCoordinatorsFindingsAndEveryCriticalOne() {
        JsonNode check = api.post("/api/cohorts/" + COHORT + "/health-checks" + AS_OF, COORDINATOR, null).json();
        Set<String> expected = new TreeSet<>();
        check.get("pairings").forEach(p -> p.get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("critical") || f.get("audience").asText().equals("coordinator")) {
                expected.add(f.get("ruleId").asText() + " " + f.get("subjectId").asText());
            }
        }));

        Set<String> steps = rules("/api/cohorts/" + COHORT + "/next-steps" + AS_OF + "&limit=1000", COORDINATOR);

        assertThat(steps).isEqualTo(expected).contains("CI-MISSED-STREAK P05", "OBJ-OVERDUE P05-O1");
    }

    @Test
    void eachRoleReachesOnlyItsOwnLists() {
        assertThat(api.get("/api/me/next-steps", COORDINATOR).status()).isEqualTo(403);
        assertThat(api.get("/api/cohorts/" + COHORT + "/next-steps", MENTEE).status()).isEqualTo(403);
        assertThat(api.get("/api/cohorts/other/next-steps", COORDINATOR).status()).isEqualTo(404);
        assertThat(api.get("/api/me/next-steps", null).status()).isEqualTo(401);
        JsonNode me = api.get("/api/me", MENTEE).json();
        assertThat(me.get("role").asText()).isEqualTo("mentee");
        assertThat(me.get("pairings").get(0).get("pairingId").asText()).isEqualTo("P05");
        assertThat(me.get("pairings").get(0).get("partnerId").asText()).isEqualTo("M03");
        assertThat(api.get("/api/me", COORDINATOR).json().get("cohorts")).extracting(JsonNode::asText)
                .containsExactly(COHORT);
    }

    @Test
    void aDismissalIsHiddenForTheDismisserAloneCanBeListedAndUndone() {
        String suggestions = "/api/pairings/P05/suggestions" + AS_OF + "&limit=100";
        assertThat(rules(suggestions, MENTOR)).contains("MS-OVERDUE P05-O1-M3");

        TestApi.Reply dismissed = api.post("/api/pairings/P05/suggestions/MS-OVERDUE/P05-O1-M3/dismiss" + AS_OF,
                MENTEE, null);

        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(201);
        assertThat(rules(suggestions, MENTEE)).doesNotContain("MS-OVERDUE P05-O1-M3");
        assertThat(rules(suggestions, MENTOR)).contains("MS-OVERDUE P05-O1-M3");
        assertThat(api.get("/api/pairings/P05/dismissals", MENTEE).json().get("dismissals")).hasSize(1);
        assertThat(api.get("/api/pairings/P05/dismissals", MENTOR).json().get("dismissals")).isEmpty();

        TestApi.Reply undone = api.send("DELETE", "/api/pairings/P05/suggestions/MS-OVERDUE/P05-O1-M3/dismiss",
                MENTEE, null, null);

        assertThat(undone.status()).isEqualTo(204);
        assertThat(rules(suggestions, MENTEE)).contains("MS-OVERDUE P05-O1-M3");
        assertThat(api.send("DELETE", "/api/pairings/P05/suggestions/MS-OVERDUE/P05-O1-M3/dismiss", MENTEE, null,
                null).status()).isEqualTo(404);
    }

    @Test
    void aCriticalFindingIsResolvedNotDismissed() {
        TestApi.Reply refused = api.post("/api/pairings/P05/suggestions/OBJ-OVERDUE/P05-O1/dismiss" + AS_OF, MENTEE,
                null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("critical");
        assertThat(api.post("/api/pairings/P05/suggestions/CI-OVERDUE/P05/dismiss" + AS_OF, MENTEE, null).status())
                .as("not the mentee's next step").isEqualTo(404);
    }

    @Test
    void achievingAnObjectiveResolvesObjOverdue() {
        TestApi.Reply changed = api.send("PATCH", "/api/objectives/P05-O1", MENTEE, "application/json",
                "{\"status\":\"achieved\",\"lastReviewed\":\"2026-06-15\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("status").asText()).isEqualTo("achieved");
        assertThat(changed.json().get("title").asText()).as("what the body did not name stays").startsWith("Run the");
        assertThat(rules("/api/pairings/P05/suggestions" + AS_OF + "&limit=100", MENTEE))
                .doesNotContain("OBJ-OVERDUE P05-O1");
    }

    @Test
    void fillingInTheAgreementResolvesAgIncomplete() {
        String mentee = token("E08", Role.MENTEE);
        assertThat(rules("/api/pairings/P08/suggestions" + AS_OF + "&limit=100", mentee)).contains("AG-INCOMPLETE P08");

        TestApi.Reply changed = api.send("PATCH", "/api/pairings/P08", mentee, "application/json",
                ("{\"agreementBoundaries\":\"What we discuss stays between us.\","
                        + "\"agreementSuccessMetrics\":\"Two releases led alone by September.\"}")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(rules("/api/pairings/P08/suggestions" + AS_OF + "&limit=100", mentee))
                .doesNotContain("AG-INCOMPLETE P08");
    }

    @Test
    void sharingATakeawayResolvesResShareTakeaway() {
        String mentee = token("E11", Role.MENTEE);
        assertThat(rules("/api/pairings/P11/suggestions" + AS_OF + "&limit=100", mentee))
                .contains("RES-SHARE-TAKEAWAY R20");

        TestApi.Reply engaged = api.put("/api/pairings/P11/engagements/R20", mentee,
                "{\"status\":\"completed\",\"date\":\"2026-05-26\",\"takeaway\":\"Ask before advising.\"}");

        assertThat(engaged.status()).as(engaged.body()).isEqualTo(200);
        assertThat(rules("/api/pairings/P11/suggestions" + AS_OF + "&limit=100", mentee))
                .doesNotContain("RES-SHARE-TAKEAWAY R20");
        assertThat(api.put("/api/pairings/P11/engagements/NOPE", mentee, "{\"status\":\"started\"}").status())
                .isEqualTo(404);
    }

    @Test
    void aMilestoneAddedAndRescheduledChangesTheNextSteps() {
        TestApi.Reply added = api.post("/api/objectives/P05-O1/milestones", MENTEE,
                "{\"stage\":\"mastery\",\"title\":\"Teach it back\",\"dueDate\":\"2026-09-01\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("id").asText()).startsWith("P05-O1-M");

        TestApi.Reply moved = api.send("PATCH", "/api/objectives/P05-O1/milestones/P05-O1-M3", MENTEE,
                "application/json", "{\"dueDate\":\"2026-07-20\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(rules("/api/pairings/P05/suggestions" + AS_OF + "&limit=100", MENTEE))
                .doesNotContain("MS-OVERDUE P05-O1-M3");
    }

    @Test
    void datesThatMakeNoSenseForThePairingAreRefusedNamingTheField() {
        for (String date : new String[] {"1999-01-01", "2031-01-01", "2026-01-18", "2026-12-19"}) {
            TestApi.Reply reply = api.post("/api/pairings/P05/checkins", MENTEE, "{\"date\":\"" + date + "\"}");
            assertThat(reply.status()).as(date).isEqualTo(400);
            assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("date");
            assertThat(reply.json().get("detail").asText()).contains("2026-01-19");
        }
        assertThat(api.send("PATCH", "/api/objectives/P05-O1", MENTEE, "application/json",
                "{\"dueDate\":\"2031-01-01\"}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
    }

    @Test
    void bodiesAreReadStrictly() {
        for (String body : new String[] {"{\"date\":\"2026-06-15\"} x", "{\"date\":\"2026-06-15\"}{}",
            "{\"date\":\"2026-06-15\",\"date\":\"2026-06-14\"}", "{\"date\":\"2026-06-15\",\"notes\":\"a\\u0000b\"}",
            "{\"date\":\"2026-06-15\",\"notes\":\"\\ud800\"}", "{\"date\":\"2026-06-15\",\"minutes\":"
                    + "1".repeat(31) + "}", "[]"}) {
            TestApi.Reply reply = api.post("/api/pairings/P05/checkins", MENTEE, body);
            assertThat(reply.status()).as(body).isEqualTo(400);
        }
        StringBuilder many = new StringBuilder("{\"date\":\"2026-06-15\"");
        for (int i = 0; i < 200_000; i++) {
            many.append(",\"f").append(i).append("\":1");
        }
        TestApi.Reply reply = api.post("/api/pairings/P05/checkins", MENTEE, many.append('}').toString());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().length()).as("the reply stays small").isLessThan(2_000);
        assertThat(reply.body()).contains("200000 fields").contains("f19").doesNotContain("f20,");
    }

    @Test
    void twoAuthorizationHeadersAreRefusedRatherThanOneChosen() {
        TestApi.Reply reply = api.get("/api/pairings/P05", MENTEE, "Authorization", "Bearer " + COORDINATOR);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("exactly one Authorization header").doesNotContain("Lukas");
    }

    @Test
    void nextStepsOnTheCommandLinePrintExactlyTheApisBodyForAMentorAndACoordinator() throws Exception {
        api.post("/api/pairings/P05/suggestions/AC-NO-STRETCH/P05/dismiss" + AS_OF, MENTOR, null);
        String[][] asked = {
            {"M03", "/api/me/next-steps" + AS_OF + "&limit=7&offset=1", MENTOR},
            {"C01", "/api/cohorts/" + COHORT + "/next-steps" + AS_OF + "&limit=7&offset=1", COORDINATOR}};
        for (String[] ask : asked) {
            JsonNode body = api.get(ask[1], ask[2]).json();

            java.io.StringWriter out = new java.io.StringWriter();
            int exit = org.roadmapcoach.api.cli.CoachCommand.execute(new String[] {"next-steps", "--db",
                tmp.resolve("coach.db").toString(), "--person", ask[0], "--as-of", "2026-06-15", "--limit", "7",
                "--offset", "1", "--json"}, new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));

            assertThat(exit).isZero();
            assertThat(org.roadmapcoach.app.Json.mapper().readTree(out.toString())).as(ask[0]).isEqualTo(body);
            assertThat(body.get("total").asInt()).isGreaterThan(1);
        }
    }

    @Test
    void nextStepsOnTheCommandLineSayWhomEachIsForAndHowToSeeMore() {
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = org.roadmapcoach.api.cli.CoachCommand.execute(new String[] {"next-steps", "--db",
            tmp.resolve("coach.db").toString(), "--person", "C01", "--as-of", "2026-06-15", "--limit", "2"},
                new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Next steps of coordinator C01 for cohort " + COHORT + " as of 2026-06-15")
                .contains("1. [critical]").contains("(for the ").contains("--offset 2 shows the next.");
    }
}
