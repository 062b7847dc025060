package org.roadmapcoach.web.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.app.matching.MatchingService;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.generator.CohortGenerator;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Pairing;

/**
 * The mentor matching page without a browser (MATCHING.md, WEB.md): the sample's proposals and unmatched
 * mentees explained, access, CSRF, accepting some or all, and a repeat accept said as a notice.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class MatchingRoutesTest {

    @Parameter
    StoreKind kind;

    private static final String PAGE = "/cohorts/" + CohortWeb.COHORT + "/matching";

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

    @Test
    void theCoordinatorSeesTheProposalsBestFirstWithTheirScorePartsAlternativesAndTheUnmatchedWithWhy() {
        server.signInAs("C01", CohortWeb.COHORT);
        assertThat(server.get("/cohorts/" + CohortWeb.COHORT).body()).contains("href=\"" + PAGE + "\"");

        HttpResponse<String> page = server.get(PAGE);

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("7 waiting mentees, 4 mentors with free places; the proposal matches 4")
                .contains("total fit, 82");
        // best first, as docs/sample-cohort.md works it by hand: E14-M08 25, E15-M05 23, E16-M09 22, E19-M10 12
        String proposals = body.substring(body.indexOf("<table class=\"proposals\">"), body.indexOf("</table>"));
        assertThat(order(proposals, "Olivia Park", "Samuel Adeyemi", "Chloe Dubois", "Rafael Moreno")).isTrue();
        assertThat(proposals).contains("<label for=\"pair-1\">Accept Olivia Park with Noor Haddad</label>")
                .contains("covers sql, data analysis (20 points)")
                .contains("serves the ambitions: people leadership (3 points)").contains("another department (2 points)").contains("<strong>25</strong>")
                .contains("Noor Haddad <span class=\"muted\">(M08)</span>: fit 12, 1 free place");
        String unmatched = body.substring(body.indexOf("<table class=\"unmatched\">"));
        assertThat(unmatched).contains("Ibrahim Khan").contains("<code>no-cover</code>").contains("kotlin multiplatform")
                .contains("Mei Tanaka").contains("<code>no-gaps</code>").contains("Nadia Rossi")
                .contains("<code>no-place</code>");
    }

    @Test
    void aMenteeAMentorAnotherCohortsCoordinatorAndNobodySignedInGetWhatAMissingPageGets() {
        assertThat(server.get(PAGE).statusCode()).as("signed out: to sign in").isEqualTo(303);

        server.signInAs("E14", CohortWeb.COHORT);
        HttpResponse<String> mentee = server.get(PAGE);
        assertThat(mentee.statusCode()).isEqualTo(404);

        server.signInAs("M08", CohortWeb.COHORT);
        assertThat(server.get(PAGE).statusCode()).as("a mentor with free places").isEqualTo(404);

        server.signInAs("C01", CohortWeb.OTHER);
        HttpResponse<String> other = server.get(PAGE);
        assertThat(other.statusCode()).isEqualTo(404);
        HttpResponse<String> missing = server.get("/cohorts/no-such-cohort/matching");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(mainOf(other.body())).isEqualTo(mainOf(missing.body())).isEqualTo(mainOf(mentee.body()));
        HttpResponse<String> accept = server.post(PAGE, CohortWeb.withCsrf(server.get("/cohorts/" + CohortWeb.OTHER
                + "/matching").body(), Map.of("all", "on", "shown", "3:E14M08")));
        assertThat(accept.statusCode()).as("another cohort's coordinator cannot accept").isEqualTo(404);
        assertThat(pairingsOf("E14")).isEmpty();
    }

    @Test
    void acceptingWithoutTheCsrfTokenIsRefusedAndMakesNothing() {
        server.signInAs("C01", CohortWeb.COHORT);
        HttpResponse<String> refused = server.post(PAGE, Map.of("all", "on", "shown", "3:E14M08"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(pairingsOf("E14")).isEmpty();
    }

    @Test
    void acceptingTheSelectedMakesExactlyThosePairingsAndAcceptingThemAgainSaysTheyAreTaken() {
        server.signInAs("C01", CohortWeb.COHORT);
        String page = server.get(PAGE).body();
        List<String> values = values(page, "pair");
        assertThat(values).hasSize(4);

        HttpResponse<String> made = server.post(PAGE, CohortWeb.withCsrf(page, Map.of("pair", values.get(0))),
                "pair", values.get(2));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(made.body()).contains("2 pairings are made.").contains("<strong>E14-M08</strong>: Olivia Park with"
                + " Noor Haddad").contains("<strong>E16-M09</strong>: Chloe Dubois with Tomás Silva");
        assertThat(pairingsOf("E14")).extracting(Pairing::mentorId).containsExactly("M08");
        assertThat(pairingsOf("E16")).extracting(Pairing::mentorId).containsExactly("M09");
        assertThat(pairingsOf("E15")).as("not selected").isEmpty();
        assertThat(pairingsOf("E19")).isEmpty();
        Pairing e14 = pairingsOf("E14").get(0);
        assertThat(e14.startDate()).isEqualTo(CohortWeb.SAMPLE_DAY);
        assertThat(e14.cadenceDays()).isEqualTo(14);
        assertThat(made.body()).as("the page proposes for those still waiting").contains("the proposal matches 2");

        HttpResponse<String> again = server.post(PAGE, CohortWeb.withCsrf(page, Map.of("pair", values.get(0))));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("<p class=\"error\" role=\"alert\">Nothing was made:").contains("E14")
                .contains("Proposals, best first").doesNotContain("That cannot be done now");
        assertThat(pairingsOf("E14")).hasSize(1);
    }

    @Test
    void acceptAllMakesEveryShownProposalInOneGoAndNothingSelectedMakesNothing() {
        server.signInAs("C01", CohortWeb.COHORT);
        String page = server.get(PAGE).body();

        HttpResponse<String> none = server.post(PAGE, CohortWeb.withCsrf(page, Map.of()));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("select at least one proposal");

        List<String> shown = values(page, "shown");
        HttpResponse<String> all = server.post(PAGE, CohortWeb.withCsrf(page, Map.of("all", "on", "shown",
                shown.get(0))), "shown", shown.get(1), "shown", shown.get(2), "shown", shown.get(3));
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).contains("4 pairings are made.").contains("No proposal");
        for (String mentee : List.of("E14", "E15", "E16", "E19")) {
            assertThat(pairingsOf(mentee)).as(mentee).hasSize(1);
        }

        HttpResponse<String> stale = server.post(PAGE, CohortWeb.withCsrf(page, Map.of("all", "on", "shown",
                shown.get(3))));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Nothing was made:");
    }

    @Test
    void aValueTheFormNeverMadeIsAMistakeOfTheForm() {
        server.signInAs("C01", CohortWeb.COHORT);
        String page = server.get(PAGE).body();
        HttpResponse<String> bad = server.post(PAGE, CohortWeb.withCsrf(page, Map.of("pair", "E14M08")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("reload the page");
        assertThat(pairingsOf("E14")).isEmpty();
    }

    @Test
    void aLargeCohortListsAsManyProposalsAsOneAcceptMayMakeAndAcceptingAllOfThemProposesForTheRest()
            throws Exception {
        Path files = tmp.resolve("big");
        CohortGenerator.generate(files, 2, 1, 2_500);
        assertThat(new CohortImporter(server.store).importPaths("big", List.of(files)).ok()).isTrue();
        server.signInAs("C01", "big");

        String page = server.get("/cohorts/big/matching").body();
        Matcher matched = Pattern.compile("the proposal matches (\\d+) ").matcher(page);
        assertThat(matched.find()).isTrue();
        int total = Integer.parseInt(matched.group(1));
        assertThat(total).as("more than one accept may make").isGreaterThan(MatchingService.MAX_PAIRINGS);
        List<String> shown = values(page, "shown");
        assertThat(shown).hasSize(MatchingService.MAX_PAIRINGS).doesNotHaveDuplicates();
        assertThat(page).contains("The best 1000 of " + total + " proposals are listed")
                .contains("Accept all 1000");

        List<String> form = new ArrayList<>();
        shown.forEach(value -> {
            form.add("shown");
            form.add(value);
        });
        HttpResponse<String> all = server.post("/cohorts/big/matching", CohortWeb.withCsrf(page, Map.of("all", "on")),
                form.toArray(String[]::new));
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).contains("1000 pairings are made.").contains("the proposal matches ");
        List<Pairing> made = new ArrayList<>();
        server.store.forEachRecord(Tables.PAIRINGS, "big", made::add);
        assertThat(made).hasSize(2 + MatchingService.MAX_PAIRINGS);
    }

    private List<Pairing> pairingsOf(String menteeId) {
        List<Pairing> found = new ArrayList<>();
        server.store.forEachRecord(Tables.PAIRINGS, CohortWeb.COHORT, p -> {
            if (p.menteeId().equals(menteeId)) {
                found.add(p);
            }
        });
        return found;
    }

    private static List<String> values(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static boolean order(String text, String... parts) {
        int at = -1;
        for (String part : parts) {
            int next = text.indexOf(part);
            if (next <= at) {
                return false;
            }
            at = next;
        }
        return true;
    }

    private static String mainOf(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }
}
