package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.data.TestPostgres;
import org.roadmapcoach.data.store.Store;

/**
 * The commands on PostgreSQL ({@code --db postgresql://...}): the same answers as on a SQLite file for the
 * sample cohort, and a URL that is never taken for a file name.
 */
class PostgresCommandsTest {

    private static final String COHORT = "spring-2026";
    private static final String AS_OF = "2026-06-15";

    @TempDir
    Path tmp;

    @Test
    void theSampleCohortGetsTheSameHealthCheckAndNextStepsOnPostgresqlAsOnSqlite() {
        String sqlite = tmp.resolve("coach.db").toString();
        String postgres = TestPostgres.newDatabase();
        for (String db : new String[] {sqlite, postgres}) {
            Cli imported = Cli.run("import", "--db", db, "--cohort", COHORT, sampleFolder());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
        }

        assertSameAnswer(sqlite, postgres, "check", "--cohort", COHORT, "--as-of", AS_OF, "--format", "json");
        assertSameAnswer(sqlite, postgres, "report", "--cohort", COHORT, "--format", "json");
        assertSameAnswer(sqlite, postgres, "suggest", "--pairing", "P01", "--as-of", AS_OF, "--json");
        assertSameAnswer(sqlite, postgres, "next-steps", "--person", "C01", "--as-of", AS_OF, "--json");
        assertSameAnswer(sqlite, postgres, "next-steps", "--person", "M01", "--as-of", AS_OF, "--json");
        assertSameAnswer(sqlite, postgres, "policy", "--cohort", COHORT);
    }

    @Test
    void aCheckSplitIntoPartitionsOnPostgresqlPrintsExactlyTheCheckOfOneProcessOnSqlite() {
        String sqlite = tmp.resolve("coach.db").toString();
        String postgres = TestPostgres.newDatabase();
        for (String db : new String[] {sqlite, postgres}) {
            assertThat(Cli.run("import", "--db", db, "--cohort", COHORT, sampleFolder()).exitCode()).isZero();
        }
        for (String asOf : new String[] {"2026-05-15", AS_OF}) { // the second is compared with the first
            Cli whole = Cli.run("check", "--db", sqlite, "--cohort", COHORT, "--as-of", asOf, "--format", "json");
            Cli split = Cli.run("check", "--db", postgres, "--cohort", COHORT, "--as-of", asOf, "--format", "json",
                    "--partitions", "5");
            assertThat(split.exitCode()).as(split.err()).isZero();
            assertThat(split.out()).isEqualTo(whole.out()).contains("\"pairingId\"");
        }
    }

    @Test
    void splittingAChecksIsRefusedOnSqliteWithOneSentence() {
        Path sqlite = tmp.resolve("coach.db");
        assertThat(Cli.run("import", "--db", sqlite, "--cohort", COHORT, sampleFolder()).exitCode()).isZero();

        Cli check = Cli.run("check", "--db", sqlite, "--cohort", COHORT, "--partitions", "4");
        Cli worker = Cli.run("worker", "--db", sqlite);
        Cli tooMany = Cli.run("check", "--db", TestPostgres.newDatabase(), "--cohort", COHORT, "--partitions", "300");

        for (Cli refused : new Cli[] {check, worker}) {
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("PostgreSQL").doesNotContain("Exception").hasLineCount(1);
        }
        assertThat(tooMany.exitCode()).isEqualTo(1);
        assertThat(tooMany.err()).contains("1 to 256").hasLineCount(1);
    }

    @Test
    void anExportFromPostgresqlIsTheExportFromSqliteAndImportsBackAsTheSameCohort() throws Exception {
        String postgres = TestPostgres.newDatabase();
        Path sqlite = tmp.resolve("coach.db");
        Cli.run("import", "--db", postgres, "--cohort", COHORT, sampleFolder());
        Cli.run("import", "--db", sqlite, "--cohort", COHORT, sampleFolder());

        Cli export = Cli.run("export", "--db", postgres, "--cohort", COHORT, "--out", tmp.resolve("from-postgres"));
        Cli.run("export", "--db", sqlite, "--cohort", COHORT, "--out", tmp.resolve("from-sqlite"));
        Cli reimport = Cli.run("import", "--db", tmp.resolve("copy.db"), "--cohort", COHORT, tmp.resolve("from-postgres"));

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(reimport.exitCode()).as(reimport.err()).isZero();
        try (var files = Files.list(tmp.resolve("from-sqlite"))) {
            for (Path file : files.toList()) {
                assertThat(tmp.resolve("from-postgres").resolve(file.getFileName())).hasSameBinaryContentAs(file);
            }
        }
        assertSameAnswer(tmp.resolve("copy.db").toString(), postgres, "check", "--cohort", COHORT, "--as-of", AS_OF,
                "--format", "json");
    }

    @Test
    void aUrlThatReachesNoServerIsOneClearSentenceWithoutThePasswordAndNoFolderIsCreated() {
        Cli cli = Cli.run("check", "--db", "postgresql://coach:s3cret@127.0.0.1:1/coach", "--cohort", COHORT);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("coach: cannot open the database postgresql://coach@127.0.0.1:1/coach")
                .doesNotContain("s3cret").doesNotContain("\tat ").doesNotContain("bug");
        assertThat(Path.of("postgresql:")).doesNotExist();
    }

    @Test
    void aMalformedUrlNamesThePartThatIsWrong() {
        Cli cli = Cli.run("import", "--db", "postgresql://coach:s3cret@localhost:port/coach", "--cohort", COHORT,
                sampleFolder());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("--db: the PostgreSQL URL's port 'port' is not a number from 1 to 65535")
                .doesNotContain("s3cret");
        assertThat(Path.of("postgresql:")).doesNotExist();
    }

    @Test
    void withoutDbNorCoachDbTheCommandSaysWhatIsMissingWithExitTwo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("COACH_DB") == null, "COACH_DB is set");

        Cli cli = Cli.run("check", "--cohort", COHORT);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--db=FILE_OR_URL").contains("COACH_DB");
    }

    @Test
    void theDemoOnPostgresqlPinsTheSampleDayAndPrintsTheCheckAndTheSignInLinksAsOnSqlite() {
        String postgres = TestPostgres.newDatabase();

        Cli onPostgres = Cli.run("demo", "--no-serve", "--db", postgres);
        Cli onSqlite = Cli.run("demo", "--no-serve", "--db", tmp.resolve("coach.db"));

        String shown = postgres.replace("postgres:postgres@", "postgres@");
        assertThat(onPostgres.exitCode()).as(onPostgres.err()).isZero();
        assertThat(onPostgres.out()).contains("Database: " + shown + "; its today is pinned to 2026-06-15")
                .contains("Try: ./coach suggest --db " + shown + " --pairing").doesNotContain("postgres:postgres@");
        assertThat(withoutLinks(onPostgres.out().replace(shown, "DB")))
                .isEqualTo(withoutLinks(onSqlite.out().replace(tmp.resolve("coach.db").toString(), "DB")))
                .contains("Health check of cohort spring-2026 as of 2026-06-15").contains("Try: ./coach match --db DB");
        try (Store store = Store.open(postgres)) {
            assertThat(store.pinnedToday()).contains(LocalDate.of(2026, 6, 15));
            String link = onPostgres.out().lines().filter(line -> line.contains("mentee E05")).findFirst().orElseThrow();
            assertThat(new TokenService(store, Clock.systemUTC()).signInLinkHolder(link.substring(link.indexOf("link=") + 5)))
                    .hasValueSatisfying(caller -> assertThat(caller.personId()).isEqualTo("E05"));
        }
    }

    @Test
    void aDemoWhoseServerIsNotReachedSaysSoInOneSentenceWithoutThePassword() {
        Cli cli = Cli.run("demo", "--no-serve", "--reset", "--db", "postgresql://coach:s3cret@127.0.0.1:1/coach");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("coach: cannot open the database postgresql://coach@127.0.0.1:1/coach")
                .doesNotContain("s3cret").doesNotContain("\tat ");
        assertThat(cli.out()).doesNotContain("Reset:");
    }

    @Test
    void coachDbSelectsTheDemosDatabaseAndTheHintsNeedNoDb() throws Exception {
        String postgres = TestPostgres.newDatabase();
        Path output = tmp.resolve("out.txt");

        Process child = ChildCoach.start(output, java.util.Map.of("COACH_DB", postgres), "demo", "--no-serve");

        assertThat(child.waitFor()).as(Files.readString(output)).isZero();
        assertThat(Files.readString(output)).contains("Try: ./coach suggest --pairing ").contains("Try: ./coach match --cohort")
                .contains("(once served: coach serve)").doesNotContain("--db");
        try (Store store = Store.open(postgres)) {
            assertThat(store.cohort(COHORT)).isPresent();
            assertThat(store.pinnedToday()).contains(LocalDate.of(2026, 6, 15));
        }
    }

    @Test
    void theDemoServesTheWebAppAndTheApiFromPostgresql() throws Exception {
        String postgres = TestPostgres.newDatabase();
        ChildCoach.Server demo = ChildCoach.demo(postgres);
        try {
            String out = demo.log().toString();
            String link = out.lines().filter(line -> line.contains("mentee E05")).findFirst().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(demo.base().resolve("/signin?link="
                    + link.substring(link.indexOf("link=") + 5))).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> steps = http.send(HttpRequest.newBuilder(demo.base().resolve(
                    "/api/pairings/P05/suggestions")).header("Authorization", "Bearer demo-mentee-E05").build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(demo.base().resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(signIn.statusCode()).isEqualTo(200);
            assertThat(signIn.body()).contains("Continue as Lukas Becker");
            assertThat(steps.statusCode()).as(steps.body()).isEqualTo(200);
            assertThat(steps.body()).contains("P05");
            assertThat(health.body()).contains("\"today\":\"2026-06-15\"");
        } finally {
            demo.process().destroy(); // SIGTERM: stops as on Ctrl-C
            demo.finalLog();
        }
    }

    /** The demo's output without its one-time links (new secrets on every run). */
    private static String withoutLinks(String out) {
        return String.join("\n", out.lines().filter(line -> !line.contains("/signin?link=")).toList());
    }

    @Test
    void coachDbSelectsTheDatabaseWhenDbIsNotGiven() throws Exception {
        String postgres = TestPostgres.newDatabase();
        Cli.run("import", "--db", postgres, "--cohort", COHORT, sampleFolder());
        Path output = tmp.resolve("out.txt");

        Process child = ChildCoach.start(output, java.util.Map.of("COACH_DB", postgres), "policy", "--cohort", COHORT);

        assertThat(child.waitFor()).as(Files.readString(output)).isZero();
        assertThat(Files.readString(output)).isEqualTo(Cli.run("policy", "--db", postgres, "--cohort", COHORT).out());
    }

    private static void assertSameAnswer(String sqlite, String postgres, String... command) {
        Cli onSqlite = Cli.run(with(command, sqlite));
        Cli onPostgres = Cli.run(with(command, postgres));

        assertThat(onSqlite.exitCode()).as(String.join(" ", command) + ": " + onSqlite.err()).isZero();
        assertThat(onPostgres.exitCode()).as(String.join(" ", command) + ": " + onPostgres.err()).isZero();
        assertThat(onPostgres.out()).as(String.join(" ", command)).isEqualTo(onSqlite.out()).isNotBlank();
    }

    private static Object[] with(String[] command, String db) {
        Object[] args = new Object[command.length + 2];
        args[0] = command[0];
        args[1] = "--db";
        args[2] = db;
        System.arraycopy(command, 1, args, 3, command.length - 1);
        return args;
    }

    private static Path sampleFolder() {
        return Path.of("..", "data", "src", "main", "resources", "sample", "spring-2026");
    }
}
