package org.roadmapcoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.StoreKind;

/** The pages' routes without a browser: statuses, headers, cookies, CSRF, access and form errors. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class WebRoutesTest {

    @Parameter
    StoreKind kind;

    @TempDir
    Path tmp;

    private TestWeb server;
    private WebClient client;

    @BeforeEach
    void start() {
        server = TestWeb.start(kind, tmp);
        client = new WebClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyPageIsSentWithAContentSecurityPolicyThatAllowsNoInlineScript() {
        HttpResponse<String> page = client.get("/signin");

        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.body()).doesNotContain("<script>").contains("<script src=\"/assets/htmx.min.js\"");
    }

    @Test
    void theAssetsAreServedFromTheApp() {
        assertThat(client.get("/assets/htmx.min.js").body()).contains("htmx");
        assertThat(client.get("/assets/coach.css").headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/css");
    }

    @Test
    void aLinksPageSignsNobodyInAndItsButtonDoesWithAnHttpOnlyLaxSessionCookie() {
        String link = server.signInLink(TestWeb.MENTEE);
        HttpResponse<String> page = client.get(link);
        assertThat(page.body()).contains("Continue as Lukas Becker");
        assertThat(client.get("/me").statusCode()).as("the GET signed nobody in").isEqualTo(303);
        assertThat(client.get(link).body()).as("nor used the link up").contains("Continue as Lukas Becker");

        HttpResponse<String> signedIn = client.post("/signin", WebClient.withCsrf(page.body(),
                Map.of("link", link.substring(link.indexOf("link=") + 5))));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/me");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Visitor.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");
        assertThat(client.get("/me").body()).contains("My next steps");
    }

    @Test
    void overHttpsEveryCookieIsSecure(@TempDir Path other) throws Exception {
        try (TestWeb https = TestWeb.start(other, new org.roadmapcoach.app.Links("https://coach.example.org"))) {
            // a client that keeps no cookies: a Secure cookie would not be sent back over this test's http
            java.net.http.HttpClient plain = java.net.http.HttpClient.newHttpClient();
            String link = https.signInLink(TestWeb.MENTEE);
            HttpResponse<String> page = plain.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String signInCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(signInCookie).startsWith(Visitor.SIGN_IN_COOKIE + "=").contains("Secure").contains("HttpOnly");
            Map<String, String> form = WebClient.withCsrf(page.body(), Map.of("link",
                    link.substring(link.indexOf("link=") + 5)));
            String body = form.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
                    java.nio.charset.StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
            HttpResponse<String> signedIn = plain.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(https.url("/signin")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", signInCookie.substring(0, signInCookie.indexOf(';')))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c ->
                    assertThat(c).startsWith(Visitor.SESSION_COOKIE + "=").contains("Secure").contains("HttpOnly")
                            .contains("SameSite=Lax"));
        }
    }

    @Test
    void aLinkSignsInOnceOnly() {
        client.signInAs(TestWeb.MENTEE);
        // the same link again, in another browser
        String link = server.signInLink(TestWeb.MENTEE);
        WebClient first = new WebClient(server);
        HttpResponse<String> page = first.get(link);
        String secret = link.substring(link.indexOf("link=") + 5);
        assertThat(first.post("/signin", WebClient.withCsrf(page.body(), Map.of("link", secret))).statusCode())
                .isEqualTo(303);

        WebClient second = new WebClient(server);
        HttpResponse<String> again = second.get(link);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("expired or was used already").doesNotContain("Continue as");
        assertThat(second.post("/signin", WebClient.withCsrf(again.body(), Map.of("link", secret))).statusCode())
                .isEqualTo(410);
        assertThat(second.get("/me").statusCode()).isEqualTo(303);
    }

    @Test
    void aLinkNoLongerSignsInAfterFifteenMinutes() {
        String link = server.signInLink(TestWeb.MENTEE);
        HttpResponse<String> page = client.get(link);
        server.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        HttpResponse<String> late = client.post("/signin", WebClient.withCsrf(page.body(),
                Map.of("link", link.substring(link.indexOf("link=") + 5))));

        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("expired or was used already");
        assertThat(client.get("/me").statusCode()).isEqualTo(303);
    }

    @Test
    void aPastedApiTokenSignsIn() {
        HttpResponse<String> page = client.get("/signin");
        HttpResponse<String> signedIn = client.post("/signin", WebClient.withCsrf(page.body(),
                Map.of("token", TestWeb.MENTEE_TOKEN)));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(client.get("/me").body()).contains("Lukas Becker");
    }

    @Test
    void anUnknownTokenIsShownBesideItsField() {
        HttpResponse<String> page = client.get("/signin");
        HttpResponse<String> refused = client.post("/signin", WebClient.withCsrf(page.body(), Map.of("token", "nope")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"signin-token-error\"").contains("no token or sign-in link");
    }

    @Test
    void afterSigningInThePersonGoesToTheLocalPageTheLinkNamedAndNeverElsewhere() {
        String link = server.signInLink(TestWeb.MENTEE);
        String secret = link.substring(link.indexOf("link=") + 5);
        HttpResponse<String> page = client.get(link + "&next=%2Fpairings%2FP05");
        HttpResponse<String> signedIn = client.post("/signin", WebClient.withCsrf(page.body(),
                Map.of("link", secret, "next", "/pairings/P05")));
        assertThat(signedIn.headers().firstValue("Location")).contains("/pairings/P05");

        WebClient other = new WebClient(server);
        String link2 = server.signInLink(TestWeb.MENTEE);
        HttpResponse<String> page2 = other.get(link2);
        HttpResponse<String> away = other.post("/signin", WebClient.withCsrf(page2.body(),
                Map.of("link", link2.substring(link2.indexOf("link=") + 5), "next", "//evil.example.org/")));
        assertThat(away.headers().firstValue("Location")).contains("/me");
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefusedWithThe403Page() {
        client.signInAs(TestWeb.MENTEE);

        HttpResponse<String> refused = client.post("/pairings/P05/checkins", Map.of("date", "2026-06-15"));
        HttpResponse<String> forged = client.post("/pairings/P05/checkins", Map.of("date", "2026-06-15",
                "csrf", "forged"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(refused.body()).contains("This form cannot be sent");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(server.store.roadmap(TestWeb.COHORT, "P05").orElseThrow().checkIns())
                .noneMatch(c -> c.date().equals(TestWeb.SAMPLE_DAY));
    }

    @Test
    void aSignInWithoutTheSignInCookiesTokenIsRefused() {
        String link = server.signInLink(TestWeb.MENTEE);
        HttpResponse<String> refused = client.post("/signin", Map.of("link", link.substring(link.indexOf("link=") + 5),
                "csrf", "guessed"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(server.web.tokens().signInLinkHolder(link.substring(link.indexOf("link=") + 5))).isPresent();
    }

    @Test
    void anotherPairingsPageIsTheSame404PageAsOneThatDoesNotExist() {
        client.signInAs(TestWeb.MENTEE);

        HttpResponse<String> other = client.get("/pairings/P01");
        HttpResponse<String> none = client.get("/pairings/NO-SUCH");

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(other.body()).isEqualTo(none.body().replace("NO-SUCH", "P01")).contains("Page not found")
                .doesNotContain("Sofia").doesNotContain("P01-O1");
        assertThat(other.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    }

    @Test
    void aPageWithoutASessionSendsToSignInAndBackAfterwards() {
        HttpResponse<String> away = client.get("/pairings/P05?asOf=2026-06-01");
        assertThat(away.statusCode()).isEqualTo(303);
        assertThat(away.headers().firstValue("Location")).contains("/signin?next=%2Fpairings%2FP05%3FasOf%3D2026-06-01");
    }

    @Test
    void aFormWithAMistakeIsShownAgainWithTheMessageBesideTheField() {
        client.signInAs(TestWeb.MENTEE);
        HttpResponse<String> me = client.get("/me");

        HttpResponse<String> failed = client.post("/pairings/P05/checkins", WebClient.withCsrf(me.body(),
                Map.of("form", "checkin-P05", "back", "/me", "date", "2026-02-30", "type", "checkin",
                        "status", "held", "minutes", "lots")));

        assertThat(failed.statusCode()).isEqualTo(400);
        assertThat(failed.body()).contains("id=\"checkin-P05-date-error\"").contains("expected a date as yyyy-MM-dd")
                .contains("id=\"checkin-P05-minutes-error\"").contains("value=\"lots\"");
    }

    @Test
    void aRecordedCheckInGoesBackToThePageWithANotice() {
        client.signInAs(TestWeb.MENTEE);
        HttpResponse<String> me = client.get("/me");

        HttpResponse<String> done = client.post("/pairings/P05/checkins", WebClient.withCsrf(me.body(),
                Map.of("form", "checkin-P05", "back", "/me", "date", "2026-06-15", "type", "checkin",
                        "status", "held", "minutes", "45")));

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains("/me?done=checkin");
        assertThat(client.get("/me?done=checkin").body()).contains("The check-in is recorded.");
    }

    @Test
    void aBadAsOfIsAnHtml400Page() {
        client.signInAs(TestWeb.MENTEE);
        HttpResponse<String> bad = client.get("/me?asOf=2026-02-30");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("expected a date as yyyy-MM-dd").doesNotContain("Exception");
    }

    @Test
    void aSessionEndsAfterEightIdleHours() {
        client.signInAs(TestWeb.MENTEE);
        server.clock.advance(Duration.ofHours(7));
        assertThat(client.get("/me").statusCode()).isEqualTo(200);
        server.clock.advance(Duration.ofHours(8).minusSeconds(1));
        assertThat(client.get("/me").statusCode()).as("seen 7 h ago: still on").isEqualTo(200);
        server.clock.advance(Duration.ofHours(8));
        assertThat(client.get("/me").statusCode()).isEqualTo(303);
    }

    @Test
    void signingOutEndsTheSession() {
        client.signInAs(TestWeb.MENTEE);
        HttpResponse<String> me = client.get("/me");
        HttpResponse<String> out = client.post("/signout", WebClient.withCsrf(me.body(), Map.of()));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(client.get("/me").statusCode()).isEqualTo(303);
    }

    @Test
    void thePairingPageShowsTheWholeRoadmapWithTheFormsOfThePair() {
        client.signInAs(TestWeb.MENTEE);
        HttpResponse<String> page = client.get("/pairings/P05");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Pairing P05: Lukas Becker with Sofia Marquez", "Findings for you",
                "SMART marks of P05-O1", "Milestones by stage", "Check-ins against the cadence", "<svg",
                "Over the last", "The agreement", "Activities", "Resources", "Record a check-in",
                "action=\"/pairings/P05/checkins\"");
    }

    @Test
    void aCoordinatorReadsAPairingOfTheirCohortWithoutThePairsForms() {
        client.signInAs(TestWeb.COORDINATOR);
        assertThat(client.get("/me").body()).contains("href=\"/cohorts/spring-2026\"");

        HttpResponse<String> page = client.get("/pairings/P05");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Pairing P05").doesNotContain("action=\"/pairings/P05/checkins\"");
    }

    @Test
    void aFailureOfTheServerIsAn500PageWithoutAStackTrace() {
        client.signInAs(TestWeb.MENTEE);
        server.store.close(); // every read fails from now on

        HttpResponse<String> failed = client.get("/me");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(failed.body()).contains("Something went wrong on our side").doesNotContain("Exception")
                .doesNotContain("at org.");
    }
}
