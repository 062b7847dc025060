package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COHORT;
import static org.roadmapcoach.api.http.TestApi.COORDINATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.api.http.TestApi.Reply;

/**
 * {@code POST /api/cohorts/{id}/imports} with what spreadsheets really write (docs/CSV.md): file names
 * with a prefix or a copy suffix in {@code ?file=} and multipart parts, a zip from a Mac, ;-separated
 * files, a typo in a header, no file of the format; a rejection is a 422 whose detail says first that
 * nothing was written.
 */
class ImportHabitsTest {

    private static final String IMPORTS = "/api/cohorts/" + COHORT + "/imports";
    private static final String BOUNDARY = "coach-boundary";

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
    void aRejectedImportIsA422WhoseDetailSaysFirstThatNothingWasWrittenAndHasNoCounts() {
        Map<String, Long> before = api.store.counts(COHORT);

        Reply reply = csv("checkins.csv", "id,pairing_id,date\nX1,P05,2026-13-01\n");

        assertProblem(reply, 422);
        JsonNode problem = reply.json();
        assertThat(problem.get("detail").asText())
                .isEqualTo("Nothing was written: 1 error in the input. Fix them and import again.");
        assertThat(problem.has("counts")).isFalse();
        assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(api.store.counts(COHORT)).isEqualTo(before);
    }

    @Test
    void aCsvNamedWithAPrefixAndACopySuffixIsThatFile() {
        Reply reply = csv("Spring 2026 - checkins (1).csv", "id,pairing_id,date\nX1,P05,2026-06-14\n");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("counts").get("checkins.csv").asLong()).isEqualTo(1);
    }

    @Test
    void anUploadWithNoFileOfTheFormatIsA422ListingItAndTheExpectedNames() {
        Reply reply = csv("roster.csv", "id,name,role\nE99,Eve,mentee\n");

        assertProblem(reply, 422);
        assertThat(reply.json().get("detail").asText()).startsWith("Nothing was written");
        JsonNode error = reply.json().get("errors").get(0);
        assertThat(reply.json().get("errors")).hasSize(1);
        assertThat(error.get("file").isNull()).isTrue();
        assertThat(error.get("reason").asText()).startsWith("no file of this import is a file of the cohort format;"
                + " it has 'roster.csv'; expected one of people.csv, pairings.csv, objectives.csv, milestones.csv,"
                + " checkins.csv, reciprocity.csv, activities.csv, resources.csv, engagements.csv");
    }

    @Test
    void multipartPartsAreRecognisedByPrefixAndCopySuffixAndTwoThatAreOneFileAreNamedBoth() {
        Reply good = multipart(Map.of("2026_reciprocity.csv", "id,pairing_id,date,giver\nRX1,P05,2026-06-14,mentee\n",
                "activities (2).csv", "id,pairing_id,date,kind\nAX1,P05,2026-06-14,practice\n"));
        Reply twice = multipart(Map.of("activities.csv", "id,pairing_id,date,kind\nAX2,P05,2026-06-14,practice\n",
                "Northwind - Activities.CSV", "id,pairing_id,date,kind\nAX3,P05,2026-06-14,practice\n"));

        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.json().get("counts").get("reciprocity.csv").asLong()).isEqualTo(1);
        assertThat(good.json().get("counts").get("activities.csv").asLong()).isEqualTo(1);
        assertProblem(twice, 422);
        assertThat(twice.json().get("errors").get(0).get("reason").asText()).contains("given more than once")
                .contains("'activities.csv'").contains("'Northwind - Activities.CSV'");
    }

    @Test
    void aZipFromAMacImportsWithoutAWordAboutItsMetadata() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "week-24/activities.csv", "id,pairing_id,date,kind\nZ1,P05,2026-06-14,reflection\n");
            entry(zip, "__MACOSX/week-24/._activities.csv", "\u0000\u0005\u0016\u0007");
            entry(zip, "week-24/._activities.csv", "\u0000\u0005\u0016\u0007");
        }

        Reply reply = api.send("POST", IMPORTS, COORDINATOR, "application/zip", bytes.toByteArray());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("counts").get("activities.csv").asLong()).isEqualTo(1);
        assertThat(reply.json().get("warnings")).isEmpty();
    }

    @Test
    void aSemicolonSeparatedUploadImportsAndTheReportSaysHowItWasRead() {
        Reply reply = csv("checkins.csv", "Id;Pairing ID;Date;Notes\nX1;P05;2026-06-14;\"Agenda; goals\"\n");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("counts").get("checkins.csv").asLong()).isEqualTo(1);
        assertThat(reply.json().get("warnings").get(0).asText())
                .isEqualTo("checkins.csv: read as ;-separated (the header row has no comma)");
    }

    @Test
    void aTypoInAHeaderIsA422NamingTheColumnAsWrittenAndTheOneMeant() {
        Reply reply = csv("checkins.csv", "id,pairing_id,date,minuts\nX1,P05,2026-06-14,30\n");

        assertProblem(reply, 422);
        JsonNode error = reply.json().get("errors").get(0);
        assertThat(error.get("file").asText()).isEqualTo("checkins.csv");
        assertThat(error.get("line").asInt()).isEqualTo(1);
        assertThat(error.get("column").asText()).isEqualTo("minuts");
        assertThat(error.get("reason").asText()).isEqualTo("unknown column 'minuts': did you mean 'minutes'?");
    }

    private Reply csv(String name, String content) {
        return api.send("POST", IMPORTS + "?file=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                .replace("+", "%20"), COORDINATOR, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private Reply multipart(Map<String, String> files) {
        StringBuilder body = new StringBuilder();
        files.forEach((name, content) -> body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"files\"; filename=\"").append(name).append("\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n").append(content).append("\r\n"));
        body.append("--").append(BOUNDARY).append("--\r\n");
        return api.send("POST", IMPORTS, COORDINATOR, "multipart/form-data; boundary=" + BOUNDARY,
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).doesNotContain("Exception");
    }
}
