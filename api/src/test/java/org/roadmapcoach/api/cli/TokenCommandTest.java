package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.roadmap.Role;

class TokenCommandTest {

    @TempDir
    Path tmp;

    private Path db() throws Exception {
        Path db = tmp.resolve("coach.db");
        Cli.run("import", "--db", db, "--cohort", "c1", new CohortFolder(java.nio.file.Files.createDirectories(tmp.resolve("c"))).path());
        return db;
    }

    @Test
    void createPrintsARandomTokenOnceThatAuthenticatesAsThePersonsRole() throws Exception {
        Path db = db();

        Cli first = Cli.run("token", "create", "--db", db, "--person", "E1");
        Cli second = Cli.run("token", "create", "--db", db, "--person", "E1");

        assertThat(first.exitCode()).as(first.err()).isZero();
        String token = first.out().strip();
        assertThat(token).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second.out().strip());
        assertThat(first.err()).contains("mentee token for E1 in cohort c1").contains("only its hash");
        try (Store store = Store.open(db)) {
            assertThat(new TokenService(store, Clock.systemUTC()).authenticate("Bearer " + token))
                    .contains(new Caller("E1", Role.MENTEE, "c1"));
            try (Connection connection = store.connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT token_hash FROM api_tokens")) {
                while (rows.next()) {
                    assertThat(rows.getString(1)).doesNotContain(token);
                }
            }
        }
    }

    @Test
    void aRoleThatIsNotThePersonsIsRefusedInOneSentence() throws Exception {
        Cli cli = Cli.run("token", "create", "--db", db(), "--person", "E1", "--role", "coordinator");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("is a mentee in cohort 'c1', not a coordinator").doesNotContain("\tat ");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aTokenForEveryCohortIsGivenOnlyWhenAskedForByNameAndAMenteeMustBeListed() throws Exception {
        Path db = db();

        Cli unasked = Cli.run("token", "create", "--db", db, "--person", "boss", "--role", "coordinator");
        Cli boss = Cli.run("token", "create", "--db", db, "--person", "boss", "--all-cohorts");
        Cli stranger = Cli.run("token", "create", "--db", db, "--person", "nobody", "--role", "mentee");
        Cli badRole = Cli.run("token", "create", "--db", db, "--person", "E1", "--role", "boss");

        assertThat(unasked.exitCode()).isEqualTo(1);
        assertThat(unasked.err()).contains("--all-cohorts");
        assertThat(boss.exitCode()).isZero();
        assertThat(boss.err()).contains("reaching every cohort");
        assertThat(stranger.exitCode()).isEqualTo(1);
        assertThat(stranger.err()).contains("in no cohort");
        assertThat(badRole.exitCode()).isEqualTo(1);
        assertThat(badRole.err()).contains("mentee, mentor, coordinator");
    }

    @Test
    void aSignInLinkAndACalendarFeedArePrintedAsAddressesUnderTheDefaultBaseAndListedWithoutTheirSecrets()
            throws Exception {
        Path db = db();

        Cli link = Cli.run("token", "create", "--db", db, "--person", "E1", "--link");
        Cli feed = Cli.run("token", "create", "--db", db, "--person", "M1", "--calendar");
        Cli list = Cli.run("token", "list", "--db", db);

        assertThat(link.exitCode()).as(link.err()).isZero();
        assertThat(link.out().strip()).matches("http://127\\.0\\.0\\.1:7070/signin\\?link=[A-Za-z0-9_-]{43}");
        assertThat(link.err()).contains("sign-in link for E1").contains("within 15 minutes");
        assertThat(feed.out().strip()).matches("http://127\\.0\\.0\\.1:7070/calendar/[A-Za-z0-9_-]{43}\\.ics");
        String linkSecret = link.out().strip().substring(link.out().strip().indexOf('=') + 1);
        try (Store store = Store.open(db)) {
            TokenService tokens = new TokenService(store, Clock.systemUTC());
            assertThat(tokens.authenticate("Bearer " + linkSecret)).as("a link is no API token").isEmpty();
            assertThat(tokens.signInLinkHolder(linkSecret)).contains(new Caller("E1", Role.MENTEE, "c1"));
        }
        assertThat(list.out()).contains("sign_in").contains("calendar").contains("valid until")
                .doesNotContain(linkSecret);
    }

    @Test
    void revokeTakesOneIdOrEveryTokenOfAPersonAndAnUnknownIdIsOneSentence() throws Exception {
        Path db = db();
        Cli first = Cli.run("token", "create", "--db", db, "--person", "E1");
        Cli.run("token", "create", "--db", db, "--person", "E1", "--calendar");
        Cli.run("token", "create", "--db", db, "--person", "M1");

        Cli one = Cli.run("token", "revoke", "--db", db, "--id", "3");
        Cli unknown = Cli.run("token", "revoke", "--db", db, "--id", "3");
        Cli person = Cli.run("token", "revoke", "--db", db, "--person", "E1");
        Cli neither = Cli.run("token", "revoke", "--db", db);

        assertThat(one.out()).contains("Revoked token 3.");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("There is no token 3").doesNotContain("\tat ");
        assertThat(person.out()).contains("Revoked 2 tokens of E1.");
        assertThat(neither.exitCode()).isEqualTo(2);
        try (Store store = Store.open(db)) {
            assertThat(new TokenService(store, Clock.systemUTC()).authenticate("Bearer " + first.out().strip()))
                    .isEmpty();
        }
    }
}
