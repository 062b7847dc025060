package org.roadmapcoach.app.reach;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.RecordLookup;
import org.roadmapcoach.engine.roadmap.PairingStatus;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * Calendar feeds (REACH.md): a person's secret feed ({@code /calendar/{feedToken}.ics}) with the events of
 * their active pairings (a coordinator's: every active pairing of the cohort), and one pairing's calendar
 * for its pair or a coordinator of its cohort.
 */
public final class CalendarService {

    private final Store store;
    private final Access access;
    private final TokenService tokens;
    private final RecordLookup lookup;

    public CalendarService(Store store, Access access, TokenService tokens) {
        this.store = store;
        this.lookup = new RecordLookup(store);
        this.access = access;
        this.tokens = tokens;
    }

    /**
     * A feed's bytes and their entity tag.
     *
     * @param etag a strong entity tag, quoted: the same bytes give the same tag
     */
    public record Feed(byte[] body, String etag) {
    }

    /** The feed of {@code feedToken}'s person; 404 when the token is unknown or revoked. */
    public Feed feed(String feedToken) {
        Caller caller = tokens.calendarFeedHolder(feedToken)
                .orElseThrow(() -> new NotFoundException("There is no such calendar feed; it may have been revoked."));
        List<PairingRef> pairings = new ArrayList<>();
        if (caller.isCoordinator()) {
            if (caller.cohortId() != null) {
                pairings.addAll(access.pairingsOfCohort(caller, caller.cohortId()));
            } else {
                store.cohorts().forEach(c -> pairings.addAll(access.pairingsOfCohort(caller, c.id())));
            }
        } else {
            pairings.addAll(access.pairingsOf(caller));
        }
        List<CalendarEvent> events = new ArrayList<>();
        for (PairingRef ref : pairings) {
            if (ref.pairing().status() == PairingStatus.ACTIVE) {
                events.addAll(events(ref, caller));
            }
        }
        return feedOf("Roadmap Coach: " + nameOf(caller), events);
    }

    /** One pairing's events, for its pair or a coordinator of its cohort (anyone else: 404). */
    public Feed pairing(Caller caller, String pairingId) {
        PairingRef ref = access.readPairing(caller, pairingId);
        List<CalendarEvent> events = ref.pairing().status() == PairingStatus.ACTIVE ? events(ref, caller) : List.of();
        return feedOf("Roadmap Coach: " + ref.pairingId(), events);
    }

    private List<CalendarEvent> events(PairingRef ref, Caller caller) {
        Roadmap roadmap = store.roadmap(ref.cohortId(), ref.pairingId())
                .orElseThrow(() -> new NotFoundException("There is no pairing '" + ref.pairingId() + "'."));
        String partner;
        if (caller.personId().equals(roadmap.pairing().menteeId()) && !caller.isCoordinator()) {
            partner = "with " + name(roadmap.mentor(), roadmap.pairing().mentorId());
        } else if (caller.personId().equals(roadmap.pairing().mentorId()) && !caller.isCoordinator()) {
            partner = "with " + name(roadmap.mentee(), roadmap.pairing().menteeId());
        } else {
            partner = "of " + name(roadmap.mentee(), roadmap.pairing().menteeId()) + " and "
                    + name(roadmap.mentor(), roadmap.pairing().mentorId());
        }
        return CalendarEvents.of(ref.cohortId(), roadmap, partner, store.policy(ref.cohortId()).reviewWithinDays());
    }

    private String nameOf(Caller caller) {
        return caller.cohortId() == null ? caller.personId()
                : lookup.person(caller.cohortId(), caller.personId()).map(Person::name).orElse(caller.personId());
    }

    private static String name(Person person, String id) {
        return person == null ? id : person.name();
    }

    private static Feed feedOf(String name, List<CalendarEvent> events) {
        byte[] body = CalendarWriter.write(name, events);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return new Feed(body, "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
