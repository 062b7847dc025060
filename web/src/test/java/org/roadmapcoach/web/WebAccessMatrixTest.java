package org.roadmapcoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages and a pair's form for every kind of visitor: nobody signed in, the cohort's coordinator, the
 * pair of P05 (E05, M03) and the pair of P01 (E01, M01), whose P05 is the same 404 page as no pairing.
 */
class WebAccessMatrixTest {

    @TempDir
    Path tmp;

    private static final String[] PEOPLE = {null, "C01", "E05", "E01", "M03", "M01"};
    // GET /me, GET /pairings/P05, POST /pairings/P05/checkins (with the visitor's CSRF token)
    private static final int[][] STATUSES = {
        {303, 303, 403},
        {200, 200, 403},
        {200, 200, 303},
        {200, 404, 404},
        {200, 200, 303},
        {200, 404, 404},
    };

    @Test
    void eachVisitorGetsWhatTheirRoleAndPairingsAllow() {
        try (TestWeb server = TestWeb.start(tmp)) {
            SoftAssertions soft = new SoftAssertions();
            for (int i = 0; i < PEOPLE.length; i++) {
                WebClient client = new WebClient(server);
                if (PEOPLE[i] != null) {
                    client.signInAs(PEOPLE[i]);
                }
                String who = PEOPLE[i] == null ? "nobody" : PEOPLE[i];
                var me = client.get("/me");
                soft.assertThat(me.statusCode()).as(who + " GET /me").isEqualTo(STATUSES[i][0]);
                var pairing = client.get("/pairings/P05");
                soft.assertThat(pairing.statusCode()).as(who + " GET /pairings/P05").isEqualTo(STATUSES[i][1]);
                if (pairing.statusCode() != 200) {
                    soft.assertThat(pairing.body()).as(who).doesNotContain("Lukas").doesNotContain("P05-O1");
                }
                String page = client.get("/signin").body();
                var post = client.post("/pairings/P05/checkins", WebClient.withCsrf(PEOPLE[i] == null ? page : me.body(),
                        Map.of("date", "2026-06-16")));
                soft.assertThat(post.statusCode()).as(who + " POST /pairings/P05/checkins").isEqualTo(STATUSES[i][2]);
            }
            soft.assertAll();
            assertThat(server.store.roadmap(TestWeb.COHORT, "P05").orElseThrow().checkIns())
                    .filteredOn(c -> c.date().toString().equals("2026-06-16")).hasSize(2);
        }
    }
}
