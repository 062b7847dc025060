package org.roadmapcoach.app.reach;

import java.time.Clock;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.digest.DigestStore;
import org.roadmapcoach.data.digest.Subscriber;
import org.roadmapcoach.data.store.RecordLookup;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.roadmap.Person;

/**
 * The opt-out of every digest (REACH.md, RFC 8058): the token in a digest's unsubscribe link is the
 * proof, with no sign-in; the opt-out is stored, and every later run respects it.
 */
public final class Unsubscribes {

    private static final int MAX_TOKEN_LENGTH = 200;

    private final DigestStore digests;
    private final RecordLookup lookup;
    private final Clock clock;

    public Unsubscribes(Store store, Clock clock) {
        this.digests = new DigestStore(store);
        this.lookup = new RecordLookup(store);
        this.clock = clock;
    }

    /** The name of the person token {@code token} unsubscribes. @throws NotFoundException when it is unknown */
    public String nameOf(String token) {
        Subscriber subscriber = holder(token);
        return lookup.person(subscriber.cohortId(), subscriber.personId()).map(Person::name)
                .orElse(subscriber.personId());
    }

    /** Unsubscribes the holder of {@code token} (again is fine). @throws NotFoundException when it is unknown */
    public void unsubscribe(String token) {
        digests.unsubscribe(holder(token), clock.instant());
    }

    /** Whether the person gets no more digests. */
    public boolean isUnsubscribed(String cohortId, String personId) {
        return digests.unsubscribed(cohortId).contains(personId);
    }

    private Subscriber holder(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw new NotFoundException("This unsubscribe link is not known.");
        }
        return digests.unsubscribeHolder(token)
                .orElseThrow(() -> new NotFoundException("This unsubscribe link is not known."));
    }
}
