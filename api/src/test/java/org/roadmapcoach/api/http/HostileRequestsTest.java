package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.api.http.TestApi.COHORT;
import static org.roadmapcoach.api.http.TestApi.COORDINATOR;
import static org.roadmapcoach.api.http.TestApi.MENTEE;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roadmapcoach.api.HostileCorpus;
import org.roadmapcoach.api.http.TestApi.Reply;

/**
 * Hostile requests against the real server: cases of the data module's corpus as uploads (422 naming
 * file, line and column; nothing written), bodies over the limits (413 and 400 naming the limit or the
 * field, always problem+json), and formula text in the health check's CSV.
 */
class HostileRequestsTest {

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "binary-png                  | people.csv                  | 1 | -          | invalid UTF-8",
        "nul-in-a-cell               | people.csv                  | 2 | name       | a NUL character",
        "id-too-long                 | people.csv                  | 2 | id         | at most 200 are allowed",
        "duplicate-header-after-bom  | people.csv                  | 1 | id         | duplicate column",
        "zip-absolute-path           | upload.zip!/etc/people.csv  | 0 | -          | unsafe entry name",
        "zip-of-zero-bytes           | people.csv                  | 1 | -          | this record is longer than",
    })
    void aHostileUploadIsA422NamingWhereAndWritesNothing(String name, String file, int line, String column,
                                                         String reason) throws IOException {
        String before = HostileCorpus.dump(api.store.file());

        Reply reply = upload(HostileCorpus.rejected(name));

        assertProblem(reply, 422);
        JsonNode error = reply.json().get("errors").get(0);
        assertThat(error.get("file").asText()).isEqualTo(file);
        assertThat(error.get("line").asInt()).isEqualTo(line);
        assertThat(error.get("column").isNull() ? null : error.get("column").asText()).isEqualTo(column);
        assertThat(error.get("reason").asText()).contains(reason);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain(tmp.toString());
        assertThat(HostileCorpus.dump(api.store.file())).isEqualTo(before);
    }

    @Test
    void theHealthCheckCsvNeutralisesFormulaTextAndLeavesDatesAlone() throws IOException {
        Reply people = api.send("POST", "/api/cohorts/" + COHORT + "/imports?file=people.csv", COORDINATOR, "text/csv",
                bytes("id,name,role\n@E99,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",mentee\n"));
        Reply pairings = api.send("POST", "/api/cohorts/" + COHORT + "/imports?file=pairings.csv", COORDINATOR,
                "text/csv", bytes("id,mentee_id,mentor_id,start_date\n=P99,@E99,M01,2026-05-01\n"));
        assertThat(people.status()).as(people.body()).isEqualTo(200);
        assertThat(pairings.status()).as(pairings.body()).isEqualTo(200);

        assertThat(api.post("/api/cohorts/" + COHORT + "/health-checks?asOf=2026-06-15", COORDINATOR, null).status())
                .isEqualTo(201);
        Reply csv = api.get("/api/cohorts/" + COHORT + "/health-checks/latest", COORDINATOR, "Accept", "text/csv");

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).filteredOn(row -> row.get("pairing_id").contains("P99")).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("pairing_id")).isEqualTo("'=P99");
            assertThat(row.get("mentee_id")).isEqualTo("'@E99");
            assertThat(row.get("as_of")).isEqualTo("2026-06-15");
        });
        assertThat(rows).allSatisfy(row -> row.toMap().values().forEach(cell ->
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@")));
    }

    @Test
    void theDefaultBodyLimitIs32MiB() {
        assertThat(AppConfig.defaults().maxRequestBytes()).isEqualTo(32L * 1024 * 1024);
    }

    @Test
    void aJsonBodyOverTheLimitIsA413ProblemNamingTheLimit() {
        try (TestApi small = TestApi.start(tmp.resolve("small"), new AppConfig(1024))) {
            Reply reply = small.post("/api/pairings/P05/checkins", MENTEE,
                    "{\"date\":\"2026-06-15\",\"notes\":\"" + "x".repeat(4096) + "\"}");

            assertProblem(reply, 413);
            assertThat(reply.json().get("detail").asText()).contains("1024 bytes");
        }
    }

    @Test
    void anUploadOverTheLimitIsA413ProblemNamingTheLimitWhateverItsType() {
        try (TestApi small = TestApi.start(tmp.resolve("small"), new AppConfig(1024))) {
            String rows = "id,name,role\n" + "E99,Somebody Quite Long,mentee\n".repeat(200);
            String boundary = "coach-boundary";
            String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\";"
                    + " filename=\"people.csv\"\r\nContent-Type: text/csv\r\n\r\n" + rows + "\r\n--" + boundary + "--\r\n";

            Reply csv = small.send("POST", "/api/cohorts/" + COHORT + "/imports?file=people.csv", TestApi.COORDINATOR,
                    "text/csv", bytes(rows));
            Reply form = small.send("POST", "/api/cohorts/" + COHORT + "/imports", TestApi.COORDINATOR,
                    "multipart/form-data; boundary=" + boundary, bytes(multipart));

            assertProblem(csv, 413);
            assertThat(csv.json().get("detail").asText()).contains("1024 bytes");
            assertProblem(form, 413);
            assertThat(form.json().get("detail").asText()).contains("1024 bytes");
        }
    }

    @Test
    void aBrokenMultipartBodyIsA400NotA500() {
        Reply reply = api.send("POST", "/api/cohorts/" + COHORT + "/imports", COORDINATOR,
                "multipart/form-data; boundary=coach-boundary", bytes("--coach-boundary\r\nno headers, no end"));

        assertProblem(reply, 400);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void aTextFieldOverTheLimitIsA400NamingTheFieldAndTheLimit() {
        Reply reply = api.post("/api/pairings/P05/checkins", MENTEE,
                "{\"date\":\"2026-06-15\",\"notes\":\"" + "x".repeat(10_001) + "\"}");

        assertProblem(reply, 400);
        JsonNode error = reply.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("notes");
        assertThat(error.get("reason").asText()).isEqualTo("a text of 10001 characters; at most 10000 are allowed");
        assertThat(error.get("value").asText()).hasSizeLessThan(200);
    }

    @Test
    void anIdOverTheLimitIsA400NamingTheField() {
        Reply reply = api.post("/api/pairings/P05/activities", MENTEE,
                "{\"id\":\"" + "A".repeat(201) + "\",\"date\":\"2026-06-15\",\"kind\":\"reflection\"}");

        assertProblem(reply, 400);
        JsonNode error = reply.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("id");
        assertThat(error.get("reason").asText()).isEqualTo("an id of 201 characters; at most 200 are allowed");
    }

    @Test
    void aDateWithASignedFiveDigitYearIsA400() {
        Reply reply = api.post("/api/pairings/P05/checkins", MENTEE, "{\"date\":\"+12026-06-15\"}");

        assertProblem(reply, 400);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("date");
    }

    private Reply upload(Path input) throws IOException {
        if (input.toString().endsWith(".zip")) {
            return api.send("POST", "/api/cohorts/" + COHORT + "/imports", COORDINATOR, "application/zip",
                    Files.readAllBytes(input));
        }
        try (var files = Files.list(input)) {
            Path csv = files.findFirst().orElseThrow();
            return api.send("POST", "/api/cohorts/" + COHORT + "/imports?file=" + csv.getFileName(), COORDINATOR,
                    "text/csv", Files.readAllBytes(csv));
        }
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
