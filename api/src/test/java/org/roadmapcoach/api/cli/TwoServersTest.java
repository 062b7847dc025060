package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.data.TestPostgres;

/**
 * Two {@code coach serve} processes on one PostgreSQL database, as behind a load balancer: a write through
 * either shows in the very next call to the other, though each remembers what it read (the cohort's policy,
 * the store's today) while the database is unchanged; a web session begun on one is known to the other.
 */
class TwoServersTest {

    private static final String COHORT = "spring-2026";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWriteThroughOneServerShowsInTheNextCallToTheOther() throws Exception {
        String db = TestPostgres.newDatabase();
        Cli imported = Cli.run("import", "--db", db, "--cohort", COHORT,
                Path.of("..", "data", "src", "main", "resources", "sample", "spring-2026"));
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Cli token = Cli.run("token", "create", "--db", db, "--person", "C01", "--role", "coordinator", "--cohort", COHORT);
        assertThat(token.exitCode()).as(token.err()).isZero();
        String coordinator = token.out().strip();

        ChildCoach.Server one = ChildCoach.serve(db);
        ChildCoach.Server other = ChildCoach.serve(db);
        try {
            assertThat(stalledDays(other, coordinator)).isEqualTo(21);
            assertThat(stalledDays(one, coordinator)).isEqualTo(21);

            assertThat(put(one, "/api/cohorts/" + COHORT + "/policy", coordinator, "{\"milestones.stalledDays\": 30}")
                    .statusCode()).isEqualTo(200);
            assertThat(stalledDays(other, coordinator)).isEqualTo(30);

            assertThat(put(other, "/api/cohorts/" + COHORT + "/policy", coordinator, "{\"milestones.stalledDays\": 25}")
                    .statusCode()).isEqualTo(200);
            assertThat(stalledDays(one, coordinator)).isEqualTo(25);

            // the web app: a session begun on one server is known to the other, whose pages read the same data
            String session = signIn(one, coordinator);
            HttpResponse<String> pairing = page(other, "/pairings/P01?asOf=2026-06-15", session);
            assertThat(pairing.statusCode()).as(pairing.body()).isEqualTo(200);
            assertThat(pairing.body()).contains("Aisha");
            HttpResponse<String> policyPage = page(other, "/cohorts/" + COHORT + "/policy", session);
            assertThat(policyPage.statusCode()).isEqualTo(200);
            assertThat(policyPage.body()).contains("name=\"milestones.stalledDays\" value=\"25\"");
        } finally {
            one.process().destroy();
            other.process().destroy();
        }
        assertThat(one.finalLog() + other.finalLog()).doesNotContain(coordinator);
    }

    @Test
    void aHealthCheckJobStartedThroughOneServerIsFollowedThroughTheOtherToItsRun() throws Exception {
        String db = TestPostgres.newDatabase();
        assertThat(Cli.run("import", "--db", db, "--cohort", COHORT, Path.of("..", "data", "src", "main",
                "resources", "sample", "spring-2026")).exitCode()).isZero();
        String coordinator = Cli.run("token", "create", "--db", db, "--person", "C01", "--role", "coordinator",
                "--cohort", COHORT).out().strip();
        ChildCoach.Server one = ChildCoach.serve(db);
        ChildCoach.Server other = ChildCoach.serve(db);
        try {
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(one.base() + "/api/cohorts/"
                    + COHORT + "/health-checks?asOf=2026-06-15")).header("Authorization", "Bearer " + coordinator)
                    .header("Prefer", "respond-async").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String location = started.headers().firstValue("Location").orElseThrow();

            JsonNode job = Json.mapper().readTree(get(other, location, coordinator).body());
            while (!job.get("status").asText().equals("done")) { // followed through the other server
                assertThat(job.get("status").asText()).isIn("queued", "running");
                Thread.sleep(100);
                HttpResponse<String> reply = get(other, location, coordinator);
                assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
                job = Json.mapper().readTree(reply.body());
            }
            assertThat(job.get("done").intValue()).isEqualTo(job.get("total").intValue()).isPositive();
            HttpResponse<String> run = get(other, job.get("run").asText(), coordinator);
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            assertThat(Json.mapper().readTree(run.body()).get("asOf").asText()).isEqualTo("2026-06-15");
            assertThat(get(other, "/api/cohorts/" + COHORT + "/health-checks/jobs/999", coordinator).statusCode())
                    .isEqualTo(404);
        } finally {
            one.process().destroy();
            other.process().destroy();
        }
    }

    private HttpResponse<String> get(ChildCoach.Server server, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Authorization", "Bearer "
                + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in on {@code server} with a pasted token (the sign-in form's double-submit CSRF token); the session cookie. */
    private String signIn(ChildCoach.Server server, String token) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "coach_signin=csrf1")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=csrf1&token=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(303);
        return reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("coach_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private HttpResponse<String> page(ChildCoach.Server server, String path, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Cookie", session).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private int stalledDays(ChildCoach.Server server, String token) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/cohorts/"
                + COHORT + "/policy")).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        JsonNode policy = Json.mapper().readTree(reply.body());
        return policy.get("milestones.stalledDays").intValue();
    }

    private HttpResponse<String> put(ChildCoach.Server server, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Authorization", "Bearer "
                + token).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
