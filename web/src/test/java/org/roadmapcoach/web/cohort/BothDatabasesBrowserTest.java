package org.roadmapcoach.web.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.web.Browser;

/**
 * The same pages on a SQLite file and on a PostgreSQL database: one server on each, the same sample cohort and
 * today (2026-06-15), the same clicks in chromium; every page the coordinator, the mentee and the mentor read says
 * exactly the same on both (the board and each of its filters and a search, every pairing's findings, another
 * day's, matching, policy, an import's dry run, the next steps), before and after the mentee records a check-in
 * and the coordinator runs the check again.
 */
class BothDatabasesBrowserTest {

    @TempDir
    Path tmp;

    @Test
    void everyPageOfTheCoordinatorTheMenteeAndTheMentorReadsTheSameOnPostgresqlAsOnSqlite() throws IOException {
        Map<String, String> sqlite;
        Map<String, String> postgres;
        try (CohortWeb server = CohortWeb.start(StoreKind.SQLITE, tmp.resolve("sqlite"))) {
            sqlite = walk(server);
        }
        try (CohortWeb server = CohortWeb.start(StoreKind.POSTGRESQL, tmp.resolve("postgresql"))) {
            postgres = walk(server);
        }

        assertThat(postgres.keySet()).containsExactlyElementsOf(sqlite.keySet());
        assertThat(sqlite.keySet()).as("the pages read").hasSizeGreaterThan(20)
                .contains("before: /cohorts/spring-2026?health=red", "before: /cohorts/spring-2026?rule=CI-OVERDUE",
                        "before: /pairings/P05", "dry run: /cohorts/spring-2026/import");
        assertThat(sqlite.get("after: /cohorts/spring-2026")).as("the board after the second check")
                .contains("red").contains("P05");
        SoftAssertions.assertSoftly(softly -> sqlite.forEach((page, text) ->
                softly.assertThat(postgres.get(page)).as(page).isEqualTo(text)));
    }

    /** The coordinator checks and reads every page, the mentee records a check-in, the coordinator checks again. */
    private Map<String, String> walk(CohortWeb server) throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        try (Browser coordinator = Browser.open(); Browser mentee = Browser.open()) {
            signIn(server, coordinator, "C01", "Marisol Cruz");
            runCheck(server, coordinator);
            String cohort = "/cohorts/" + CohortWeb.COHORT;
            List<String> paths = new ArrayList<>(List.of(cohort, cohort + "/matching", cohort + "/policy", "/me"));
            coordinator.go(server.url(cohort));
            paths.addAll(links(coordinator, "//a[starts-with(@href, '" + cohort + "?')]"));
            paths.addAll(links(coordinator, "//table[contains(@class, 'pairings')]//a[starts-with(@href, '/pairings/')]"));
            paths.addAll(List.of(cohort + "?q=sofia", cohort + "?q=p1", "/pairings/P05?asOf=2026-05-01",
                    "/me?asOf=2026-07-01"));
            for (String path : paths) {
                pages.put("before: " + path, read(server, coordinator, path));
            }

            signIn(server, mentee, "E05", "Lukas Becker");
            WebElement card = mentee.driver.findElement(By.xpath("//article[.//h3[contains(., 'Pairing P05')]]"));
            Browser.field(card, "Minutes").sendKeys("45");
            Browser.field(card, "Notes").sendKeys("Re-planned the sprint-planning milestones");
            Browser.button(card, "Record the check-in").click();
            mentee.awaitText("The check-in is recorded.");
            coordinator.go(server.url(cohort + "/import"));
            String pairings = new String(CohortWeb.sampleFile("pairings.csv"), StandardCharsets.UTF_8);
            coordinator.driver.findElement(By.id("upload-files")).sendKeys(zip(pairings.replaceFirst(
                    "P01,E01,M01,2026-01-05", "P01,E01,M01,2026-01-06")).toString());
            coordinator.clickToLoad(coordinator.driver.findElement(By.xpath("//button[normalize-space()"
                    + " = 'Check the files (dry run)']")));
            pages.put("dry run: " + cohort + "/import", coordinator.driver.findElement(By.tagName("main")).getText());

            pages.put("mentee: /me", read(server, mentee, "/me"));
            pages.put("mentee: /pairings/P05", read(server, mentee, "/pairings/P05"));

            runCheck(server, coordinator);
            for (String path : List.of(cohort, cohort + "?new=1", "/pairings/P05", "/me")) {
                pages.put("after: " + path, read(server, coordinator, path));
            }
            try (Browser mentor = Browser.open()) {
                signIn(server, mentor, "M03", "Sofia Marquez");
                pages.put("mentor: /me", read(server, mentor, "/me"));
                pages.put("mentor: /pairings/P12", read(server, mentor, "/pairings/P12"));
            }
        }
        return pages;
    }

    private Path zip(String pairings) throws IOException {
        Path file = Files.createTempFile(tmp, "pairings", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("pairings.csv"));
            zip.write(pairings.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    private static void signIn(CohortWeb server, Browser browser, String personId, String name) {
        var link = server.web.tokens().createSignInLink(personId, null, CohortWeb.COHORT, false,
                TokenService.SIGN_IN_LINK_LIFE);
        browser.go(server.url("/signin?link=" + link.token()));
        browser.clickToLoad(browser.driver.findElement(By.xpath("//button[starts-with(normalize-space(), 'Continue as "
                + name + "')]")));
    }

    private static void runCheck(CohortWeb server, Browser browser) {
        browser.go(server.url("/cohorts/" + CohortWeb.COHORT));
        browser.clickToLoad(browser.driver.findElement(By.xpath("//button[starts-with(normalize-space(),"
                + " 'Run a health check')]")));
        browser.awaitText("The health check is stored"); // after its progress page, which updates itself
        // the board counts the check's findings by rule on a thread of its own: read it once they are counted
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver -> {
            driver.navigate().refresh();
            return !driver.findElement(By.tagName("main")).getText().contains("being counted by rule");
        });
    }

    /** The paths of the links {@code xpath} finds on the page, each once, in the page's order. */
    private static List<String> links(Browser browser, String xpath) {
        return browser.driver.findElements(By.xpath(xpath)).stream().map(a -> a.getDomAttribute("href")).distinct()
                .toList();
    }

    /** What a person reads of the page at {@code path}: the visible text of its main part. */
    private static String read(CohortWeb server, Browser browser, String path) {
        browser.go(server.url(path));
        return browser.driver.findElement(By.tagName("main")).getText();
    }
}
