package org.roadmapcoach.web.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.StoreKind;

/** The coordinator's pages without a browser: statuses, access, CSRF, the board, import and policy. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class CohortRoutesTest {

    @Parameter
    StoreKind kind;

    private static final String PAGE = "/cohorts/" + CohortWeb.COHORT;

    @TempDir
    Path tmp;

    private CohortWeb server;

    @BeforeEach
    void start() {
        server = CohortWeb.start(kind, tmp);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Runs a check from the page's button and follows its progress page until it sends the browser back. */
    private void runCheck() {
        HttpResponse<String> page = server.get(PAGE);
        HttpResponse<String> ran = server.post(PAGE + "/checks", CohortWeb.withCsrf(page.body(), Map.of()));
        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(303);
        String progress = ran.headers().firstValue("Location").orElseThrow();
        assertThat(progress).startsWith(PAGE + "/checks/");
        HttpResponse<String> polled = server.get(progress);
        for (int i = 0; i < 300 && polled.statusCode() == 200; i++) {
            assertThat(polled.body()).containsAnyOf("Pairings checked", "waits for another check");
            assertThat(polled.headers().firstValue("Refresh")).contains("2");
            sleep(100);
            polled = server.get(progress);
        }
        assertThat(polled.statusCode()).as(polled.body()).isEqualTo(303);
        assertThat(polled.headers().firstValue("Location")).contains(PAGE + "?done=check");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aCheckShowsItsProgressBarWhileItRunsAndAnotherCohortsJobIsThe404Page() {
        server.signInAs("C01", CohortWeb.COHORT);
        HttpResponse<String> ran = server.post(PAGE + "/checks", CohortWeb.withCsrf(server.get(PAGE).body(), Map.of()));
        String progress = ran.headers().firstValue("Location").orElseThrow();
        String job = progress.substring(progress.lastIndexOf('/') + 1);

        assertThat(server.get("/cohorts/" + CohortWeb.OTHER + "/checks/" + job).statusCode())
                .as("a coordinator of spring-2026 alone").isEqualTo(404);
        assertThat(server.get(PAGE + "/checks/no-such-job").statusCode()).isEqualTo(404);
        HttpResponse<String> shown = server.get(progress);
        if (shown.statusCode() == 200) {
            assertThat(shown.body()).containsPattern("<progress id=\"check-progress\" max=\"\\d+\" value=\"\\d+\"|waits for another");
        } else {
            assertThat(shown.headers().firstValue("Location")).contains(PAGE + "?done=check");
        }
    }

    @Test
    void withoutACheckThePageSaysToRunOneAndRunningOneFillsTilesTableAndRules() {
        server.signInAs("C01", CohortWeb.COHORT);
        HttpResponse<String> before = server.get(PAGE);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("No health check is stored yet").contains("Run a health check as of 2026-06-15")
                .doesNotContain("<table class=\"pairings\">");

        runCheck();

        String page = server.get(PAGE + "?done=check").body();
        assertThat(page).contains("The health check is stored").contains("Pairings by health")
                .contains("<svg class=\"trend\"").contains("Findings by rule").contains("<table class=\"pairings\">")
                .contains("no earlier run");
        assertThat(page).as("the coordinator's links and feeds, as on /me").contains("My sign-in links and calendar feeds")
                .contains("action=\"/me/links\"").contains("action=\"/me/feeds\"");
        // worst first: the first row is red, and the table names the people
        String table = page.substring(page.indexOf("<table class=\"pairings\">"));
        assertThat(table.indexOf("badge red")).isPositive().isLessThan(firstOr(table, "badge amber"))
                .isLessThan(firstOr(table, "badge green"));
        assertThat(table).contains("Aisha");
    }

    @Test
    void aSecondCheckShowsTheChangeOfEachTileAndWhatIsNew() {
        server.signInAs("C01", CohortWeb.COHORT);
        runCheck();
        runCheck();
        String page = server.get(PAGE).body();
        assertThat(page).contains("no change").contains("compared with the one as of 2026-06-15");
        assertThat(page).as("nothing is new in the same check twice").doesNotContain(" new</strong>");
        assertThat(server.get(PAGE + "?new=on").body()).contains("No pairing matches these filters");
    }

    @Test
    void theFiltersAndPagesAreAppliedOnTheServer() {
        server.signInAs("C01", CohortWeb.COHORT);
        runCheck();
        String green = server.get(PAGE + "?health=green").body();
        String greenTable = tableOf(green);
        assertThat(greenTable).doesNotContain("badge red").doesNotContain("badge amber");

        String byName = tableOf(server.get(PAGE + "?q=aisha").body());
        assertThat(byName).contains("P01").doesNotContain(">P02<");
        String byId = tableOf(server.get(PAGE + "?q=M04").body());
        assertThat(byId).contains(">P02<").doesNotContain(">P01<");

        Matcher rule = rulesCounted();
        assertThat(rule.find()).as("findings by rule link to the filtered table").isTrue();
        String filtered = server.get(PAGE + "?rule=" + rule.group(1)).body();
        assertThat(filtered).contains("match;").contains("<option value=\"" + rule.group(1) + "\" selected>");

        assertThat(server.get(PAGE + "?page=999").body()).contains("No pairing matches");
        HttpResponse<String> bad = server.get(PAGE + "?page=zero");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("expected a page number");
    }

    @Test
    void htmxGetsTheTableAloneAndABrowserWithoutItTheWholePage() {
        server.signInAs("C01", CohortWeb.COHORT);
        runCheck();
        String partial = server.get(PAGE + "?health=red", Map.of("HX-Request", "true", "HX-Target", "pairings")).body();
        assertThat(partial.strip()).startsWith("<div id=\"pairings\">").doesNotContain("<html");
        assertThat(server.get(PAGE + "?health=red").body()).contains("<html").contains("<div id=\"pairings\">");
    }

    @Test
    void aMenteeAnotherCohortsCoordinatorAndNobodySignedInCannotSeeTheCohort() {
        assertThat(server.get(PAGE).statusCode()).as("signed out: to sign in").isEqualTo(303);

        server.signInAs("E05", CohortWeb.COHORT);
        HttpResponse<String> mentee = server.get(PAGE);
        assertThat(mentee.statusCode()).isEqualTo(404);
        assertThat(server.get(PAGE + "/import").statusCode()).isEqualTo(404);
        assertThat(server.get(PAGE + "/policy").statusCode()).isEqualTo(404);

        server.signInAs("C01", CohortWeb.OTHER);
        HttpResponse<String> other = server.get(PAGE);
        assertThat(other.statusCode()).isEqualTo(404);
        HttpResponse<String> missing = server.get("/cohorts/no-such-cohort");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(mainOf(other.body())).isEqualTo(mainOf(missing.body())).isEqualTo(mainOf(mentee.body()));
        assertThat(server.get("/cohorts/" + CohortWeb.OTHER).statusCode()).isEqualTo(200);
    }

    @Test
    void aFormSentWhileTheStoreIsBusyGetsTheBusyPageAndWritesNothing() throws Exception {
        server.close();
        // on a SQLite file whatever the kind: the turn writers take is this process's (Database), the same on both
        server = CohortWeb.start(tmp.resolve("busy"), 200);
        server.signInAs("C01", CohortWeb.COHORT);
        String form = server.get(PAGE + "/policy").body();
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var longWrite = java.util.concurrent.CompletableFuture.runAsync(() -> server.store.inTransaction(c -> {
            holding.countDown();
            try {
                return release.await(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        try {
            assertThat(holding.await(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
            HttpResponse<String> busy = server.post(PAGE + "/policy", CohortWeb.withCsrf(form,
                    Map.of("smart.minTitleWords", "5")));
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).contains("5");
            assertThat(busy.body()).contains("Busy for a moment").contains("nothing was written");
        } finally {
            release.countDown();
            longWrite.get(1, java.util.concurrent.TimeUnit.MINUTES);
        }
        assertThat(server.store.policy(CohortWeb.COHORT).values().toString()).contains("SMART_MIN_TITLE_WORDS=4,");
    }

    @Test
    void everyFormOfTheCohortIsRefusedWithoutItsCsrfToken() {
        server.signInAs("C01", CohortWeb.COHORT);
        assertThat(server.post(PAGE + "/checks", Map.of()).statusCode()).isEqualTo(403);
        assertThat(server.post(PAGE + "/policy", Map.of("smart.minTitleWords", "5")).statusCode()).isEqualTo(403);
        assertThat(server.post(PAGE + "/import/apply", Map.of("upload", "x")).statusCode()).isEqualTo(403);
        assertThat(server.upload(PAGE + "/import", Map.of(), Map.of("pairings.csv",
                CohortWeb.sampleFile("pairings.csv"))).statusCode()).isEqualTo(403);
        assertThat(server.store.policy(CohortWeb.COHORT).values().toString()).contains("SMART_MIN_TITLE_WORDS=4,");
    }

    @Test
    void aZipWithAMistakeShowsEveryErrorByFileLineAndColumnAndTheFixedOneIsAppliedAfterItsDryRun() throws IOException {
        server.signInAs("C01", CohortWeb.COHORT);
        String form = server.get(PAGE + "/import").body();
        assertThat(form).contains("enctype=\"multipart/form-data\"").contains("<label for=\"upload-sync\">");

        String broken = new String(CohortWeb.sampleFile("pairings.csv"), StandardCharsets.UTF_8)
                .replaceFirst("P01,E01,M01,2026-01-05", "P01,E01,M01,2026-13-05");
        HttpResponse<String> rejected = server.upload(PAGE + "/import", CohortWeb.withCsrf(form, Map.of()),
                Map.of("cohort.zip", zip("pairings.csv", broken.getBytes(StandardCharsets.UTF_8))));
        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(rejected.body()).contains("The dry run found errors").contains("pairings.csv:2:start_date")
                .contains("2026-13-05").contains("yyyy-MM-dd").doesNotContain("Apply:");

        String fixed = broken.replace("2026-13-05", "2026-01-06");
        HttpResponse<String> dryRun = server.upload(PAGE + "/import", CohortWeb.withCsrf(form, Map.of()),
                Map.of("cohort.zip", zip("pairings.csv", fixed.getBytes(StandardCharsets.UTF_8))));
        assertThat(dryRun.statusCode()).isEqualTo(200);
        assertThat(dryRun.body()).contains("Dry run: what the import would do").contains("Would update");
        assertThat(server.store.cohort(CohortWeb.COHORT)).isPresent();
        Matcher key = Pattern.compile("name=\"upload\" value=\"([^\"]+)\"").matcher(dryRun.body());
        assertThat(key.find()).isTrue();

        HttpResponse<String> applied = server.post(PAGE + "/import/apply",
                CohortWeb.withCsrf(dryRun.body(), Map.of("upload", key.group(1))));
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(applied.body()).contains("The import is written").contains("Updated");

        HttpResponse<String> again = server.post(PAGE + "/import/apply",
                CohortWeb.withCsrf(dryRun.body(), Map.of("upload", key.group(1))));
        assertThat(again.statusCode()).as("kept once").isEqualTo(409);
        assertThat(again.body()).contains("Upload them again");
    }

    @Test
    void anUploadWithoutFilesOrWithAZipAndMoreIsAMistakeOfTheForm() throws IOException {
        server.signInAs("C01", CohortWeb.COHORT);
        String form = server.get(PAGE + "/import").body();
        HttpResponse<String> none = server.upload(PAGE + "/import", CohortWeb.withCsrf(form, Map.of()), Map.of());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Choose a zip or one or more CSV files");
        HttpResponse<String> two = server.upload(PAGE + "/import", CohortWeb.withCsrf(form, Map.of()), Map.of(
                "a.zip", zip("pairings.csv", CohortWeb.sampleFile("pairings.csv")),
                "people.csv", CohortWeb.sampleFile("people.csv")));
        assertThat(two.statusCode()).isEqualTo(400);
        assertThat(two.body()).contains("Send one zip alone");
    }

    @Test
    void csvFilesWithSyncReportWhatWouldBeDeleted() {
        server.signInAs("C01", CohortWeb.COHORT);
        String form = server.get(PAGE + "/import").body();
        String fewer = new String(CohortWeb.sampleFile("pairings.csv"), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("P02,")).reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
        HttpResponse<String> dryRun = server.upload(PAGE + "/import", CohortWeb.withCsrf(form, Map.of("sync", "on")),
                Map.of("pairings.csv", fewer.getBytes(StandardCharsets.UTF_8)));
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.body()).contains("Records the sync would delete").contains("pairings.csv: P02")
                .contains("Apply: import these files with a sync");
    }

    @Test
    void thePolicyPageShowsEveryKeyWithItsDefaultAndRangeAndABadValueBesideItsField() {
        server.signInAs("C01", CohortWeb.COHORT);
        String page = server.get(PAGE + "/policy").body();
        assertThat(page).contains("milestones.stalledDays").contains("MS-STALLED: days without progress")
                .contains("1 to 3650 (a whole number)").contains("checkins.overdueFactor")
                .contains("(two decimals allowed)");

        HttpResponse<String> bad = server.post(PAGE + "/policy", CohortWeb.withCsrf(page,
                Map.of("milestones.stalledDays", "0", "smart.minTitleWords", "6")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Nothing was changed").contains("id=\"policy-milestones.stalledDays-error\"")
                .contains("value=\"6\"");
        assertThat(server.get(PAGE + "/policy").body()).doesNotContain("value=\"6\"");

        HttpResponse<String> saved = server.post(PAGE + "/policy", CohortWeb.withCsrf(page,
                Map.of("milestones.stalledDays", "28")));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(server.get(saved.headers().firstValue("Location").orElseThrow()).body())
                .contains("The policy is saved").contains("value=\"28\"");
    }

    @Test
    void thePolicyPageShowsAndEditsTheMatchingAndDigestSettingsBesideTheThresholds() {
        server.signInAs("C01", CohortWeb.COHORT);
        String page = server.get(PAGE + "/policy").body();
        assertThat(page).contains("<caption>Rule thresholds</caption>").contains("<caption>Mentor matching</caption>")
                .contains("<caption>Weekly digests</caption>").contains("matching.gapPoints")
                .contains("<label for=\"policy-digest.weekday\">").contains("monday to sunday")
                .contains("<option value=\"monday\" selected>monday</option>");
        assertThat(page.indexOf("smart.minTitleWords")).isLessThan(page.indexOf("matching.gapPoints"));
        assertThat(page.indexOf("matching.gapPoints")).isLessThan(page.indexOf("digest.weekday"));

        HttpResponse<String> saved = server.post(PAGE + "/policy", CohortWeb.withCsrf(page, Map.of(
                "digest.weekday", "wednesday", "digest.enabled", "false", "matching.gapPoints", "12",
                "milestones.stalledDays", "28")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(server.store.policy(CohortWeb.COHORT).values().toString()).contains("DIGEST_WEEKDAY=3}")
                .contains("DIGEST_ENABLED=0,").contains("MATCH_GAP_POINTS=12,").contains("MS_STALLED_DAYS=28,");

        String again = server.get(PAGE + "/policy").body();
        assertThat(again).contains("<option value=\"wednesday\" selected>wednesday</option>")
                .contains("<option value=\"false\" selected>false</option>");
        HttpResponse<String> threshold = server.post(PAGE + "/policy", CohortWeb.withCsrf(again,
                Map.of("milestones.stalledDays", "30", "digest.weekday", "wednesday", "digest.enabled", "false")));
        assertThat(threshold.statusCode()).isEqualTo(303);
        assertThat(server.store.policy(CohortWeb.COHORT).values().toString()).as("the settings sent are kept")
                .contains("DIGEST_WEEKDAY=3}").contains("MS_STALLED_DAYS=30,");

        HttpResponse<String> bad = server.post(PAGE + "/policy", CohortWeb.withCsrf(again,
                Map.of("digest.weekday", "someday")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("digest.weekday must be a weekday").contains("id=\"policy-digest.weekday-error\"");
    }

    /** The page's links to the table filtered by a rule, once the check's findings are counted by rule. */
    private Matcher rulesCounted() {
        Pattern link = Pattern.compile("href=\"/cohorts/spring-2026\\?rule=([A-Z-]+)\"");
        for (int tries = 0; tries < 100; tries++) {
            String page = server.get(PAGE).body();
            if (!page.contains("being counted by rule")) {
                return link.matcher(page);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the findings were never counted by rule");
    }

    private static String tableOf(String page) {
        int at = page.indexOf("<div id=\"pairings\">");
        return page.substring(at, page.indexOf("</div>", at));
    }

    private static int firstOr(String text, String what) {
        int at = text.indexOf(what);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    private static String mainOf(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
