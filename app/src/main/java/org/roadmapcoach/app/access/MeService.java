package org.roadmapcoach.app.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.roadmapcoach.data.store.RecordLookup;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.roadmap.Cohort;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.Role;

/** Who a token's person is: their name and role, and their pairings or the cohorts they coordinate. */
public final class MeService {

    /** One of the person's pairings, as they see it: the partner's name, the status and dates. */
    public record MyPairing(String pairingId, String partnerId, String partnerName, String partnerRole,
                            String status, LocalDate startDate, LocalDate endDate) {
    }

    /**
     * @param name null for a coordinator who is not in a cohort's people.csv
     * @param cohortId the token's cohort; null for a coordinator of every cohort
     * @param pairings a mentee's or mentor's pairings (any status), by id; empty for a coordinator
     * @param cohorts the cohorts a coordinator reaches, by id; empty for a mentee or mentor
     */
    public record Me(String personId, String name, Role role, String cohortId, List<MyPairing> pairings,
                     List<String> cohorts) {
    }

    private final Store store;
    private final RecordLookup lookup;

    public MeService(Store store) {
        this.store = store;
        this.lookup = new RecordLookup(store);
    }

    public Me me(Caller caller) {
        Optional<Person> person = caller.cohortId() == null ? Optional.empty()
                : lookup.person(caller.cohortId(), caller.personId());
        String name = person.map(Person::name).orElse(null);
        if (caller.isCoordinator()) {
            List<String> cohorts = store.cohorts().stream().map(Cohort::id).filter(caller::reaches).toList();
            return new Me(caller.personId(), name, caller.role(), caller.cohortId(), List.of(), cohorts);
        }
        List<MyPairing> pairings = lookup.pairingsOf(caller.cohortId(), caller.personId()).stream()
                .map(p -> mine(caller, p)).toList();
        return new Me(caller.personId(), name, caller.role(), caller.cohortId(), pairings, List.of());
    }

    private MyPairing mine(Caller caller, Pairing pairing) {
        boolean mentee = caller.personId().equals(pairing.menteeId());
        String partnerId = mentee ? pairing.mentorId() : pairing.menteeId();
        String partnerName = lookup.person(caller.cohortId(), partnerId).map(Person::name).orElse(null);
        return new MyPairing(pairing.id(), partnerId, partnerName, mentee ? "mentor" : "mentee",
                pairing.status().code(), pairing.startDate(), pairing.endDate());
    }
}
