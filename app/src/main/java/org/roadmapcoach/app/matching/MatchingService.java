package org.roadmapcoach.app.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roadmapcoach.app.problem.ConflictException;
import org.roadmapcoach.app.problem.FieldError;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.store.RecordWriter;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Agreement;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.PairingStatus;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.Role;
import org.roadmapcoach.matching.Acceptance;
import org.roadmapcoach.matching.MatchProposal;
import org.roadmapcoach.matching.Matcher;
import org.roadmapcoach.matching.MatchingSettings;

/**
 * Mentor matching for coordinators (docs/MATCHING.md): the proposal for a cohort as of a date, the
 * pairings.csv rows it makes, and accepting some or all of it, which creates the pairings in one transaction.
 */
public final class MatchingService {

    /** The most pairings one accept may make. */
    public static final int MAX_PAIRINGS = 1_000;

    /** One pairing to make: the start date and cadence may be left out (null). */
    public record Request(String menteeId, String mentorId, LocalDate startDate, Integer cadenceDays) {
    }

    /** A cohort's proposal as of a date. */
    public record CohortProposal(String cohortId, LocalDate asOf, MatchProposal proposal) {
    }

    private final Store store;

    public MatchingService(Store store) {
        this.store = store;
    }

    /** The proposal for the cohort's waiting mentees as of {@code asOf}, under the cohort's matching policy. */
    public CohortProposal propose(String cohortId, LocalDate asOf) {
        requireCohort(cohortId);
        List<Person> people = new ArrayList<>();
        List<Pairing> pairings = new ArrayList<>();
        store.forEachRecord(Tables.PEOPLE, cohortId, people::add);
        store.forEachRecord(Tables.PAIRINGS, cohortId, pairings::add);
        MatchingSettings settings = MatchingSettings.of(store.policy(cohortId));
        return new CohortProposal(cohortId, asOf, Matcher.propose(people, pairings, asOf, settings));
    }

    /** The cohort's matching settings (the {@code matching.*} keys of its policy), as the proposal uses them. */
    public MatchingSettings settings(String cohortId) {
        requireCohort(cohortId);
        return MatchingSettings.of(store.policy(cohortId));
    }

    /** The name of every person of the cohort by id (the id itself for a person without a name). */
    public Map<String, String> names(String cohortId) {
        requireCohort(cohortId);
        Map<String, String> names = new HashMap<>();
        store.forEachRecord(Tables.PEOPLE, cohortId,
                person -> names.put(person.id(), person.name() != null ? person.name() : person.id()));
        return names;
    }

    /**
     * The proposal's pairs as the pairings they would become (MATCHING.md's csv): ids not taken in the cohort,
     * starting on the proposal's date, every 14 days, active; best first.
     */
    public List<Pairing> asPairings(CohortProposal proposal) {
        Set<String> taken = new HashSet<>();
        store.forEachRecord(Tables.PAIRINGS, proposal.cohortId(), pairing -> taken.add(pairing.id()));
        List<Pairing> made = new ArrayList<>();
        for (MatchProposal.Pair pair : proposal.proposal().proposals()) {
            made.add(pairing(PairingIds.next(pair.menteeId(), pair.mentorId(), taken), pair.menteeId(),
                    pair.mentorId(), proposal.asOf(), Pairing.DEFAULT_CADENCE_DAYS));
        }
        return made;
    }

    /**
     * Makes the requested pairings in one transaction, as of {@code today}: every mentee must still be waiting,
     * every mentor have a free place, and every pair be eligible under the cohort's policy, or nothing is made.
     *
     * @throws InvalidInputException naming each bad field ({@code pairings[2].cadenceDays})
     * @throws NotFoundException     when a person is not in the cohort
     * @throws ConflictException     naming every mentee no longer waiting, mentor without a place, pair not eligible
     */
    public List<Pairing> accept(String cohortId, List<Request> requests, LocalDate today) {
        requireCohort(cohortId);
        validate(requests, today);
        MatchingSettings settings = MatchingSettings.of(store.policy(cohortId));
        return new RecordWriter(store).addPairings(cohortId, cohort -> {
            Map<String, Person> people = new HashMap<>();
            cohort.people().forEach(person -> people.put(person.id(), person));
            checkPeople(requests, people);
            List<Acceptance.Requested> pairs = requests.stream()
                    .map(r -> new Acceptance.Requested(r.menteeId(), r.mentorId())).toList();
            List<String> refusals = Acceptance.refusals(cohort.people(), cohort.pairings(), today, settings, pairs);
            if (!refusals.isEmpty()) {
                throw new ConflictException("Nothing was made: " + String.join("; ", refusals) + ".");
            }
            Set<String> taken = new HashSet<>();
            cohort.pairings().forEach(pairing -> taken.add(pairing.id()));
            List<Pairing> made = new ArrayList<>();
            for (Request request : requests) {
                made.add(pairing(PairingIds.next(request.menteeId(), request.mentorId(), taken), request.menteeId(),
                        request.mentorId(), request.startDate() != null ? request.startDate() : today,
                        request.cadenceDays() != null ? request.cadenceDays() : Pairing.DEFAULT_CADENCE_DAYS));
            }
            return made;
        });
    }

    private static Pairing pairing(String id, String menteeId, String mentorId, LocalDate start, int cadenceDays) {
        return new Pairing(id, menteeId, mentorId, start, null, cadenceDays, PairingStatus.ACTIVE,
                new Agreement(null, null, null, null), null);
    }

    private static void validate(List<Request> requests, LocalDate today) {
        if (requests.isEmpty() || requests.size() > MAX_PAIRINGS) {
            throw InvalidInputException.of("pairings", requests.size() + " pairings",
                    "expected from 1 to " + MAX_PAIRINGS + " pairings to make");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstAsked = new HashMap<>();
        LocalDate latest = today.plusYears(1);
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            String at = "pairings[" + i + "].";
            if (request.menteeId() == null) {
                errors.add(new FieldError(at + "menteeId", null, "is required: the waiting mentee's person id"));
            } else {
                Integer before = firstAsked.putIfAbsent(request.menteeId(), i);
                if (before != null) {
                    errors.add(new FieldError(at + "menteeId", request.menteeId(),
                            "is asked for twice: pairings[" + before + "] names the same mentee"));
                }
            }
            if (request.mentorId() == null) {
                errors.add(new FieldError(at + "mentorId", null, "is required: the mentor's person id"));
            }
            if (request.startDate() != null && request.startDate().isAfter(latest)) {
                errors.add(new FieldError(at + "startDate", request.startDate().toString(), "expected a date at most"
                        + " a year after today (" + today + "), no later than " + latest));
            }
            if (request.cadenceDays() != null && (request.cadenceDays() < 1 || request.cadenceDays() > 365)) {
                errors.add(new FieldError(at + "cadenceDays", request.cadenceDays().toString(),
                        "expected whole days from 1 to 365"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Every person named must be in the cohort (404 otherwise) with the role their field says (400). */
    private static void checkPeople(List<Request> requests, Map<String, Person> people) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            check(people, request.menteeId(), Role.MENTEE, "pairings[" + i + "].menteeId", errors);
            check(people, request.mentorId(), Role.MENTOR, "pairings[" + i + "].mentorId", errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void check(Map<String, Person> people, String id, Role role, String field, List<FieldError> errors) {
        Person person = people.get(id);
        if (person == null) {
            throw new NotFoundException("There is no person '" + id + "' in this cohort (" + field + ").");
        }
        if (person.role() != role) {
            errors.add(new FieldError(field, id, "expected a " + role.code()
                    + ", but " + id + " is a " + person.role().code()));
        }
    }

    private void requireCohort(String cohortId) {
        if (store.cohort(cohortId).isEmpty()) {
            throw new NotFoundException("There is no cohort '" + cohortId + "'.");
        }
    }
}
