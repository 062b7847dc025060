package org.roadmapcoach.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.app.access.SessionService.Session;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.roadmap.Role;

/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class SessionServiceTest {

    @Parameter
    StoreKind kind;

    @TempDir
    Path tmp;

    private Store store;
    private final MovingClock clock = new MovingClock();
    private SessionService sessions;
    private final Caller mentee = new Caller("E05", Role.MENTEE, "spring-2026");

    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-06-15T09:00:00Z");

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

    @BeforeEach
    void open() {
        store = kind.open(tmp.resolve("coach.db"));
        sessions = new SessionService(store, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aStartedSessionIsFoundByItsSecretWithItsCallerAndCsrfToken() {
        Session started = sessions.start(mentee);

        Session found = sessions.find(started.secret()).orElseThrow();

        assertThat(found.caller()).isEqualTo(mentee);
        assertThat(found.csrfToken()).isEqualTo(started.csrfToken()).hasSize(43).isNotEqualTo(started.secret());
        assertThat(found.acceptsCsrf(started.csrfToken())).isTrue();
        assertThat(found.acceptsCsrf("forged")).isFalse();
        assertThat(found.acceptsCsrf(null)).isFalse();
    }

    @Test
    void aSessionEndsEightHoursAfterItsLastRequest() {
        Session started = sessions.start(mentee);
        clock.now = clock.now.plus(Duration.ofHours(6));
        assertThat(sessions.find(started.secret())).as("seen after 6 h: the idle time starts again").isPresent();

        clock.now = clock.now.plus(Duration.ofHours(8)).minusSeconds(1);
        assertThat(sessions.find(started.secret())).isPresent();
        clock.now = clock.now.plus(Duration.ofHours(8));
        assertThat(sessions.find(started.secret())).isEmpty();
    }

    @Test
    void aSessionSeenWithinFiveMinutesIsNotWrittenAgain() {
        Session started = sessions.start(mentee);
        long version = store.dataVersion();
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        sessions.find(started.secret());
        assertThat(store.dataVersion()).as("no commit for a request soon after the last").isEqualTo(version);

        // 8 h after the start but only 7 h 56 min after the last write: 4 min later than the start allows
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        sessions.find(started.secret());
        clock.now = Instant.parse("2026-06-15T17:04:00Z");
        assertThat(sessions.find(started.secret())).isPresent();
    }

    @Test
    void anEndedOrUnknownSessionIsNotFound() {
        Session started = sessions.start(mentee);
        sessions.end(started.secret());

        assertThat(sessions.find(started.secret())).isEmpty();
        assertThat(sessions.find("unknown")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find(" ")).isEmpty();
        assertThat(sessions.find("x".repeat(1_000))).isEmpty();
    }

    @Test
    void aSessionIsKnownToEveryServerOverTheStore() {
        Session started = sessions.start(mentee);
        SessionService another = new SessionService(store, clock);
        assertThat(another.find(started.secret())).hasValueSatisfying(s -> assertThat(s.caller()).isEqualTo(mentee));
    }
}
