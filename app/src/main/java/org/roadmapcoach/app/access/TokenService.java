package org.roadmapcoach.app.access;

import org.roadmapcoach.app.problem.Shown;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.data.auth.TokenGrant;
import org.roadmapcoach.data.auth.TokenStore;
import org.roadmapcoach.data.store.RecordLookup;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * Issues API tokens and recognises them. A token is 32 random bytes, base64url, shown once; only its
 * hash is stored.
 *
 * <p>Defaults when creating: the role is the person's role in people.csv of the token's cohort; the
 * cohort is the one cohort that lists the person. A mentee or mentor token is always for one cohort
 * (person ids are unique within a cohort only) and the person must be listed there with that role. A
 * coordinator token without a cohort, for a person listed in no cohort or in several, reaches every
 * cohort of the database.
 */
public final class TokenService {

    private static final int TOKEN_BYTES = 32;

    private final TokenStore tokens;
    private final RecordLookup lookup;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenService(SqliteStore store, Clock clock) {
        this.tokens = new TokenStore(store);
        this.lookup = new RecordLookup(store);
        this.clock = clock;
    }

    /** A token and what it grants. */
    public record Issued(String token, Caller caller) {
    }

    /**
     * Creates a random token for {@code personId}.
     *
     * @param role null for the person's role in people.csv
     * @param cohortId null for the one cohort that lists the person
     * @throws InvalidInputException when the person, role and cohort do not fit together
     */
    public Issued create(String personId, Role role, String cohortId) {
        return create(personId, role, cohortId, false);
    }

    /**
     * {@link #create(String, Role, String)}; {@code allCohorts} asks for a coordinator token that reaches every
     * cohort of the database, which is never given without it (one person id may be different people in
     * different cohorts).
     */
    public Issued create(String personId, Role role, String cohortId, boolean allCohorts) {
        if (allCohorts && (cohortId != null || role != null && role != Role.COORDINATOR)) {
            throw new InvalidInputException("--all-cohorts is for a coordinator token, without --cohort.");
        }
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return allCohorts ? saveForEveryCohort(token, personId) : save(token, personId, role, cohortId);
    }

    /** Stores a coordinator token that reaches every cohort (chosen by the caller: the demo's and tests'). */
    public Issued saveForEveryCohort(String token, String personId) {
        tokens.save(token, new TokenGrant(personId, Role.COORDINATOR, null), clock.instant());
        return new Issued(token, new Caller(personId, Role.COORDINATOR, null));
    }

    /**
     * Stores a token chosen by the caller: only for the demo database, whose well-known tokens make the
     * README's examples work as printed.
     */
    public Issued save(String token, String personId, Role role, String cohortId) {
        Caller caller = grant(personId, role, cohortId);
        tokens.save(token, new TokenGrant(caller.personId(), caller.role(), caller.cohortId()), clock.instant());
        return new Issued(token, caller);
    }

    /** The caller of an {@code Authorization} header value, when it holds a known bearer token. */
    public Optional<Caller> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).strip();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return tokens.find(token).map(g -> new Caller(g.personId(), g.role(), g.cohortId()));
    }

    private Caller grant(String personId, Role role, String cohortId) {
        Map<String, Role> roles = lookup.rolesOf(personId);
        String cohort = cohortId != null ? cohortId : roles.size() == 1 ? roles.keySet().iterator().next() : null;
        if (cohort != null) {
            Role listed = roles.get(cohort);
            Role granted = role != null ? role : listed;
            if (granted == null) {
                throw new InvalidInputException("Person " + Shown.quoted(personId) + " is not in cohort "
                        + Shown.quoted(cohort)
                        + "; give --role coordinator for a coordinator who is not in its people.csv.");
            }
            if (listed != null && listed != granted) {
                throw new InvalidInputException("Person " + Shown.quoted(personId) + " is a " + listed.code()
                        + " in cohort "
                        + Shown.quoted(cohort) + ", not a " + granted.code() + ".");
            }
            if (listed == null && granted != Role.COORDINATOR) {
                throw new InvalidInputException("Person " + Shown.quoted(personId) + " is not in cohort "
                        + Shown.quoted(cohort) + "; a "
                        + granted.code() + " token needs the person in its people.csv.");
            }
            return new Caller(personId, granted, cohort);
        }
        // listed in no cohort or in several: a token for every cohort is asked for by name (--all-cohorts)
        throw new InvalidInputException(roles.isEmpty()
                ? "Person " + Shown.quoted(personId)
                        + " is in no cohort; give --cohort, or --all-cohorts for a coordinator"
                        + " of every cohort."
                : "Person " + Shown.quoted(personId) + " is in cohorts " + String.join(", ", roles.keySet())
                        + "; say which with --cohort.");
    }
}
