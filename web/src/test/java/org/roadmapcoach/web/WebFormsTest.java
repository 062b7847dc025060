package org.roadmapcoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.engine.roadmap.EngagementStatus;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.ObjectiveStatus;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * Every form of the pairing page and of /me, posted as a browser posts it: each write lands in the store
 * through the application layer, and each mistake comes back beside its field.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class WebFormsTest {

    @Parameter
    StoreKind kind;

    @TempDir
    Path tmp;

    private TestWeb server;
    private WebClient client;
    private String page;

    @BeforeEach
    void start() {
        server = TestWeb.start(kind, tmp);
        client = new WebClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void signIn(String personId) {
        client.signInAs(personId);
        page = client.get("/me").body();
    }

    private HttpResponse<String> post(String path, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return client.post(path, WebClient.withCsrf(page, form));
    }

    private Roadmap p05() {
        return server.store.roadmap(TestWeb.COHORT, "P05").orElseThrow();
    }

    @Test
    void anObjectiveIsEditedAndAClearedTitleIsShownBesideItsField() {
        signIn(TestWeb.MENTEE);

        HttpResponse<String> failed = post("/pairings/P05/objectives/P05-O1", "form", "edit-P05-O1", "title", " ",
                "status", "achieved");
        assertThat(failed.statusCode()).isEqualTo(400);
        assertThat(failed.body()).contains("id=\"edit-P05-O1-title-error\"").contains("is required")
                .contains("<details open><summary>Edit objective P05-O1</summary>");
        assertThat(p05().objectives().get(0).status()).isEqualTo(ObjectiveStatus.ACTIVE);

        HttpResponse<String> saved = post("/pairings/P05/objectives/P05-O1", "form", "edit-P05-O1", "status", "achieved");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).contains("/pairings/P05?done=objective#objectives");
        assertThat(p05().objectives().get(0).status()).isEqualTo(ObjectiveStatus.ACHIEVED);
        assertThat(p05().objectives().get(0).title()).startsWith("Run the Payments team");
    }

    @Test
    void aMilestoneIsMovedToDoneWithItsReflection() {
        signIn(TestWeb.MENTEE);

        HttpResponse<String> moved = post("/pairings/P05/objectives/P05-O1/milestones/P05-O1-M2/progress",
                "status", "done", "date", "2026-06-15", "reflection", "Planning is a team sport");

        assertThat(moved.statusCode()).isEqualTo(303);
        var m = p05().milestones().stream().filter(x -> x.id().equals("P05-O1-M2")).findFirst().orElseThrow();
        assertThat(m.status()).isEqualTo(MilestoneStatus.DONE);
        assertThat(m.completedOn()).isEqualTo(TestWeb.SAMPLE_DAY);
        assertThat(m.reflection()).isEqualTo("Planning is a team sport");
    }

    @Test
    void anotherPairingsRecordThroughThisPairingsAddressIsThe404Page() {
        signIn(TestWeb.MENTOR); // the mentor of both P05 and P12
        HttpResponse<String> wrong = post("/pairings/P12/objectives/P05-O1/milestones/P05-O1-M2/progress",
                "status", "done", "date", "2026-06-15");
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).contains("Page not found");
    }

    @Test
    void theAgreementIsFilledIn() {
        signIn(TestWeb.MENTEE);
        HttpResponse<String> saved = post("/pairings/P05/agreement", "form", "agreement",
                "agreementRoles", "Lukas leads; Sofia observes", "cadenceDays", "14");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(p05().pairing().agreement().roles()).isEqualTo("Lukas leads; Sofia observes");

        HttpResponse<String> bad = post("/pairings/P05/agreement", "form", "agreement", "cadenceDays", "0");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"agreement-cadenceDays-error\"").contains("from 1 to 365");
    }

    @Test
    void aResourceIsStartedThenCompletedWithItsTakeaway() {
        signIn(TestWeb.MENTEE);
        assertThat(post("/pairings/P05/engagements/R01", "status", "started", "date", "2026-06-15").statusCode())
                .isEqualTo(303);
        assertThat(post("/pairings/P05/engagements/R01", "status", "completed", "date", "2026-06-15",
                "takeaway", "Partition by customer").statusCode()).isEqualTo(303);
        var e = p05().engagements().stream().filter(x -> x.resourceId().equals("R01")).findFirst().orElseThrow();
        assertThat(e.status()).isEqualTo(EngagementStatus.COMPLETED);
        assertThat(e.takeaway()).isEqualTo("Partition by customer");

        assertThat(post("/pairings/P05/engagements/NO-SUCH", "status", "started").statusCode()).isEqualTo(404);
    }

    @Test
    void aReflectionAndSomethingGivenBackAreRecorded() {
        signIn(TestWeb.MENTEE);
        assertThat(post("/pairings/P05/activities", "date", "2026-06-15", "kind", "reflection",
                "title", "What the retro taught me").statusCode()).isEqualTo(303);
        assertThat(p05().activities()).anyMatch(a -> "What the retro taught me".equals(a.title()));

        HttpResponse<String> noGiver = post("/pairings/P05/reciprocity", "form", "reciprocity", "date", "2026-06-15",
                "kind", "insight");
        assertThat(noGiver.statusCode()).isEqualTo(400);
        assertThat(noGiver.body()).contains("id=\"reciprocity-giver-error\"");
        assertThat(post("/pairings/P05/reciprocity", "date", "2026-06-15", "giver", "mentee", "kind", "insight",
                "hours", "1.5", "description", "Brief on the payments roadmap").statusCode()).isEqualTo(303);
        assertThat(p05().reciprocity()).anyMatch(r -> "Brief on the payments roadmap".equals(r.description()));
    }

    @Test
    void aNextStepIsDismissedAndTheDismissalUndone() {
        signIn(TestWeb.MENTEE);
        assertThat(post("/pairings/P05/dismiss", "rule", "RC-UNBALANCED", "subject", "P05").statusCode()).isEqualTo(303);
        String pairing = client.get("/pairings/P05").body();
        assertThat(pairing).contains("Dismissed by you").contains("RC-UNBALANCED about P05, dismissed");
        assertThat(client.get("/me").body()).doesNotContain("<strong>RC-UNBALANCED</strong>");

        assertThat(post("/pairings/P05/undismiss", "rule", "RC-UNBALANCED", "subject", "P05").statusCode())
                .isEqualTo(303);
        assertThat(client.get("/me").body()).contains("<strong>RC-UNBALANCED</strong>");
    }

    @Test
    void withHtmxADismissedStepIsReplacedByALineWithUndo() {
        signIn(TestWeb.MENTEE);
        assertThat(page).contains("hx-post=\"/pairings/P05/dismiss\"").contains("hx-target=\"closest li\"");
        HttpResponse<String> line = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.url("/pairings/P05/dismiss")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(WebClient.encode(WebClient.withCsrf(page,
                        Map.of("rule", "RC-UNBALANCED", "subject", "P05", "back", "/me")))))
                .build());

        assertThat(line.statusCode()).isEqualTo(200);
        assertThat(line.body().strip()).startsWith("<li").endsWith("</li>").contains("Dismissed <strong>RC-UNBALANCED</strong>")
                .contains("action=\"/pairings/P05/undismiss\"").doesNotContain("<html");
        assertThat(client.get("/me").body()).doesNotContain("<strong>RC-UNBALANCED</strong>");
    }

    @Test
    void aCriticalNextStepCannotBeDismissed() {
        signIn(TestWeb.MENTOR);
        HttpResponse<String> refused = post("/pairings/P05/dismiss", "rule", "CI-OVERDUE", "subject", "P05");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("critical findings are resolved, not dismissed");
    }

    @Test
    void aCoordinatorDoesNotWriteThePairsRecords() {
        signIn(TestWeb.COORDINATOR);
        HttpResponse<String> refused = post("/pairings/P05/checkins", "date", "2026-06-15");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Not yours to do");
    }

    @Test
    void aSignInLinkIsCreatedShownOnceAndRevoked() {
        signIn(TestWeb.MENTEE);
        HttpResponse<String> created = post("/me/links");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("/signin?link=").contains("It is shown only now");
        assertThat(client.get("/me").body()).doesNotContain("/signin?link=").contains("Sign-in link #");

        long id = server.web.tokens().list("E05").stream()
                .filter(t -> t.kind() == org.roadmapcoach.data.auth.TokenKind.SIGN_IN && t.usedAt() == null)
                .mapToLong(t -> t.id()).max().orElseThrow();
        assertThat(post("/me/tokens/" + id + "/revoke").statusCode()).isEqualTo(303);
        assertThat(server.web.tokens().list("E05")).noneMatch(t -> t.id() == id);
    }

    @Test
    void someoneElsesTokenIsNotRevokedAndIsThe404Page() {
        long others = server.web.tokens().create("M03", null, TestWeb.COHORT).caller() == null ? -1
                : server.web.tokens().list("M03").get(0).id();
        signIn(TestWeb.MENTEE);
        assertThat(post("/me/tokens/" + others + "/revoke").statusCode()).isEqualTo(404);
        assertThat(post("/me/tokens/not-a-number/revoke").statusCode()).isEqualTo(404);
        assertThat(server.web.tokens().list("M03")).anyMatch(t -> t.id() == others);
    }

    @Test
    void aCalendarFeedIsCreatedAndShownOnce() {
        signIn(TestWeb.MENTEE);
        HttpResponse<String> created = post("/me/feeds");
        assertThat(created.body()).contains("/calendar/").contains(".ics");
    }
}
