package org.roadmapcoach.app.reach;

import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.roadmapcoach.app.Links;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.app.healthcheck.HealthCheck;
import org.roadmapcoach.app.healthcheck.HealthCheckService;
import org.roadmapcoach.app.nextsteps.NextStepsService;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.digest.DigestStore;
import org.roadmapcoach.data.digest.HistoryEntry;
import org.roadmapcoach.data.digest.OutboxMessage;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.store.RecordLookup;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * The weekly digests of REACH.md, exactly once: each person's digest of a week is composed, then written
 * to the outbox (at most one per person and week) with its items in their history, and only then sent.
 * A send the server confirmed is never repeated; one it did not confirm (refused, or the process died)
 * is retried by the next run with the same message and {@code Message-ID}. Opt-outs, the kill switch
 * {@code digest.enabled} and {@code digest.dailyCap} are respected on every run.
 */
public final class DigestService {

    private static final String DRY_RUN = "dry-run";

    private final Store store;
    private final DigestStore digests;
    private final DigestPolicies policies;
    private final RecordLookup lookup;
    private final DigestComposer composer;
    private final RunStore runs;
    private final Supplier<HealthCheckService> healthChecks;
    private final TokenService tokens;
    private final Links links;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DigestService(Store store, Access access, NextStepsService nextSteps,
                         Supplier<HealthCheckService> healthChecks, TokenService tokens, Links links, Clock clock) {
        this.store = store;
        this.digests = new DigestStore(store);
        this.policies = new DigestPolicies(store);
        this.lookup = new RecordLookup(store);
        this.runs = new RunStore(store);
        this.composer = new DigestComposer(access, nextSteps, runs);
        this.healthChecks = healthChecks;
        this.tokens = tokens;
        this.links = links;
        this.clock = clock;
    }

    /** A digest written as a file instead of sent ({@code coach digest --dry-run}). */
    public record Preview(String personId, String recipient, String message) {
    }

    /**
     * What a run did.
     *
     * @param queued digests written to the outbox by this run
     * @param sent digests the server accepted in this run (this week's and earlier unconfirmed ones)
     * @param failed sends that failed in this run, each "person: reason"; they are retried by the next run
     * @param held unsent digests left for another day by {@code digest.dailyCap}
     */
    public record Outcome(String cohortId, LocalDate week, boolean enabled, int queued, int sent, List<String> failed,
                          int held) {
    }

    /** The Monday of the week of {@code date}: the week a digest belongs to. */
    public static LocalDate weekOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The cohort's digest settings. */
    public DigestPolicy policy(String cohortId) {
        return policies.of(cohortId);
    }

    /** Saves the cohort's digest settings (stored runs stay valid: they answer for rule thresholds only). */
    public void savePolicy(String cohortId, DigestPolicy policy) {
        policies.save(cohortId, policy);
    }

    /** The week's digests as they would be sent, without writing anything (links carry no valid token). */
    public List<Preview> preview(String cohortId, LocalDate asOf, String from) {
        DigestPolicy policy = policy(cohortId);
        LocalDate week = weekOf(asOf);
        Map<String, Person> people = people(cohortId);
        Set<String> optedOut = digests.unsubscribed(cohortId);
        DigestComposer.CohortPicture picture = composer.picture(latestCheck(cohortId), people);
        List<Preview> previews = new ArrayList<>();
        for (Person person : recipients(people, optedOut)) {
            if (digests.hasDigest(cohortId, person.id(), week)) {
                continue;
            }
            composer.compose(cohortId, person, asOf, week, picture, people, digests.history(cohortId, person.id()),
                    policy.resendDays()).ifPresent(digest -> previews.add(new Preview(person.id(), person.email(),
                            DigestMail.render(digest, sender(from), messageId(), clock.instant(),
                                    page -> links.signIn(DRY_RUN, page), home(digest), links.unsubscribe(DRY_RUN)))));
        }
        return previews;
    }

    /**
     * Runs the week of {@code asOf}: stores a health check as of that date for the coordinators' picture
     * (unless the latest is of that date), writes the week's new digests to the outbox, then sends every
     * unconfirmed one within the daily cap.
     */
    public Outcome run(String cohortId, LocalDate asOf, String from, Mailer mailer) {
        DigestPolicy policy = policy(cohortId);
        LocalDate week = weekOf(asOf);
        if (!policy.enabled()) {
            return new Outcome(cohortId, week, false, 0, 0, List.of(), 0);
        }
        if (runs.latest(cohortId).map(r -> !r.asOf().equals(asOf)).orElse(true)) {
            healthChecks.get().run(cohortId, asOf, done -> { });
        }
        int queued = queue(cohortId, asOf, from);
        Outcome sent = send(cohortId, mailer);
        return new Outcome(cohortId, week, true, queued, sent.sent(), sent.failed(), sent.held());
    }

    /**
     * Writes the week's new digests to the outbox, each with fresh sign-in links (7 days) and an unsubscribe
     * link, and its items into the person's history; sends nothing. How many were written.
     */
    public int queue(String cohortId, LocalDate asOf, String from) {
        DigestPolicy policy = policy(cohortId);
        if (!policy.enabled()) {
            return 0;
        }
        LocalDate week = weekOf(asOf);
        Map<String, Person> people = people(cohortId);
        Set<String> optedOut = digests.unsubscribed(cohortId);
        DigestComposer.CohortPicture picture = composer.picture(latestCheck(cohortId), people);
        int queued = 0;
        for (Person person : recipients(people, optedOut)) {
            if (digests.hasDigest(cohortId, person.id(), week)) {
                continue; // once per person and week
            }
            Optional<Digest> digest = composer.compose(cohortId, person, asOf, week, picture, people,
                    digests.history(cohortId, person.id()), policy.resendDays());
            if (digest.isPresent() && write(digest.get(), from)) {
                queued++;
            }
        }
        return queued;
    }

    /** Sends every unconfirmed digest of the cohort, oldest first, within the daily cap. */
    public Outcome send(String cohortId, Mailer mailer) {
        DigestPolicy policy = policy(cohortId);
        List<OutboxMessage> unsent = digests.unsent(cohortId);
        if (!policy.enabled()) {
            return new Outcome(cohortId, null, false, 0, 0, List.of(), unsent.size());
        }
        Set<String> optedOut = digests.unsubscribed(cohortId);
        int room = policy.dailyCap() - digests.sentOn(cohortId, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        int sent = 0;
        int held = 0;
        List<String> failed = new ArrayList<>();
        for (OutboxMessage message : unsent) {
            if (optedOut.contains(message.personId())) {
                continue; // unsubscribed after it was written: never sent
            }
            if (sent >= room) {
                held++;
                continue;
            }
            try {
                String reply = mailer.send(message.recipient(), message.message());
                digests.confirm(message.id(), clock.instant(), reply);
                sent++;
            } catch (Mailer.MailFailure e) {
                digests.fail(message.id(), clock.instant(), e.getMessage());
                failed.add(message.personId() + ": " + e.getMessage());
            }
        }
        return new Outcome(cohortId, unsent.isEmpty() ? null : unsent.get(0).week(), true, 0, sent, failed, held);
    }

    /** Every digest of the cohort in the outbox, oldest first: what was sent, when, and the server's reply. */
    public List<OutboxMessage> outbox(String cohortId) {
        requireCohort(cohortId);
        return digests.outbox(cohortId);
    }

    private boolean write(Digest digest, String from) {
        Person person = digest.person();
        Map<String, String> signIns = new HashMap<>();
        Function<String, String> signIn = page -> signIns.computeIfAbsent(page, p -> links.signIn(
                tokens.createSignInLink(person.id(), person.role(), digest.cohortId(), false,
                        TokenService.DIGEST_LINK_LIFE).token(), p));
        String unsubscribe = secret();
        String messageId = messageId();
        String message = DigestMail.render(digest, sender(from), messageId, clock.instant(), signIn, home(digest),
                links.unsubscribe(unsubscribe));
        List<HistoryEntry> items = digest.items().stream()
                .map(i -> new HistoryEntry(i.key(), i.severity().code(), digest.asOf())).toList();
        return digests.queue(new DigestStore.Queued(digest.cohortId(), person.id(), digest.week(), person.email().strip(),
                messageId, message, items, unsubscribe), clock.instant());
    }

    private List<Person> recipients(Map<String, Person> people, Set<String> optedOut) {
        return people.values().stream().filter(p -> !optedOut.contains(p.id())).filter(DigestService::hasEmail).toList();
    }

    private static boolean hasEmail(Person person) {
        if (person.email() == null || person.email().isBlank()) {
            return false;
        }
        try {
            DigestMail.address(person.email().strip(), person.name());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String home(Digest digest) {
        return digest.person().role() == Role.COORDINATOR ? "/cohorts/" + digest.cohortId() : "/me";
    }

    private Optional<HealthCheck> latestCheck(String cohortId) {
        return runs.latest(cohortId).isEmpty() ? Optional.empty() : healthChecks.get().latest(cohortId);
    }

    private Map<String, Person> people(String cohortId) {
        requireCohort(cohortId);
        Map<String, Person> people = new LinkedHashMap<>();
        store.forEachRecord(Tables.PEOPLE, cohortId, p -> people.put(p.id(), p));
        return people;
    }

    private void requireCohort(String cohortId) {
        if (store.cohort(cohortId).isEmpty()) {
            throw new NotFoundException("There is no cohort '" + cohortId + "' in this database.");
        }
    }

    private InternetAddress sender(String from) {
        try {
            return DigestMail.address(from, "Roadmap Coach");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The From address '" + from + "' is not an email address.");
        }
    }

    private String messageId() {
        String host = URI.create(links.baseUrl()).getHost();
        return "<digest." + UUID.randomUUID() + "@" + (host == null ? "roadmap-coach" : host) + ">";
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
