package org.roadmapcoach.app.access;

import org.roadmapcoach.app.problem.Shown;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.auth.StoredToken;
import org.roadmapcoach.data.auth.TokenGrant;
import org.roadmapcoach.data.auth.TokenKind;
import org.roadmapcoach.data.auth.TokenStore;
import org.roadmapcoach.data.store.RecordLookup;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * Issues API tokens, one-time sign-in links and calendar feed tokens, and recognises them. Each secret is
 * 32 random bytes, base64url, shown once; only its hash is stored.
 *
 * <p>Defaults when creating: the role is the person's role in people.csv of the token's cohort; the
 * cohort is the one cohort that lists the person. A mentee or mentor token is always for one cohort
 * (person ids are unique within a cohort only) and the person must be listed there with that role. A
 * coordinator token without a cohort, for a person listed in no cohort or in several, reaches every
 * cohort of the database.
 */
public final class TokenService {

    /** How long a sign-in link from the command line or a person's page stays valid (WEB.md). */
    public static final Duration SIGN_IN_LINK_LIFE = Duration.ofMinutes(15);
    /** How long a sign-in link in a digest stays valid (REACH.md). */
    public static final Duration DIGEST_LINK_LIFE = Duration.ofDays(7);

    private static final int TOKEN_BYTES = 32;
    // Ours are 43 characters; a longer one is not ours, and is not hashed (a 1 MB header costs nothing).
    private static final int MAX_SECRET_LENGTH = 200;

    private final TokenStore tokens;
    private final RecordLookup lookup;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenService(Store store, Clock clock) {
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
        return issue(TokenKind.API, null, personId, role, cohortId, allCohorts);
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
        Caller caller = caller(personId, role, cohortId);
        tokens.save(token, grantOf(caller), clock.instant());
        return new Issued(token, caller);
    }

    /**
     * Creates a one-time sign-in link's secret for the web app (WEB.md): it signs in once, within
     * {@code validFor} (15 minutes from the command line and the person's page, 7 days in a digest).
     * Same defaults and checks as {@link #create(String, Role, String, boolean)}.
     */
    public Issued createSignInLink(String personId, Role role, String cohortId, boolean allCohorts, Duration validFor) {
        return issue(TokenKind.SIGN_IN, validFor, personId, role, cohortId, allCohorts);
    }

    /** Creates a secret calendar feed address's token (REACH.md); it never expires, and is revoked like a token. */
    public Issued createCalendarFeed(String personId, Role role, String cohortId, boolean allCohorts) {
        return issue(TokenKind.CALENDAR, null, personId, role, cohortId, allCohorts);
    }

    /** Who a valid, unused sign-in link is for, without using it up (the page that asks "Continue as NAME?"). */
    public Optional<Caller> signInLinkHolder(String link) {
        return valid(link, TokenKind.SIGN_IN).map(t -> callerOf(t.grant()));
    }

    /** Uses sign-in link {@code link} up: its caller, once; empty when it is unknown, expired or used. */
    public Optional<Caller> redeemSignInLink(String link) {
        return valid(link, TokenKind.SIGN_IN).filter(t -> tokens.markUsed(t.id(), clock.instant()))
                .map(t -> callerOf(t.grant()));
    }

    /** Whose calendar feed token {@code feedToken} is; empty when it is unknown or revoked. */
    public Optional<Caller> calendarFeedHolder(String feedToken) {
        return valid(feedToken, TokenKind.CALENDAR).map(t -> callerOf(t.grant()));
    }

    /** Every token, link and feed of {@code personId} (everyone's when null), never their secrets. */
    public List<StoredToken> list(String personId) {
        return tokens.list(personId);
    }

    /** The tokens, links and feeds {@code caller} holds: the same person in the same cohort scope. */
    public List<StoredToken> listOwn(Caller caller) {
        return tokens.list(caller.personId()).stream().filter(t -> isOwn(caller, t)).toList();
    }

    /**
     * Revokes one of {@code caller}'s own tokens.
     *
     * @throws NotFoundException when {@code id} is not one of theirs (the same as one that does not exist)
     */
    public void revokeOwn(Caller caller, long id) {
        if (listOwn(caller).stream().noneMatch(t -> t.id() == id) || !tokens.revoke(id)) {
            throw new NotFoundException("Token " + id + " is not one of yours.");
        }
    }

    /** Revokes token {@code id}; false when there is none. */
    public boolean revoke(long id) {
        return tokens.revoke(id);
    }

    /** Revokes every token, link and feed of {@code personId}; how many. */
    public int revokeAll(String personId) {
        return tokens.revokeAll(personId);
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
        return token.length() > MAX_SECRET_LENGTH ? Optional.empty() : tokens.find(token).map(TokenService::callerOf);
    }

    private Issued issue(TokenKind kind, Duration validFor, String personId, Role role, String cohortId,
                         boolean allCohorts) {
        if (allCohorts && (cohortId != null || role != null && role != Role.COORDINATOR)) {
            throw new InvalidInputException("--all-cohorts is for a coordinator token, without --cohort.");
        }
        Caller caller = allCohorts ? new Caller(personId, Role.COORDINATOR, null) : caller(personId, role, cohortId);
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        tokens.save(token, kind, grantOf(caller), now, validFor == null ? null : now.plus(validFor));
        return new Issued(token, caller);
    }

    private Optional<StoredToken> valid(String secret, TokenKind kind) {
        if (secret == null || secret.isBlank() || secret.length() > MAX_SECRET_LENGTH) {
            return Optional.empty();
        }
        return tokens.find(secret, kind).filter(t -> t.isValidAt(clock.instant()));
    }

    private static boolean isOwn(Caller caller, StoredToken token) {
        return Objects.equals(token.grant().cohortId(), caller.cohortId()) && token.grant().role() == caller.role();
    }

    private static TokenGrant grantOf(Caller caller) {
        return new TokenGrant(caller.personId(), caller.role(), caller.cohortId());
    }

    private static Caller callerOf(TokenGrant grant) {
        return new Caller(grant.personId(), grant.role(), grant.cohortId());
    }

    /**
     * Who {@code personId} is, as a token for them would grant: the role defaults to the person's in
     * people.csv, the cohort to the one cohort that lists them (the command line's {@code --person}).
     *
     * @throws InvalidInputException when the person, role and cohort do not fit together
     */
    public Caller caller(String personId, Role role, String cohortId) {
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
