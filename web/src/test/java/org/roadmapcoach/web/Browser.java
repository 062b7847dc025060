package org.roadmapcoach.web;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the page tests: Debian's chromium driven through its chromedriver, both named by
 * path, so that nothing is downloaded (Selenium Manager never runs). Without them the tests are skipped
 * with a message, and fail instead when {@code CI=true}: CI installs them and must run the tests.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    public final WebDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(WebDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** A fresh browser with an empty profile; skips the test (or fails it on CI) when chromium is missing. */
    public static Browser open() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true and " + why);
            }
            System.out.println("SKIPPED browser test: " + why);
            Assumptions.abort(why);
        }
        try {
            Path profile = Files.createTempDirectory("coach-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                    "--window-size=1280,1800", "--lang=en-GB", "--no-first-run", "--disable-extensions");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, service, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw e;
            }
            System.out.println("SKIPPED browser test: chromium did not start: " + e.getMessage());
            Assumptions.abort("chromium did not start: " + e.getMessage());
            throw e;
        }
    }

    public void go(String url) {
        driver.get(url);
    }

    /**
     * Waits (at most 30 s) until the page's heading is {@code heading}: a form's answer has loaded. An element
     * read while the next page replaces the old one goes stale, so the wait reads again rather than failing.
     */
    public void awaitHeading(String heading) {
        pageWait().until(d -> d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().equals(heading)));
    }

    /** Waits (at most 30 s) until the page shows {@code text}. */
    public void awaitText(String text) {
        pageWait().until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    /** Clicks a link or a plain form's button and waits (at most 30 s) until the next page has replaced this one. */
    public void clickToLoad(WebElement linkOrButton) {
        WebElement page = driver.findElement(By.tagName("html"));
        linkOrButton.click();
        pageWait().until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    private org.openqa.selenium.support.ui.WebDriverWait pageWait() {
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        // what chromium says instead of "stale" when the page is replaced between finding an element and reading
        // it: "unhandled inspector error: Node with given id does not belong to the document" (seen in CI)
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    /** The visible text of the page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The input, select or textarea labelled {@code label} inside {@code scope}, found by its label as a person does. */
    public static WebElement field(WebElement scope, String label) {
        List<WebElement> labels = scope.findElements(By.xpath(".//label[normalize-space(text())='" + label
                + "' or starts-with(normalize-space(.), '" + label + " (')]"));
        if (labels.isEmpty()) {
            throw new AssertionError("no field labelled '" + label + "'");
        }
        return scope.findElement(By.id(labels.get(0).getAttribute("for")));
    }

    /** The button whose visible text is {@code text} inside {@code scope}. */
    public static WebElement button(WebElement scope, String text) {
        return scope.findElement(By.xpath(".//button[normalize-space(.)='" + text + "']"));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.close();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
