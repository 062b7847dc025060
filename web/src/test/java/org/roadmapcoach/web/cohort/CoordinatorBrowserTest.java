package org.roadmapcoach.web.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.roadmapcoach.app.access.TokenService;

/**
 * The coordinator's flow in Debian's chromium (WEB.md): sign in with a link, import a zip with a mistake,
 * read the error, import the fixed one, run a check, see the red pairings first with names, open one and
 * see its findings' evidence; and the screenshot of the cohort page in docs/. Without chromium it is
 * skipped, saying so, unless {@code CI=true}, where it fails.
 */
class CoordinatorBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path tmp;

    private CohortWeb server;
    private WebDriver browser;

    @BeforeEach
    void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(present, "skipped: no /usr/bin/chromium and /usr/bin/chromedriver on this machine");
        }
        server = CohortWeb.start(tmp);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400",
                        "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCoordinatorImportsFixesChecksAndOpensTheWorstPairing() throws IOException {
        var link = server.web.tokens().createSignInLink("C01", null, CohortWeb.COHORT, false,
                TokenService.SIGN_IN_LINK_LIFE);
        browser.get(server.url("/signin?link=" + link.token()));
        browser.findElement(By.xpath("//button[starts-with(normalize-space(), 'Continue as Marisol Cruz')]")).click();
        browser.findElement(By.linkText(CohortWeb.COHORT)).click();
        browser.findElement(By.linkText("Import")).click();

        String pairings = new String(CohortWeb.sampleFile("pairings.csv"), StandardCharsets.UTF_8);
        upload(zip("broken.zip", pairings.replaceFirst("P01,E01,M01,2026-01-05", "P01,E01,M01,2026-13-05")));
        assertThat(browser.findElement(By.cssSelector("ul.errors")).getText())
                .contains("pairings.csv:2:start_date").contains("2026-13-05").contains("yyyy-MM-dd");

        upload(zip("fixed.zip", pairings.replaceFirst("P01,E01,M01,2026-01-05", "P01,E01,M01,2026-01-06")));
        assertThat(browser.findElement(By.id("report-heading")).getText()).startsWith("Dry run");
        browser.findElement(By.xpath("//button[starts-with(normalize-space(), 'Apply')]")).click();
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("The import is written");

        browser.findElement(By.linkText("Back to the cohort")).click();
        browser.findElement(By.xpath("//button[starts-with(normalize-space(), 'Run a health check')]")).click();
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("The health check is stored");

        List<WebElement> rows = browser.findElements(By.cssSelector("table.pairings tbody tr"));
        assertThat(rows).isNotEmpty();
        WebElement worst = rows.get(0);
        assertThat(worst.findElement(By.cssSelector(".badge")).getText()).isEqualTo("red");
        List<WebElement> cells = worst.findElements(By.tagName("td"));
        assertThat(cells.get(1).getText()).as("the mentee's name").matches(".*[a-z].* .*");
        assertThat(cells.get(2).getText()).as("the mentor's name").matches(".*[a-z].* .*");
        screenshot();

        String pairing = cells.get(0).getText();
        cells.get(0).findElement(By.tagName("a")).click();
        assertThat(browser.getTitle()).contains(pairing);
        assertThat(browser.findElement(By.cssSelector("dl.evidence")).getText()).isNotBlank();
    }

    private void upload(Path zip) {
        browser.findElement(By.id("upload-files")).sendKeys(zip.toString());
        browser.findElement(By.xpath("//button[normalize-space() = 'Check the files (dry run)']")).click();
    }

    private void screenshot() throws IOException {
        Path docs = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "docs");
        if (!Files.isDirectory(docs)) {
            docs = Path.of("..", "docs");
        }
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(docs.resolve("cohort-page.png"), png);
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
