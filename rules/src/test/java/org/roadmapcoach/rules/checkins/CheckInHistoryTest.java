package org.roadmapcoach.rules.checkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.CheckInType;

class CheckInHistoryTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    static CheckIn checkIn(String id, int day, CheckInStatus status) {
        return new CheckIn(id, "P1", DAY.plusDays(day), CheckInType.CHECKIN, status, null, null, null, null);
    }

    @Test
    void theLastContactIsTheLatestHeldDateOrTheStart() {
        assertThat(CheckInHistory.lastContact(List.of(DAY, DAY.plusDays(9), DAY.plusDays(3)), DAY.minusDays(30)))
                .isEqualTo(new CheckInHistory.LastContact(DAY.plusDays(9), true));
        assertThat(CheckInHistory.lastContact(List.of(), DAY)).isEqualTo(new CheckInHistory.LastContact(DAY, false));
    }

    @Test
    void theStreakIsTheRunOfMissedOrCancelledAtTheEndByDateThenId() {
        List<CheckIn> checkIns = List.of(
                checkIn("C5", 9, CheckInStatus.CANCELLED), checkIn("C1", 1, CheckInStatus.HELD),
                checkIn("C3", 5, CheckInStatus.MISSED), checkIn("C2", 5, CheckInStatus.HELD),
                checkIn("C4", 7, CheckInStatus.MISSED));

        CheckInHistory.MissedStreak streak = CheckInHistory.missedStreak(checkIns);

        assertThat(streak.ids()).containsExactly("C3", "C4", "C5");
        assertThat(streak.length()).isEqualTo(3);
        assertThat(streak.since()).isEqualTo(DAY.plusDays(5));
    }

    @Test
    void thereIsNoStreakWhenTheLastWasHeldOrThereIsNone() {
        assertThat(CheckInHistory.missedStreak(List.of(checkIn("C1", 1, CheckInStatus.MISSED),
                checkIn("C2", 2, CheckInStatus.HELD))).length()).isZero();
        assertThat(CheckInHistory.missedStreak(List.of()).since()).isNull();
    }
}
