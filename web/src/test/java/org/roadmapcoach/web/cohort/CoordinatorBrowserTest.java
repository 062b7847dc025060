package org.roadmapcoach.web.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.web.Browser;

/**
 * The coordinator's flow in Debian's chromium (WEB.md): sign in with a link, import a zip with a mistake,
 * read the error, import the fixed one, run a check, see the red pairings first with names, open one and
 * see its findings' evidence, accept one mentor matching proposal and change a threshold of the policy; and the
 * screenshots of the cohort and matching pages in docs/. On a SQLite file and on a PostgreSQL database. Without
 * chromium it is skipped, saying so, unless {@code CI=true}, where it fails ({@link Browser#open()}).
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class CoordinatorBrowserTest {

    @Parameter
    StoreKind kind;

    @TempDir
    Path tmp;

    private CohortWeb server;

    @BeforeEach
    void start() throws IOException {
        server = CohortWeb.start(kind, tmp);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCoordinatorImportsFixesChecksOpensTheWorstPairingAcceptsAMatchAndChangesThePolicy() throws IOException {
        var link = server.web.tokens().createSignInLink("C01", null, CohortWeb.COHORT, false,
                TokenService.SIGN_IN_LINK_LIFE);
        try (Browser browser = Browser.open()) {
            WebDriver page = browser.driver;
            browser.go(server.url("/signin?link=" + link.token()));
            browser.clickToLoad(page.findElement(By.xpath("//button[starts-with(normalize-space(), 'Continue as Marisol Cruz')]")));
            browser.clickToLoad(page.findElement(By.linkText(CohortWeb.COHORT)));
            browser.clickToLoad(page.findElement(By.linkText("Import")));

            String pairings = new String(CohortWeb.sampleFile("pairings.csv"), StandardCharsets.UTF_8);
            upload(browser, zip("broken.zip", pairings.replaceFirst("P01,E01,M01,2026-01-05", "P01,E01,M01,2026-13-05")));
            assertThat(page.findElement(By.cssSelector("ul.errors")).getText())
                    .contains("pairings.csv:2:start_date").contains("2026-13-05").contains("yyyy-MM-dd");

            upload(browser, zip("fixed.zip", pairings.replaceFirst("P01,E01,M01,2026-01-05", "P01,E01,M01,2026-01-06")));
            assertThat(page.findElement(By.id("report-heading")).getText()).startsWith("Dry run");
            browser.clickToLoad(page.findElement(By.xpath("//button[starts-with(normalize-space(), 'Apply')]")));
            assertThat(page.findElement(By.cssSelector("p.notice")).getText()).contains("The import is written");

            browser.clickToLoad(page.findElement(By.linkText("Back to the cohort")));
            browser.clickToLoad(page.findElement(By.xpath("//button[starts-with(normalize-space(), 'Run a health check')]")));
            browser.awaitText("The health check is stored"); // after its progress page, which updates itself

            List<WebElement> rows = page.findElements(By.cssSelector("table.pairings tbody tr"));
            assertThat(rows).isNotEmpty();
            WebElement worst = rows.get(0);
            assertThat(worst.findElement(By.cssSelector(".badge")).getText()).isEqualTo("red");
            List<WebElement> cells = worst.findElements(By.tagName("td"));
            assertThat(cells.get(1).getText()).as("the mentee's name").matches(".*[a-z].* .*");
            assertThat(cells.get(2).getText()).as("the mentor's name").matches(".*[a-z].* .*");
            screenshot(page, "cohort-page.png");

            String pairing = cells.get(0).getText();
            browser.clickToLoad(cells.get(0).findElement(By.tagName("a")));
            assertThat(page.getTitle()).contains(pairing);
            assertThat(page.findElement(By.cssSelector("dl.evidence")).getText()).isNotBlank();

            // mentor matching: accept one proposal of the sample's (docs/sample-cohort.md) by its label
            browser.go(server.url("/cohorts/" + CohortWeb.COHORT));
            browser.clickToLoad(page.findElement(By.linkText("Mentor matching")));
            WebElement proposals = page.findElement(By.cssSelector("table.proposals"));
            assertThat(proposals.getText()).contains("covers sql, data analysis (20 points)").contains("Noor Haddad");
            assertThat(page.findElement(By.cssSelector("table.unmatched")).getText()).contains("no-cover");
            screenshot(page, "screenshot-matching.png");
            Browser.field(proposals, "Accept Olivia Park with Noor Haddad").click();
            browser.clickToLoad(Browser.button(page.findElement(By.tagName("main")), "Accept the selected"));
            assertThat(page.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("One pairing is made.");
            assertThat(page.findElement(By.cssSelector("ul.made")).getText()).isEqualTo("E14-M08: Olivia Park with Noor Haddad");
            assertThat(page.findElement(By.cssSelector("table.proposals")).getText()).doesNotContain("Olivia Park");

            // the policy: a threshold changed through its form, then shown as saved
            browser.go(server.url("/cohorts/" + CohortWeb.COHORT));
            browser.clickToLoad(page.findElement(By.linkText("Policy")));
            WebElement stalled = page.findElement(By.id("policy-milestones.stalledDays"));
            assertThat(stalled.getAttribute("value")).isEqualTo("21");
            stalled.clear();
            stalled.sendKeys("28");
            browser.clickToLoad(Browser.button(page.findElement(By.tagName("main")), "Save the policy"));
            assertThat(page.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("The policy is saved.");
            assertThat(page.findElement(By.id("policy-milestones.stalledDays")).getAttribute("value")).isEqualTo("28");
            assertThat(server.store.policy(CohortWeb.COHORT).values().toString()).contains("MS_STALLED_DAYS=28,");
        }
    }

    private static void upload(Browser browser, Path zip) {
        browser.driver.findElement(By.id("upload-files")).sendKeys(zip.toString());
        browser.clickToLoad(browser.driver.findElement(By.xpath("//button[normalize-space() = 'Check the files (dry run)']")));
    }

    private static void screenshot(WebDriver page, String name) throws IOException {
        Path docs = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "docs");
        if (!Files.isDirectory(docs)) {
            docs = Path.of("..", "docs");
        }
        byte[] png = ((org.openqa.selenium.TakesScreenshot) page).getScreenshotAs(OutputType.BYTES);
        Files.write(docs.resolve(name), png);
    }

    private Path zip(String name, String pairings) throws IOException {
        Path file = tmp.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("pairings.csv"));
            zip.write(pairings.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }
}
