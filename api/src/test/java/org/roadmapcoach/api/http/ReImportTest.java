package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COHORT;
import static org.roadmapcoach.api.http.TestApi.COORDINATOR;
import static org.roadmapcoach.api.http.TestApi.MENTEE;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.api.HostileCorpus;
import org.roadmapcoach.api.http.TestApi.Reply;

/**
 * Issue 13's scenario through the HTTP API: the sample imported, a milestone marked done by the mentee, the
 * sample re-imported by the coordinator: the change is kept and its critical MS-OVERDUE does not come back.
 * Then {@code ?dryRun=true} and {@code ?sync=true} on the same endpoint, each reply checked against
 * openapi.json.
 */
class ReImportTest {

    private static final String IMPORTS = "/api/cohorts/" + COHORT + "/imports";
    private static final String BOUNDARY = "coach-boundary";
    private static final String M3_PROGRESS = "/api/objectives/P05-O1/milestones/P05-O1-M3/progress";
    private static final String SUGGESTIONS = "/api/pairings/P05/suggestions?asOf=2026-06-15&limit=100";
    private static final String M3_ROW = "P05-O1-M3,P05-O1,feedback,Retro with the team and Sofia on planning"
            + " quality,2026-05-20,planned,,,";

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

    @Test
    void aMilestoneMarkedDoneInTheAppStaysDoneWhenTheSampleIsImportedAgain() {
        assertThat(ruleSubjects()).contains("MS-OVERDUE P05-O1-M3");
        Reply done = api.post(M3_PROGRESS, MENTEE, "{\"status\":\"done\",\"date\":\"2026-06-14\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(201);

        Reply reimport = multipart(sample());

        assertThat(reimport.status()).as(reimport.body()).isEqualTo(200);
        JsonNode report = reimport.json();
        assertThat(report.get("dryRun").asBoolean()).isFalse();
        assertThat(report.get("replaced")).isEmpty();
        assertThat(report.get("files").get("milestones.csv").get("appChangesKept").asLong()).isPositive();
        assertThat(report.get("files").get("milestones.csv").get("updated").asLong()).isZero();
        assertThat(ruleSubjects()).doesNotContain("MS-OVERDUE P05-O1-M3");
    }

    @Test
    void aMilestoneTheSpreadsheetChangedTooIsTheSpreadsheetsAndTheReplyNamesTheAppChangeItReplaced() {
        api.post(M3_PROGRESS, MENTEE, "{\"status\":\"done\",\"date\":\"2026-06-14\"}");
        Map<String, String> files = sample();
        files.put("milestones.csv", files.get("milestones.csv").replace(M3_ROW, M3_ROW.replace(",planned,",
                ",in_progress,")));

        Reply reimport = multipart(files);

        assertThat(reimport.status()).as(reimport.body()).isEqualTo(200);
        JsonNode replaced = reimport.json().get("replaced");
        assertThat(replaced).hasSize(1);
        assertThat(replaced.get(0).get("message").asText()).isEqualTo("milestones.csv:44: P05-O1-M3 status: the"
                + " app's 'done' (2026-06-15) replaced by 'in_progress'");
        assertThat(replaced.get(0).get("appChangedOn").asText()).isEqualTo("2026-06-15");
        assertThat(reimport.json().get("replacedCount").asLong()).isEqualTo(1);
    }

    @Test
    void aDryRunRepliesWithTheWholeReportAndWritesNothing() {
        api.post(M3_PROGRESS, MENTEE, "{\"status\":\"done\",\"date\":\"2026-06-14\"}");
        String before = HostileCorpus.dump(api.store.file());
        Map<String, String> files = sample();
        files.put("milestones.csv", files.get("milestones.csv").replace(M3_ROW + "\n", ""));

        Reply reply = send(IMPORTS + "?dryRun=true&sync=true", files);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode report = reply.json();
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("sync").asBoolean()).isTrue();
        assertThat(report.get("deletedCount").asLong()).isEqualTo(1);
        assertThat(report.get("deleted").get(0).get("record").asText()).isEqualTo("P05-O1-M3");
        assertThat(HostileCorpus.dump(api.store.file())).isEqualTo(before);
    }

    @Test
    void aRejectedDryRunIsA422AndWritesNothing() {
        String before = HostileCorpus.dump(api.store.file());

        Reply reply = send(IMPORTS + "?dryRun=true", Map.of("checkins.csv", "id,pairing_id,date\nX1,P05,2026-13-01\n"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").asText()).startsWith("Nothing was written");
        assertThat(HostileCorpus.dump(api.store.file())).isEqualTo(before);
    }

    @Test
    void aSyncDeletesTheMilestoneTheSpreadsheetDroppedAndSaysSo() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("milestones.csv", sample().get("milestones.csv").replace(M3_ROW + "\n", ""));

        Reply reply = send(IMPORTS + "?sync=true", files);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("files").get("milestones.csv").get("deleted").asLong()).isEqualTo(1);
        assertThat(api.get("/api/pairings/P05", COORDINATOR).body()).doesNotContain("P05-O1-M3");
    }

    @Test
    void aFlagThatIsNeitherTrueNorFalseIsA400NamingIt() {
        Reply reply = send(IMPORTS + "?sync=yes", Map.of("checkins.csv", "id,pairing_id,date\n"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("sync").contains("expected true or false");
    }

    private List<String> ruleSubjects() {
        Reply reply = api.get(SUGGESTIONS, MENTEE);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> rules = new ArrayList<>();
        for (JsonNode step : reply.json().get("suggestions")) {
            rules.add(step.get("ruleId").asText() + " " + step.get("subjectId").asText());
        }
        return rules;
    }

    private static Map<String, String> sample() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : List.of("people.csv", "pairings.csv", "objectives.csv", "milestones.csv", "checkins.csv",
                "reciprocity.csv", "activities.csv", "resources.csv", "engagements.csv")) {
            try (InputStream in = ReImportTest.class.getResourceAsStream("/sample/" + COHORT + "/" + name)) {
                files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private Reply multipart(Map<String, String> files) {
        return send(IMPORTS, files);
    }

    private Reply send(String path, Map<String, String> files) {
        StringBuilder body = new StringBuilder();
        files.forEach((name, content) -> body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"files\"; filename=\"").append(name).append("\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n").append(content).append("\r\n"));
        body.append("--").append(BOUNDARY).append("--\r\n");
        return api.send("POST", path, COORDINATOR, "multipart/form-data; boundary=" + BOUNDARY,
                body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
