package org.roadmapcoach.app.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.Agreement;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.Giver;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.PairingStatus;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;
import org.roadmapcoach.engine.roadmap.ReciprocityKind;
import org.roadmapcoach.engine.roadmap.Roadmap;

class PairingOverviewTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    private static Roadmap roadmap(List<CheckIn> checkIns, List<ReciprocityEntry> reciprocity) {
        Pairing pairing = new Pairing("P1", "E1", "M1", START, null, 14, PairingStatus.ACTIVE,
                new Agreement(null, null, null, null), null);
        return new Roadmap(pairing, null, null, List.of(), List.of(), checkIns, reciprocity, List.of(), List.of());
    }

    private static CheckIn held(String id, LocalDate date) {
        return new CheckIn(id, "P1", date, CheckInType.CHECKIN, CheckInStatus.HELD, null, null, null, null);
    }

    @Test
    void aGapIsOverdueAboveTheCadenceTimesTheOverdueFactor() {
        // cadence 14, factor 1.5: 21 days is not overdue, 22 is (as CI-OVERDUE counts)
        LocalDate first = START.plusDays(21);
        LocalDate second = first.plusDays(22);
        CheckIn missed = new CheckIn("C3", "P1", second.plusDays(3), CheckInType.CHECKIN, CheckInStatus.MISSED, null,
                null, null, null);
        PairingOverview o = PairingOverview.of(roadmap(List.of(held("C1", first), held("C2", second), missed), List.of()),
                Policy.defaults(), List.of(), second.plusDays(5));

        assertThat(o.gaps()).extracting(PairingOverview.Gap::days).containsExactly(21L, 22L, 5L);
        assertThat(o.gaps()).extracting(PairingOverview.Gap::overdue).containsExactly(false, true, false);
        assertThat(o.gaps().get(2).open()).isTrue();
        assertThat(o.checkIns()).hasSize(3);
    }

    @Test
    void checkInsAfterTheAsOfDateAreLeftOut() {
        PairingOverview o = PairingOverview.of(roadmap(List.of(held("C1", START.plusDays(40))), List.of()),
                Policy.defaults(), List.of(), START.plusDays(30));
        assertThat(o.checkIns()).isEmpty();
        assertThat(o.gaps()).singleElement().satisfies(g -> {
            assertThat(g.days()).isEqualTo(30);
            assertThat(g.overdue()).isTrue();
        });
    }

    @Test
    void reciprocityIsCountedOverTheRulesWindowByGiver() {
        LocalDate asOf = START.plusDays(120);
        List<ReciprocityEntry> entries = List.of(
                new ReciprocityEntry("R1", "P1", asOf.minusDays(89), Giver.MENTEE, ReciprocityKind.INSIGHT,
                        new BigDecimal("1.5"), null),
                new ReciprocityEntry("R2", "P1", asOf.minusDays(90), Giver.MENTEE, ReciprocityKind.INSIGHT,
                        BigDecimal.TEN, null),
                new ReciprocityEntry("R3", "P1", asOf, Giver.MENTOR, ReciprocityKind.COACHING, BigDecimal.ONE, null),
                new ReciprocityEntry("R4", "P1", asOf.plusDays(1), Giver.MENTOR, ReciprocityKind.COACHING,
                        BigDecimal.ONE, null));

        PairingOverview.Reciprocity r = PairingOverview.of(roadmap(List.of(), entries), Policy.defaults(), List.of(),
                asOf).reciprocity();

        assertThat(r.windowDays()).isEqualTo(90);
        assertThat(r.ruleApplies()).isTrue();
        assertThat(r.menteeGave()).isEqualTo(1);
        assertThat(r.menteeHours()).isEqualByComparingTo("1.5");
        assertThat(r.mentorGave()).isEqualTo(1);
        assertThat(r.mentorHours()).isEqualByComparingTo("1");
    }

    @Test
    void aYoungPairingsWindowIsItsDaysSoFarAndTooShortForTheRule() {
        PairingOverview.Reciprocity r = PairingOverview.of(roadmap(List.of(), List.of()), Policy.defaults(), List.of(),
                START.plusDays(20)).reciprocity();
        assertThat(r.windowDays()).isEqualTo(20);
        assertThat(r.ruleApplies()).isFalse();
    }
}
