package org.roadmapcoach.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.auth.StoredToken;
import org.roadmapcoach.data.auth.TokenKind;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.roadmap.Role;

/** Sign-in links sign in once and expire; calendar feeds are no API tokens; a person revokes only their own; on SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class TokenServiceTest {

    @Parameter
    StoreKind kind;

    private static final Path SAMPLE = Path.of("..", "data", "src", "main", "resources", "sample", "spring-2026");
    private static final Caller MENTEE = new Caller("E05", Role.MENTEE, "spring-2026");

    @TempDir
    Path temp;

    private Store store;
    private final MovingClock clock = new MovingClock();
    private TokenService tokens;

    @BeforeEach
    void importTheSample() throws Exception {
        store = kind.open(temp.resolve("coach.db"));
        assertThat(new CohortImporter(store).importPaths("spring-2026", List.of(SAMPLE)).ok()).isTrue();
        tokens = new TokenService(store, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSignInLinkNamesItsHolderWithoutBeingUsedAndSignsInExactlyOnce() {
        String link = tokens.createSignInLink("E05", null, null, false, TokenService.SIGN_IN_LINK_LIFE).token();

        assertThat(tokens.signInLinkHolder(link)).contains(MENTEE);
        assertThat(tokens.signInLinkHolder(link)).as("looking is not using").contains(MENTEE);
        assertThat(tokens.redeemSignInLink(link)).contains(MENTEE);
        assertThat(tokens.redeemSignInLink(link)).isEmpty();
        assertThat(tokens.signInLinkHolder(link)).isEmpty();
        assertThat(tokens.authenticate("Bearer " + link)).as("a link is no API token").isEmpty();
    }

    @Test
    void aSignInLinkExpiresAtTheEndOfItsLife() {
        String link = tokens.createSignInLink("E05", null, null, false, Duration.ofMinutes(15)).token();

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(tokens.signInLinkHolder(link)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.redeemSignInLink(link)).isEmpty();
    }

    @Test
    void aCalendarFeedNamesItsPersonButOpensNeitherTheApiNorTheWebApp() {
        String feed = tokens.createCalendarFeed("M03", null, null, false).token();

        assertThat(tokens.calendarFeedHolder(feed)).contains(new Caller("M03", Role.MENTOR, "spring-2026"));
        assertThat(tokens.authenticate("Bearer " + feed)).isEmpty();
        assertThat(tokens.redeemSignInLink(feed)).isEmpty();
        clock.advance(Duration.ofDays(3650));
        assertThat(tokens.calendarFeedHolder(feed)).as("a feed never expires").isPresent();
    }

    @Test
    void aPersonListsAndRevokesTheirOwnTokensOnlyAndARevokedFeedIsGone() {
        String feed = tokens.createCalendarFeed("E05", null, null, false).token();
        tokens.createSignInLink("E05", null, null, false, TokenService.SIGN_IN_LINK_LIFE);
        tokens.create("M03", null, null);

        List<StoredToken> own = tokens.listOwn(MENTEE);
        assertThat(own).extracting(StoredToken::kind).containsExactly(TokenKind.CALENDAR, TokenKind.SIGN_IN);
        long others = tokens.list("M03").get(0).id();
        assertThatThrownBy(() -> tokens.revokeOwn(MENTEE, others)).isInstanceOf(NotFoundException.class);
        assertThat(tokens.list("M03")).hasSize(1);

        tokens.revokeOwn(MENTEE, own.get(0).id());
        assertThat(tokens.calendarFeedHolder(feed)).isEmpty();
        assertThatThrownBy(() -> tokens.revokeOwn(MENTEE, own.get(0).id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void secretsThatAreNotOursAreUnknownWithoutBeingLookedUp() {
        assertThat(tokens.signInLinkHolder("")).isEmpty();
        assertThat(tokens.calendarFeedHolder(null)).isEmpty();
        assertThat(tokens.authenticate("Bearer " + "x".repeat(1_000_000))).isEmpty();
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-06-15T09:00:00Z");

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
