package org.roadmapcoach.app.reach;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.healthcheck.HealthCheck;
import org.roadmapcoach.app.nextsteps.NextStepsService;
import org.roadmapcoach.data.digest.HistoryEntry;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.run.StoredRun;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.PairingStatus;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * What goes into one person's digest as of a date: a mentee's or mentor's next steps across their
 * pairings; a coordinator's cohort health, the pairings that turned red and their next steps. An item
 * their digests held within {@code digest.resendDays} is left out unless its severity rose.
 */
final class DigestComposer {

    private final Access access;
    private final NextStepsService nextSteps;
    private final RunStore runs;

    DigestComposer(Access access, NextStepsService nextSteps, RunStore runs) {
        this.access = access;
        this.nextSteps = nextSteps;
        this.runs = runs;
    }

    /** What the cohort's coordinators are told about its health (the same for each of them). */
    record CohortPicture(Digest.CohortHealth health, List<Digest.Item> turnedRed) {
        static final CohortPicture NONE = new CohortPicture(null, List.of());
    }

    /** The cohort's health from {@code check} and the pairings red in it that were not red in the run before. */
    CohortPicture picture(Optional<HealthCheck> check, Map<String, Person> people) {
        if (check.isEmpty()) {
            return CohortPicture.NONE;
        }
        HealthCheck latest = check.get();
        Map<String, Health> before = new HashMap<>();
        latest.previous().ifPresent(previous -> runs.forEachPairing(previous.id(), false,
                p -> before.put(p.pairingId(), p.health())));
        long[] was = new long[Health.values().length];
        before.values().forEach(h -> was[h.ordinal()]++);
        List<Digest.Item> turnedRed = new ArrayList<>();
        for (HealthCheck.PairingSummary pairing : latest.pairings()) {
            if (pairing.health() == Health.RED && before.get(pairing.pairingId()) != Health.RED) {
                turnedRed.add(new Digest.Item("red|" + pairing.pairingId(), Severity.CRITICAL, null,
                        pairing.pairingId(), pairing.pairingId() + ", " + name(people, pairing.menteeId()) + " and "
                        + name(people, pairing.mentorId()),
                        "Turned red: " + pairing.critical() + " critical, " + pairing.warning() + " warnings.",
                        "Look at the pairing with both of them this week.", "/pairings/" + pairing.pairingId()));
            }
        }
        StoredRun run = latest.run();
        Digest.CohortHealth health = new Digest.CohortHealth(run.asOf(), latest.pairingsWith(Health.RED),
                latest.pairingsWith(Health.AMBER), latest.pairingsWith(Health.GREEN),
                latest.previous().map(StoredRun::asOf).orElse(null), was[Health.RED.ordinal()],
                was[Health.AMBER.ordinal()], was[Health.GREEN.ordinal()]);
        return new CohortPicture(health, turnedRed);
    }

    /**
     * The person's digest as of {@code asOf}, with only what is new to them; empty when nothing is.
     *
     * @param history what their digests held, by item key
     */
    Optional<Digest> compose(String cohortId, Person person, LocalDate asOf, LocalDate week, CohortPicture cohort,
                             Map<String, Person> people, Map<String, HistoryEntry> history, int resendDays) {
        Caller caller = new Caller(person.id(), person.role(), cohortId);
        List<Digest.Item> steps = new ArrayList<>();
        if (person.role() == Role.COORDINATOR) {
            List<PairingRef> pairings = access.pairingsOfCohort(caller, cohortId).stream()
                    .filter(p -> p.pairing().status() == PairingStatus.ACTIVE).toList();
            Map<String, Pairing> byId = byId(pairings);
            for (Finding f : nextSteps.forCohort(caller, pairings, asOf, Integer.MAX_VALUE, 0).steps()) {
                Pairing p = byId.get(f.pairingId());
                steps.add(item(f, f.pairingId() + ", " + name(people, p.menteeId()) + " and "
                        + name(people, p.mentorId())));
            }
        } else {
            List<PairingRef> pairings = access.pairingsOf(caller);
            Map<String, Pairing> byId = byId(pairings);
            for (Finding f : nextSteps.acrossPairings(caller, pairings, asOf, Integer.MAX_VALUE, 0).steps()) {
                Pairing p = byId.get(f.pairingId());
                String partner = person.id().equals(p.menteeId()) ? p.mentorId() : p.menteeId();
                steps.add(item(f, f.pairingId() + ", with " + name(people, partner)));
            }
        }
        List<Digest.Item> red = person.role() == Role.COORDINATOR ? cohort.turnedRed() : List.of();
        List<Digest.Item> newRed = red.stream().filter(i -> isNew(i, history, asOf, resendDays)).toList();
        List<Digest.Item> newSteps = steps.stream().filter(i -> isNew(i, history, asOf, resendDays)).toList();
        if (newRed.isEmpty() && newSteps.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Digest(cohortId, person, asOf, week,
                person.role() == Role.COORDINATOR ? cohort.health() : null, newRed, newSteps));
    }

    /** Whether the item was not in the person's digests within the last {@code resendDays} days, or is worse now. */
    static boolean isNew(Digest.Item item, Map<String, HistoryEntry> history, LocalDate asOf, int resendDays) {
        HistoryEntry sent = history.get(item.key());
        if (sent == null || ChronoUnit.DAYS.between(sent.sentOn(), asOf) >= resendDays) {
            return true;
        }
        Severity before = Coded.parse(Severity.class, sent.severity());
        return item.severity().compareTo(before) < 0; // most urgent first: a smaller one rose
    }

    private static Digest.Item item(Finding f, String about) {
        String key = String.join("|", f.pairingId(), f.ruleId(), f.subjectType().code(), f.subjectId(),
                String.valueOf(f.evidence().getOrDefault("objectiveId", "")));
        return new Digest.Item(key, f.severity(), f.ruleId(), f.pairingId(), about, f.message(), f.nextStep(),
                "/pairings/" + f.pairingId());
    }

    private static Map<String, Pairing> byId(List<PairingRef> pairings) {
        Map<String, Pairing> byId = new HashMap<>();
        pairings.forEach(p -> byId.put(p.pairingId(), p.pairing()));
        return byId;
    }

    private static String name(Map<String, Person> people, String id) {
        Person person = people.get(id);
        return person == null ? id : person.name();
    }
}
