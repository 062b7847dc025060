package org.roadmapcoach.app.reach;

import org.roadmapcoach.engine.policy.PolicyKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.app.Links;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.app.healthcheck.HealthCheckService;
import org.roadmapcoach.app.nextsteps.LiveFindings;
import org.roadmapcoach.app.nextsteps.NextStepsService;
import org.roadmapcoach.app.nextsteps.StoredRunFindings;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.digest.OutboxMessage;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.roadmap.Role;

/** The weekly digest over a real SMTP server (GreenMail): one per person and week, exactly once; on SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DigestServiceTest {

    @Parameter
    StoreKind kind;

    private static final Evaluator EVALUATOR = Evaluator.fromClasspath();
    private static final Path SAMPLE = Path.of("..", "data", "src", "main", "resources", "sample", "spring-2026");
    private static final String COHORT = "spring-2026";
    private static final LocalDate D = LocalDate.of(2026, 6, 15);
    private static final String FROM = "coach@example.org";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path temp;

    private Store store;
    private final MovingClock clock = new MovingClock();
    private TokenService tokens;
    private NextStepsService nextSteps;
    private DigestService digests;

    @BeforeEach
    void importTheSample() throws Exception {
        store = kind.open(temp.resolve("coach.db"));
        assertThat(new CohortImporter(store).importPaths(COHORT, List.of(SAMPLE)).ok()).isTrue();
        tokens = new TokenService(store, clock);
        var findings = new StoredRunFindings(new RunStore(store), EVALUATOR.ruleBase(),
                new LiveFindings(store, () -> EVALUATOR));
        nextSteps = new NextStepsService(store, findings, clock);
        digests = new DigestService(store, new Access(store), nextSteps,
                () -> new HealthCheckService(store, EVALUATOR, clock), tokens, new Links("https://coach.example.org"),
                clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SmtpMailer mailer(int port) {
        return new SmtpMailer(SmtpSettings.of(null, "127.0.0.1", Integer.toString(port), null, null, FROM, null, FROM));
    }

    private DigestService.Outcome run(LocalDate asOf) {
        try (SmtpMailer mailer = mailer(MAIL.getSmtp().getPort())) {
            return digests.run(COHORT, asOf, FROM, mailer);
        }
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString().replaceAll(".*<|>.*", "");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MimeMessage received(String email) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> to(m).equals(email)).findFirst().orElseThrow();
    }

    @Test
    void everyoneWithAnEmailAndSomethingToActOnGetsOneDigestWithTheirStepsAndSignInLinks() throws Exception {
        DigestService.Outcome outcome = run(D);

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(outcome.failed()).isEmpty();
        assertThat(outcome.sent()).isEqualTo(received.length).isEqualTo(outcome.queued()).isGreaterThan(5);
        assertThat(Arrays.stream(received).map(DigestServiceTest::to).distinct()).hasSize(received.length);

        // Lukas Becker (E05, mentee of P05) gets his next steps, each linking to P05's page with his own sign-in
        MimeMessage lukas = received("lukas.becker@brightforge.example");
        String body = GreenMailUtil.getBody(lukas);
        var own = nextSteps.acrossPairings(new Caller("E05", Role.MENTEE, COHORT),
                new Access(store).pairingsOf(new Caller("E05", Role.MENTEE, COHORT)), D, 100, 0).steps();
        assertThat(own).isNotEmpty();
        String text = lukas.getContent() instanceof jakarta.mail.Multipart parts
                ? parts.getBodyPart(0).getContent().toString() : body;
        own.forEach(step -> assertThat(text).contains(step.nextStep()));
        Matcher link = Pattern.compile("https://coach\\.example\\.org/signin\\?link=([A-Za-z0-9_-]+)&next=%2Fpairings%2FP05")
                .matcher(text);
        assertThat(link.find()).isTrue();
        assertThat(tokens.signInLinkHolder(link.group(1))).contains(new Caller("E05", Role.MENTEE, COHORT));
        assertThat(header(lukas, "List-Unsubscribe")).startsWith("<https://coach.example.org/unsubscribe/");
        assertThat(header(lukas, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(lukas.getContentType()).startsWith("multipart/alternative");
        String html = ((jakarta.mail.Multipart) lukas.getContent()).getBodyPart(1).getContent().toString();
        assertThat(html).contains("href=\"https://coach.example.org/signin?link=").doesNotContain("<script");

        // the coordinator gets the cohort's health and her next steps
        String marisol = ((jakarta.mail.Multipart) received("marisol.cruz@brightforge.example").getContent())
                .getBodyPart(0).getContent().toString();
        assertThat(marisol).contains("Cohort health as of " + D).contains("red").contains("next=%2Fcohorts%2Fspring-2026");

        // the outbox keeps what was sent, when, and the server's reply
        List<OutboxMessage> outbox = digests.outbox(COHORT);
        assertThat(outbox).hasSize(received.length).allSatisfy(m -> {
            assertThat(m.sentAt()).isEqualTo(clock.instant());
            assertThat(m.serverReply()).startsWith("250");
            assertThat(m.week()).isEqualTo(D);
        });
        assertThat(outbox.stream().map(OutboxMessage::messageId).collect(Collectors.toSet()))
                .isEqualTo(Arrays.stream(received).map(m -> header(m, "Message-ID")).collect(Collectors.toSet()));
    }

    @Test
    void aSecondRunOfTheSameWeekSendsNothing() {
        int first = run(D).sent();
        clock.advance(Duration.ofHours(3));

        DigestService.Outcome again = run(D.plusDays(2));

        assertThat(again.queued()).isZero();
        assertThat(again.sent()).isZero();
        assertThat(MAIL.getReceivedMessages()).hasSize(first);
    }

    @Test
    void digestsWrittenToTheOutboxByARunThatDiedBeforeSendingAreSentOnceWithTheirMessageId() {
        int queued = digests.queue(COHORT, D, FROM); // the process dies here, after the outbox's commit
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        Set<String> written = digests.outbox(COHORT).stream().map(OutboxMessage::messageId).collect(Collectors.toSet());

        DigestService.Outcome next = run(D);

        assertThat(next.queued()).as("the week's digests were written already").isZero();
        assertThat(next.sent()).isEqualTo(queued);
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(m -> header(m, "Message-ID")).collect(Collectors.toSet()))
                .isEqualTo(written);
        assertThat(run(D).sent()).isZero();
        assertThat(MAIL.getReceivedMessages()).hasSize(queued);
    }

    @Test
    void aRefusedRecipientDoesNotStopTheOthersAndIsRetriedByTheNextRun() throws Exception {
        try (RefusingRelay relay = new RefusingRelay(MAIL.getSmtp().getPort())) {
            relay.refused.add("lukas.becker@brightforge.example");
            DigestService.Outcome first;
            try (SmtpMailer mailer = mailer(relay.port())) {
                first = digests.run(COHORT, D, FROM, mailer);
            }
            assertThat(first.failed()).singleElement().asString().startsWith("E05: 550");
            assertThat(first.sent()).isEqualTo(first.queued() - 1);
            assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(DigestServiceTest::to))
                    .doesNotContain("lukas.becker@brightforge.example").hasSize(first.sent());
            OutboxMessage refused = digests.outbox(COHORT).stream().filter(m -> m.personId().equals("E05"))
                    .findFirst().orElseThrow();
            assertThat(refused.sentAt()).isNull();
            assertThat(refused.lastError()).startsWith("550");

            relay.refused.clear();
            clock.advance(Duration.ofHours(1));
            DigestService.Outcome retry;
            try (SmtpMailer mailer = mailer(relay.port())) {
                retry = digests.run(COHORT, D, FROM, mailer);
            }
            assertThat(retry.sent()).isEqualTo(1);
            assertThat(header(received("lukas.becker@brightforge.example"), "Message-ID")).isEqualTo(refused.messageId());
            assertThat(MAIL.getReceivedMessages()).hasSize(first.queued());
        }
    }

    @Test
    void anUnsubscribedPersonGetsNoMoreDigests() throws Exception {
        run(D);
        String unsubscribe = header(received("lukas.becker@brightforge.example"), "List-Unsubscribe");
        String token = unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1, unsubscribe.length() - 1);
        assertThat(new Unsubscribes(store, clock).nameOf(token)).isEqualTo("Lukas Becker");

        new Unsubscribes(store, clock).unsubscribe(token);
        new Unsubscribes(store, clock).unsubscribe(token); // twice is fine
        clock.advance(Duration.ofDays(7));
        run(D.plusDays(7));

        assertThat(new Unsubscribes(store, clock).isUnsubscribed(COHORT, "E05")).isTrue();
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).filter(m -> to(m).equals("lukas.becker@brightforge.example")))
                .hasSize(1);
        assertThat(digests.outbox(COHORT)).filteredOn(m -> m.personId().equals("E05")).hasSize(1);
    }

    @Test
    void anUnknownUnsubscribeTokenIsNotFound() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Unsubscribes(store, clock).unsubscribe("no-such-token"))
                .isInstanceOf(org.roadmapcoach.app.problem.NotFoundException.class);
    }

    @Test
    void aPersonWithoutAnEmailGetsNothing() {
        store.inTransaction(connection -> {
            try (var update = connection.prepareStatement("UPDATE people SET email = '' WHERE id = 'E05'")) {
                return update.executeUpdate();
            }
        });

        run(D);

        assertThat(digests.outbox(COHORT)).extracting(OutboxMessage::personId).isNotEmpty().doesNotContain("E05");
    }

    @Test
    void nothingSentWithinResendDaysIsSentAgainAndSomeoneWithNothingNewGetsNoEmail() {
        digests.savePolicy(COHORT, digests.policy(COHORT).with(PolicyKey.DIGEST_RESEND_DAYS, "14"));
        run(D);
        Map<String, String> before = stepsOfEveryone(D);
        LocalDate next = D.plusDays(7);
        Map<String, String> after = stepsOfEveryone(next);
        clock.advance(Duration.ofDays(7));

        run(next);

        Set<String> emailedNextWeek = digests.outbox(COHORT).stream().filter(m -> m.week().equals(next))
                .map(OutboxMessage::personId).collect(Collectors.toSet());
        List<String> unchanged = after.keySet().stream().filter(p -> after.get(p).equals(before.get(p))).toList();
        assertThat(unchanged).as("people whose next steps did not change").isNotEmpty();
        assertThat(emailedNextWeek).doesNotContainAnyElementsOf(unchanged);
    }

    /** Each mentee's and mentor's next steps as "rule subject severity" lines, by person. */
    private Map<String, String> stepsOfEveryone(LocalDate asOf) {
        Access access = new Access(store);
        Map<String, String> steps = new java.util.TreeMap<>();
        store.forEachRecord(org.roadmapcoach.data.store.Tables.PEOPLE, COHORT, person -> {
            if (person.role() != Role.COORDINATOR) {
                Caller caller = new Caller(person.id(), person.role(), COHORT);
                steps.put(person.id(), nextSteps.acrossPairings(caller, access.pairingsOf(caller), asOf, 1000, 0)
                        .steps().stream().map(f -> f.pairingId() + " " + f.ruleId() + " " + f.subjectId() + " "
                                + f.severity()).sorted().collect(Collectors.joining("\n")));
            }
        });
        return steps;
    }

    @Test
    void theDailyCapHoldsAndTheRestGoesTheNextDay() {
        digests.savePolicy(COHORT, digests.policy(COHORT).with(PolicyKey.DIGEST_DAILY_CAP, "3"));

        DigestService.Outcome first = run(D);
        assertThat(first.sent()).isEqualTo(3);
        assertThat(first.held()).isEqualTo(first.queued() - 3);
        assertThat(run(D).sent()).as("the same day").isZero();
        assertThat(MAIL.getReceivedMessages()).hasSize(3);

        clock.advance(Duration.ofDays(1));
        assertThat(run(D.plusDays(1)).sent()).isEqualTo(3);
        assertThat(MAIL.getReceivedMessages()).hasSize(6);
    }

    @Test
    void theKillSwitchSendsNothing() {
        digests.savePolicy(COHORT, digests.policy(COHORT).with(PolicyKey.DIGEST_ENABLED, "false"));

        DigestService.Outcome outcome = run(D);

        assertThat(outcome.enabled()).isFalse();
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        assertThat(digests.outbox(COHORT)).isEmpty();
    }

    @Test
    void aDryRunWritesNothingAndItsLinksAreNoValidSignIn() {
        List<DigestService.Preview> previews = digests.preview(COHORT, D, FROM);

        assertThat(previews).isNotEmpty();
        assertThat(previews.get(0).message()).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        assertThat(digests.outbox(COHORT)).isEmpty();
        assertThat(tokens.list(null)).isEmpty();
        assertThat(digests.preview(COHORT, D, FROM)).hasSize(previews.size());
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-06-15T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
