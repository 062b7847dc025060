package org.roadmapcoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.engine.roadmap.CheckIn;

/**
 * The pair's flows in a real browser (chromium), read as a person reads the page: by headings, labels,
 * buttons and visible text. The sample cohort as of 2026-06-15: Lukas Becker (E05) is the mentee of P05,
 * Sofia Marquez (M03) its mentor, whose CI-OVERDUE for P05 is hers to act on. Every flow runs on a SQLite file
 * and on a PostgreSQL database.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class BrowserFlowTest {

    @Parameter
    StoreKind kind;

    /** Where the README's screenshots are kept: the tests refresh them. */
    private static final Path DOCS = Path.of("..", "docs");

    @TempDir
    Path tmp;

    private TestWeb server;

    @BeforeEach
    void start() {
        server = TestWeb.start(kind, tmp);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void signIn(Browser browser, String personId, String name) {
        browser.go(server.signInLink(personId));
        Browser.button(browser.driver.findElement(By.tagName("main")), "Continue as " + name).click();
        browser.awaitHeading(name);
    }

    private static List<WebElement> stepsOf(Browser browser, String ruleId, String pairingId) {
        return browser.driver.findElements(By.xpath("//ul[contains(@class,'steps')]/li[.//strong[text()='" + ruleId
                + "'] and .//a[text()='" + pairingId + "']]"));
    }

    private static WebElement pairingCard(Browser browser, String pairingId) {
        return browser.driver.findElement(By.xpath("//article[.//h3[contains(., 'Pairing " + pairingId + "')]]"));
    }

    @Test
    void aMenteeRecordsACheckInFromTheirHomeAndTheMentorsOverdueCheckInIsGone() {
        try (Browser mentor = Browser.open(); Browser mentee = Browser.open()) {
            signIn(mentor, TestWeb.MENTOR, "Sofia Marquez");
            assertThat(stepsOf(mentor, "CI-OVERDUE", "P05")).as("the mentor's next step before").hasSize(1);

            signIn(mentee, TestWeb.MENTEE, "Lukas Becker");
            WebElement card = pairingCard(mentee, "P05");
            assertThat(Browser.field(card, "Date").getAttribute("value")).isEqualTo("2026-06-15");
            Browser.field(card, "Minutes").sendKeys("45");
            Browser.field(card, "Notes").sendKeys("Re-planned the sprint-planning milestones");
            Browser.button(card, "Record the check-in").click();

            mentee.awaitText("The check-in is recorded.");
            mentor.go(server.url("/me"));
            assertThat(stepsOf(mentor, "CI-OVERDUE", "P05")).as("the mentor's next step after").isEmpty();
            assertThat(mentor.text()).contains("My next steps");
        }
    }

    @Test
    void aMenteeOpeningAnotherPairingsPageGetsThe404Page() {
        try (Browser mentee = Browser.open()) {
            signIn(mentee, TestWeb.MENTEE, "Lukas Becker");
            mentee.go(server.url("/pairings/P01"));
            assertThat(mentee.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
            assertThat(mentee.text()).doesNotContain("P01-O1");
        }
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefusedWithThe403Page() {
        try (Browser mentee = Browser.open()) {
            signIn(mentee, TestWeb.MENTEE, "Lukas Becker");
            WebElement card = pairingCard(mentee, "P05");
            WebElement csrf = card.findElement(By.name("csrf"));
            ((JavascriptExecutor) mentee.driver).executeScript("arguments[0].remove()", csrf);
            Browser.button(card, "Record the check-in").click();

            mentee.awaitHeading("This form cannot be sent");
            assertThat(server.store.roadmap(TestWeb.COHORT, "P05").orElseThrow().checkIns().stream().map(CheckIn::date))
                    .doesNotContain(TestWeb.SAMPLE_DAY);
        }
    }

    @Test
    void aLinkSignsInOnceAndNotAfterFifteenMinutes() {
        String link = server.signInLink(TestWeb.MENTEE);
        try (Browser first = Browser.open(); Browser second = Browser.open()) {
            first.go(link);
            Browser.button(first.driver.findElement(By.tagName("main")), "Continue as Lukas Becker").click();
            first.awaitHeading("Lukas Becker");
            assertThat(first.driver.getCurrentUrl()).endsWith("/me");

            second.go(link);
            assertThat(second.text()).contains("This sign-in link has expired or was used already")
                    .doesNotContain("Continue as");

            String late = server.signInLink(TestWeb.MENTEE);
            server.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
            second.go(late);
            assertThat(second.text()).contains("This sign-in link has expired or was used already");
        }
    }

    @Test
    void openingALinkSignsNobodyIn() {
        try (Browser browser = Browser.open()) {
            browser.go(server.signInLink(TestWeb.MENTEE));
            assertThat(browser.text()).contains("Continue as Lukas Becker");

            browser.go(server.url("/me"));

            assertThat(browser.driver.getCurrentUrl()).contains("/signin");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to Roadmap Coach");
        }
    }

    @Test
    void theCheckInFormIsCompletedWithTheKeyboardAlone() {
        try (Browser mentee = Browser.open()) {
            signIn(mentee, TestWeb.MENTEE, "Lukas Becker");
            Actions keys = new Actions(mentee.driver);
            tabTo(mentee, keys, "checkin-P05-minutes");
            keys.sendKeys("30").perform();
            tabTo(mentee, keys, "checkin-P05-notes");
            keys.sendKeys("Planned the next sprint together").perform();
            WebElement button = tabToButtonOf(mentee, keys, "checkin-P05");
            assertThat(button.getText()).isEqualTo("Record the check-in");
            keys.sendKeys(Keys.ENTER).perform();

            mentee.awaitText("The check-in is recorded.");
            assertThat(server.store.roadmap(TestWeb.COHORT, "P05").orElseThrow().checkIns())
                    .anySatisfy(c -> {
                        assertThat(c.date()).isEqualTo(TestWeb.SAMPLE_DAY);
                        assertThat(c.minutes()).isEqualTo(30);
                        assertThat(c.notes()).isEqualTo("Planned the next sprint together");
                    });
        }
    }

    @Test
    void dismissingANextStepReplacesItInPlaceWithHtmxUnderTheContentSecurityPolicy() {
        try (Browser mentee = Browser.open()) {
            signIn(mentee, TestWeb.MENTEE, "Lukas Becker");
            WebElement step = stepsOf(mentee, "RC-UNBALANCED", "P05").get(0);
            Browser.button(step, "Dismiss").click();

            mentee.awaitText("Dismissed RC-UNBALANCED about P05");
            assertThat(mentee.driver.getCurrentUrl()).as("no page was loaded").endsWith("/me");
            assertThat(stepsOf(mentee, "RC-UNBALANCED", "P05")).isEmpty();
        }
    }

    @Test
    void theScreenshotsOfThePairingPageAndTheHomePageAreRefreshed() throws IOException {
        try (Browser mentee = Browser.open()) {
            signIn(mentee, TestWeb.MENTEE, "Lukas Becker");
            save(mentee, "screenshot-me.png");
            mentee.go(server.url("/pairings/P05#objectives"));
            assertThat(mentee.driver.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Pairing P05: Lukas Becker with Sofia Marquez");
            save(mentee, "screenshot-pairing.png");
        }
        assertThat(DOCS.resolve("screenshot-pairing.png")).isNotEmptyFile();
    }

    private static void save(Browser browser, String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES);
        if (Files.isDirectory(DOCS)) {
            Files.write(DOCS.resolve(name), png);
        }
    }

    /** Presses Tab until the element with id {@code id} has the focus, as a keyboard user does. */
    private static void tabTo(Browser browser, Actions keys, String id) {
        for (int i = 0; i < 400; i++) {
            if (id.equals(browser.driver.switchTo().activeElement().getAttribute("id"))) {
                return;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** Presses Tab until the focus is on the submit button of form {@code formId}. */
    private static WebElement tabToButtonOf(Browser browser, Actions keys, String formId) {
        for (int i = 0; i < 400; i++) {
            WebElement active = browser.driver.switchTo().activeElement();
            if ("button".equals(active.getTagName()) && !active.findElements(By.xpath("ancestor::form[@id='" + formId
                    + "']")).isEmpty()) {
                return active;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached the button of #" + formId);
    }
}
