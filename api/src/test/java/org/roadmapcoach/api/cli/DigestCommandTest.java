package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.store.Store;

/** {@code coach digest}: .eml files on a dry run, and each digest sent once to a real SMTP server; on SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DigestCommandTest {

    @Parameter
    StoreKind kind;

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path tmp;

    private String db;

    @BeforeEach
    void importTheSample() {
        db = kind.address(tmp.resolve("coach.db"));
        try (Store store = Store.open(db)) {
            assertThat(new CohortImporter(store).importSources(SampleCohort.ID, SampleCohort.files()).ok()).isTrue();
        }
    }

    @Test
    void aDryRunWritesReadableEmlFilesAndSendsNothing() throws Exception {
        Path out = tmp.resolve("digests");

        Cli cli = Cli.run("digest", "--db", db, "--as-of", "2026-06-15", "--dry-run", "--out", out);

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<Path> files;
        try (Stream<Path> list = Files.list(out)) {
            files = list.sorted().toList();
        }
        assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith("2026-06-15-")
                .endsWith(".eml"));
        String lukas = Files.readString(out.resolve("2026-06-15-E05.eml"));
        assertThat(lukas).contains("To: Lukas Becker <lukas.becker@brightforge.example>")
                .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click").contains("Content-Type: text/html");
        assertThat(cli.out()).contains("Dry run for the week of 2026-06-15").contains(files.size() + " digests");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void digestsAreSentToTheSmtpServerOnceAWeek() {
        String smtp = "127.0.0.1:" + MAIL.getSmtp().getPort();

        Cli first = Cli.run("digest", "--db", db, "--as-of", "2026-06-15", "--smtp", smtp);
        Cli second = Cli.run("digest", "--db", db, "--as-of", "2026-06-17", "--smtp", smtp);

        assertThat(first.exitCode()).as(first.err()).isZero();
        int sent = MAIL.getReceivedMessages().length;
        assertThat(sent).isGreaterThan(5);
        assertThat(first.out()).contains("Week of 2026-06-15: " + sent + " digests written to the outbox, " + sent
                + " sent");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("0 digests written to the outbox, 0 sent");
        assertThat(MAIL.getReceivedMessages()).hasSize(sent);
    }

    @Test
    void badSettingsAreOneSentenceAndExitOne() {
        Cli badPort = Cli.run("digest", "--db", db, "--smtp", "localhost:http");
        Cli outWithoutDryRun = Cli.run("digest", "--db", db, "--out", tmp.resolve("x"));
        Cli noCohort = Cli.run("digest", "--db", db, "--cohort", "nope", "--dry-run", "--out", tmp.resolve("y"));

        assertThat(badPort.exitCode()).isEqualTo(1);
        assertThat(badPort.err()).contains("SMTP port").doesNotContain("\tat ");
        assertThat(outWithoutDryRun.exitCode()).isEqualTo(1);
        assertThat(outWithoutDryRun.err()).contains("--out goes with --dry-run");
        assertThat(noCohort.exitCode()).isEqualTo(1);
        assertThat(noCohort.err()).contains("no cohort 'nope'");
    }

    @Test
    void serveWithDigestsButNoSmtpServerSaysSoBeforeItStarts() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("COACH_SMTP_HOST") == null);

        Cli cli = Cli.run("serve", "--db", db, "--port", "0", "--digests");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("Digests need an SMTP server: set COACH_SMTP_HOST");
    }
}
