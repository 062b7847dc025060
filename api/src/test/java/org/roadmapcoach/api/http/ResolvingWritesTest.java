package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COHORT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * The README's table, row by row: on the sample as of 2026-06-15, the person whose next step it is makes
 * the write through the API, and the finding leaves their next call.
 */
class ResolvingWritesTest {

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

    private Set<String> nextSteps(String pairingId, String token) {
        TestApi.Reply reply = api.get("/api/pairings/" + pairingId + "/suggestions?asOf=2026-06-15&limit=100", token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Set<String> steps = new TreeSet<>();
        reply.json().get("suggestions").forEach(f -> steps.add(f.get("ruleId").asText() + " "
                + f.get("subjectId").asText()));
        return steps;
    }

    @ParameterizedTest(name = "{0} {1} by {3}: {5} {6}")
    // the ninth column, when given, says who sees the finding when it is not the writer
    @CsvSource(delimiter = '|', value = {
        "MS-STALLED|P05-O1-M2|P05|E05|mentee|POST|/api/objectives/P05-O1/milestones/P05-O1-M2/progress|"
                + "{\"status\":\"in_progress\",\"date\":\"2026-06-15\"}|",
        "AC-NO-REFLECTION|P05|P05|E05|mentee|POST|/api/pairings/P05/activities|"
                + "{\"date\":\"2026-06-15\",\"kind\":\"reflection\",\"title\":\"What the retro taught me\"}|",
        "SMART-TIMEBOUND|P06-O1|P06|E06|mentee|PATCH|/api/objectives/P06-O1|{\"dueDate\":\"2026-11-30\"}|",
        "OBJ-EVIDENCE|P06-O1|P06|E06|mentee|PATCH|/api/objectives/P06-O1|"
                + "{\"evidencePlan\":\"Two demos reviewed by the team lead\"}|",
        "CI-ONE-WAY-FEEDBACK|P07|P07|E07|mentee|POST|/api/pairings/P07/checkins|"
                + "{\"date\":\"2026-06-15\",\"feedbackToMentor\":\"Your examples helped most\"}|",
        "CI-NO-KICKOFF|P08|P08|M06|mentor|POST|/api/pairings/P08/checkins|{\"date\":\"2026-06-15\",\"type\":\"kickoff\"}|",
        "RC-NO-PLAN|P08|P08|E08|mentee|PATCH|/api/pairings/P08|{\"reciprocityPlan\":\"A monthly brief on our releases\"}|",
        "OBJ-REVISIT|P10-O1|P10|E10|mentee|PATCH|/api/objectives/P10-O1|{\"lastReviewed\":\"2026-06-15\"}|",
        "MS-NO-REFLECTION|P10-O1-M3|P10|E10|mentee|POST|/api/objectives/P10-O1/milestones/P10-O1-M3/progress|"
                + "{\"status\":\"done\",\"date\":\"2026-06-15\",\"reflection\":\"Scope smaller, ask earlier\"}|",
        "GR-CELEBRATE|P01-O2-M4|P01|E01|mentee|POST|/api/pairings/P01/suggestions/GR-CELEBRATE/P01-O2-M4/dismiss"
                + "?asOf=2026-06-15||",
        "GR-PAY-FORWARD|P01|P01|E01|mentee|POST|/api/pairings/P01/suggestions/GR-PAY-FORWARD/P01/dismiss"
                + "?asOf=2026-06-15||",
        "MS-NO-REVIEW|P10-O1-M1|P10|E10|mentee|POST|/api/pairings/P10/checkins|{\"date\":\"2026-06-15\",\"type\":\"review\"}|",
        "AC-NO-STRETCH|P11|P11|M04|mentor|POST|/api/pairings/P11/activities|"
                + "{\"date\":\"2026-06-15\",\"kind\":\"assignment\",\"title\":\"Led the release review\"}|",
        "SMART-ATTAINABLE|P09-O2|P09|E09|mentee|PATCH|/api/objectives/P09-O2|{\"dueDate\":\"2026-09-20\"}|",
        "OBJ-NO-SOFT-SKILL|P09|P09|E09|mentee|PATCH|/api/objectives/P09-O1|{\"skillType\":\"soft\"}|",
        "OBJ-OVERLOAD|P09|P09|E09|mentee|PATCH|/api/objectives/P09-O6|{\"status\":\"dropped\"}|",
        "SMART-SPECIFIC|P06-O1|P06|E06|mentee|PATCH|/api/objectives/P06-O1|"
                + "{\"title\":\"Present two design proposals to the team by September\"}|",
        "SMART-MEASURABLE|P06-O1|P06|E06|mentee|PATCH|/api/objectives/P06-O1|{\"target\":6,\"unit\":\"meetings\"}|",
        "SMART-RELEVANT|P06-O1|P06|E06|mentee|PATCH|/api/objectives/P06-O1|{\"competency\":\"Technical Writing\"}|",
        "CI-MISSED-STREAK|P05|P05|E05|mentee|POST|/api/pairings/P05/checkins|{\"date\":\"2026-06-15\"}|coordinator",
        "RC-UNBALANCED|P07|P07|E07|mentee|POST|/api/pairings/P07/reciprocity|"
                + "{\"date\":\"2026-06-15\",\"giver\":\"mentee\",\"hours\":2,\"description\":\"Ran a demo for the team\"}|",
        "MS-STAGE-ORDER|P10-O1-M3|P10|E10|mentee|POST|/api/objectives/P10-O1/milestones/P10-O1-M2/progress|"
                + "{\"status\":\"done\",\"date\":\"2026-06-15\",\"reflection\":\"Five interviews were enough\"}|",
        "RES-RECOMMEND|R44|P05|E05|mentee|PUT|/api/pairings/P05/engagements/R44|"
                + "{\"status\":\"started\",\"date\":\"2026-06-15\"}|"})
    void theWriteOfTheReadmesTableResolvesTheNextStep(String ruleId, String subjectId, String pairingId,
                                                       String personId, String role, String method, String path,
                                                       String body, String viewer) {
        String token = "t-resolve-" + personId;
        api.services.tokens().save(token, personId, role.equals("mentor") ? Role.MENTOR : Role.MENTEE, COHORT);
        // the coordinator's next step (CI-MISSED-STREAK) is seen by the coordinator, resolved by the pair
        String seer = "coordinator".equals(viewer) ? TestApi.COORDINATOR : token;
        assertThat(nextSteps(pairingId, seer)).contains(ruleId + " " + subjectId);

        TestApi.Reply written = api.send(method, path, token, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));

        assertThat(written.status()).as(written.body()).isBetween(200, 201);
        assertThat(nextSteps(pairingId, seer)).doesNotContain(ruleId + " " + subjectId);
    }

    @Test
    void milestonesAddedForTheMissingStagesResolveMsStagesMissing() {
        String token = "t-resolve-E09";
        api.services.tokens().save(token, "E09", Role.MENTEE, COHORT);
        assertThat(nextSteps("P09", token)).contains("MS-STAGES-MISSING P09-O3");

        for (String stage : new String[] {"discovery", "feedback"}) {
            TestApi.Reply added = api.post("/api/objectives/P09-O3/milestones", token, "{\"stage\":\"" + stage
                    + "\",\"title\":\"The " + stage + " step of the dashboard\",\"dueDate\":\"2026-07-31\"}");
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }

        assertThat(nextSteps("P09", token)).doesNotContain("MS-STAGES-MISSING P09-O3");
    }
}
