package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.app.reach.Unsubscribes;
import org.roadmapcoach.data.digest.DigestStore;

/**
 * Calendar feeds and the opt-out over HTTP: a feed a second parser (ical4j) reads, with the person's own
 * events only, the same bytes every time, 304 for a matching ETag, 404 for an unknown or revoked feed;
 * the unsubscribe page and its one-click POST.
 */
class ReachRoutesTest {

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(TestApi api, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.app.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> post(TestApi api, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.app.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Calendar parse(byte[] body) throws IOException {
        try {
            return new CalendarBuilder().build(new ByteArrayInputStream(body));
        } catch (net.fortuna.ical4j.data.ParserException e) {
            throw new AssertionError("not iCalendar: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    private static List<String> summaries(Calendar calendar) {
        List<String> summaries = new ArrayList<>();
        for (VEvent event : calendar.<VEvent>getComponents("VEVENT")) {
            summaries.add(event.<net.fortuna.ical4j.model.property.Summary>getProperty(Property.SUMMARY).orElseThrow()
                    .getValue());
        }
        return summaries;
    }

    @Test
    void aMenteesFeedIsValidICalendarWithTheirPairingsEventsOnly() throws Exception {
        try (TestApi api = TestApi.start(tmp)) {
            String feed = api.services.tokens().createCalendarFeed("E05", null, null, false).token();

            HttpResponse<byte[]> reply = get(api, "/calendar/" + feed + ".ics");

            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
            Calendar calendar = parse(reply.body());
            List<VEvent> events = calendar.getComponents("VEVENT");
            assertThat(events).isNotEmpty();
            List<String> summaries = summaries(calendar);
            assertThat(summaries).allSatisfy(s -> assertThat(s).contains("Sofia Marquez"));
            assertThat(summaries).anySatisfy(s -> assertThat(s).startsWith("Check-in with Sofia Marquez (P05)"));
            assertThat(summaries).anySatisfy(s -> assertThat(s).startsWith("Milestone due: ").contains("sprint planning"));
            assertThat(summaries.stream().filter(s -> s.startsWith("Check-in"))).hasSizeBetween(1, 26);
            List<String> uids = events.stream().map(e -> e.getUid().orElseThrow().getValue()).toList();
            assertThat(uids).doesNotHaveDuplicates().allSatisfy(uid -> assertThat(uid).contains(".P05."));
            for (VEvent event : events) {
                assertThat(event.getDateTimeStart().getDate()).isInstanceOf(LocalDate.class);
            }
            String text = new String(reply.body(), StandardCharsets.UTF_8);
            assertThat(text).endsWith("\r\n").doesNotContain("P01").doesNotContain("Priya");
            // the milestone's own date, whatever the machine's time zone; DTSTAMP from the data, not the clock
            assertThat(text).contains("UID:milestone-P05-O1-M2.P05.spring-2026@roadmap-coach\r\n")
                    .containsPattern("DTSTART;VALUE=DATE:20260501\r\n(.*\r\n)*?SUMMARY:Milestone due: Facilitate sprint")
                    .doesNotContain("DTSTAMP:2026-06-15T09");
            for (String line : text.split("\r\n")) {
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
                assertThat(line).doesNotContain("\n");
            }
        }
    }

    @Test
    void theSameDataGivesTheSameBytesAndAMatchingETagGets304() throws Exception {
        String feed;
        byte[] first;
        String etag;
        try (TestApi api = TestApi.start(tmp)) {
            feed = api.services.tokens().createCalendarFeed("M03", null, null, false).token();
            HttpResponse<byte[]> reply = get(api, "/calendar/" + feed + ".ics");
            first = reply.body();
            etag = reply.headers().firstValue("ETag").orElseThrow();
            assertThat(get(api, "/calendar/" + feed + ".ics").body()).isEqualTo(first);

            HttpResponse<byte[]> notModified = get(api, "/calendar/" + feed + ".ics", "If-None-Match", etag);
            assertThat(notModified.statusCode()).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();
            assertThat(get(api, "/calendar/" + feed + ".ics", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);

            // a held check-in moves the projection: new bytes, a new tag
            assertThat(api.post("/api/pairings/P05/checkins", TestApi.MENTOR, "{\"date\":\"2026-06-15\"}").status())
                    .isEqualTo(201);
            HttpResponse<byte[]> changed = get(api, "/calendar/" + feed + ".ics", "If-None-Match", etag);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        }
    }

    @Test
    void anUnknownOrRevokedFeedIsAProblem404() throws Exception {
        try (TestApi api = TestApi.start(tmp)) {
            var issued = api.services.tokens().createCalendarFeed("E05", null, null, false);
            assertThat(get(api, "/calendar/" + issued.token() + ".ics").statusCode()).isEqualTo(200);

            HttpResponse<byte[]> unknown = get(api, "/calendar/not-a-feed.ics");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(get(api, "/calendar/" + issued.token()).statusCode()).as("without .ics").isEqualTo(404);
            assertThat(get(api, "/calendar/" + TestApi.MENTEE + ".ics").statusCode()).as("an API token").isEqualTo(404);

            long id = api.services.tokens().list("E05").stream().filter(t -> t.kind().code().equals("calendar"))
                    .findFirst().orElseThrow().id();
            api.services.tokens().revoke(id);
            assertThat(get(api, "/calendar/" + issued.token() + ".ics").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aCoordinatorsFeedHoldsTheCohortsPairingsAndThePairsCalendarNamesBoth() throws Exception {
        try (TestApi api = TestApi.start(tmp)) {
            String feed = api.services.tokens().createCalendarFeed("C01", null, null, false).token();
            List<String> cohort = summaries(parse(get(api, "/calendar/" + feed + ".ics").body()));
            assertThat(cohort).anySatisfy(s -> assertThat(s).contains("(P05)"))
                    .anySatisfy(s -> assertThat(s).contains("(P01)")).noneSatisfy(s -> assertThat(s).contains("Q1"));

            HttpResponse<byte[]> pair = get(api, "/api/pairings/P05/calendar.ics", "Authorization",
                    "Bearer " + TestApi.COORDINATOR);
            assertThat(pair.statusCode()).isEqualTo(200);
            assertThat(summaries(parse(pair.body()))).isNotEmpty()
                    .allSatisfy(s -> assertThat(s).contains("Lukas Becker and Sofia Marquez"));
        }
    }

    @Test
    void theUnsubscribePageHasOneButtonAndItsPostUnsubscribes() throws Exception {
        try (TestApi api = TestApi.start(tmp)) {
            new DigestStore(api.store).queue(new DigestStore.Queued(TestApi.COHORT, "E05", LocalDate.of(2026, 6, 15),
                    "lukas.becker@brightforge.example", "<m1@test>", "Subject: x\r\n\r\nx\r\n", List.of(), "unsub-token"),
                    TestApi.NOW);
            Unsubscribes unsubscribes = new Unsubscribes(api.store, api.services.clock());

            HttpResponse<byte[]> page = get(api, "/unsubscribe/unsub-token");
            String html = new String(page.body(), StandardCharsets.UTF_8);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(html).contains("Lukas Becker").contains("<form method=\"post\">").containsOnlyOnce("<button");
            assertThat(unsubscribes.isUnsubscribed(TestApi.COHORT, "E05")).as("a GET changes nothing").isFalse();

            HttpResponse<String> done = post(api, "/unsubscribe/unsub-token", "List-Unsubscribe=One-Click");
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).contains("no more digests");
            assertThat(unsubscribes.isUnsubscribed(TestApi.COHORT, "E05")).isTrue();

            HttpResponse<String> unknown = post(api, "/unsubscribe/nope", "List-Unsubscribe=One-Click");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            HttpResponse<byte[]> unknownPage = get(api, "/unsubscribe/%3Cscript%3E");
            assertThat(unknownPage.statusCode()).isEqualTo(404);
            assertThat(new String(unknownPage.body(), StandardCharsets.UTF_8)).contains("not known")
                    .doesNotContain("<script>");
        }
    }

    @Test
    void thePolicyDocumentHoldsTheDigestKeysAndADigestChangeKeepsTheStoredRun() {
        try (TestApi api = TestApi.start(tmp)) {
            String policy = "/api/cohorts/" + TestApi.COHORT + "/policy";
            var shown = api.get(policy, TestApi.COORDINATOR).json();
            assertThat(shown.get("digest.enabled").isBoolean()).isTrue();
            assertThat(shown.get("digest.dailyCap").asInt()).isEqualTo(10_000);
            assertThat(shown.get("digest.resendDays").asInt()).isEqualTo(7);
            assertThat(shown.get("digest.weekday").asText()).isEqualTo("monday");
            LocalDate asOf = LocalDate.of(2026, 6, 15);
            api.services.healthChecks().get().run(TestApi.COHORT, asOf, n -> { });
            String ruleBase = org.roadmapcoach.engine.evaluation.Evaluator.classpathRuleBase();
            var runs = new org.roadmapcoach.data.run.RunStore(api.store);

            var changed = api.put(policy, TestApi.COORDINATOR, "{\"digest.weekday\": \"Tuesday\", \"digest.enabled\": false}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("digest.weekday").asText()).isEqualTo("tuesday");
            assertThat(changed.json().get("digest.enabled").asBoolean()).isFalse();
            assertThat(runs.currentFindings(TestApi.COHORT, "P05", asOf, ruleBase)).as("a digest change").isPresent();

            var bad = api.put(policy, TestApi.COORDINATOR, "{\"digest.weekday\": \"someday\", \"digest.dailyCap\": -1}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("digest.weekday must be a weekday").contains("digest.dailyCap must be");
            assertThat(api.get(policy, TestApi.COORDINATOR).json().get("digest.weekday").asText()).isEqualTo("tuesday");

            assertThat(api.put(policy, TestApi.COORDINATOR, "{\"milestones.stalledDays\": 28}").status()).isEqualTo(200);
            assertThat(runs.currentFindings(TestApi.COHORT, "P05", asOf, ruleBase)).as("a threshold change").isEmpty();
            assertThat(api.get(policy, TestApi.COORDINATOR).json().get("digest.weekday").asText())
                    .as("PUT replaces the document: left out, back to its default").isEqualTo("monday");
        }
    }
}
