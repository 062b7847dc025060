package org.roadmapcoach.rules.reciprocity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.roadmap.Giver;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;
import org.roadmapcoach.engine.roadmap.ReciprocityKind;

class ReciprocityHoursTest {

    static ReciprocityEntry entry(String hours) {
        return new ReciprocityEntry("R", "P1", LocalDate.of(2026, 1, 1), Giver.MENTEE, ReciprocityKind.BRIEF,
                hours == null ? null : new BigDecimal(hours), null);
    }

    @Test
    void addsHoursExactlyAndEntriesWithoutHoursAddNothing() {
        assertThat(ReciprocityHours.total(List.of(entry("0.1"), entry("0.2"), entry(null))))
                .isEqualByComparingTo("0.3");
        assertThat(ReciprocityHours.total(List.of())).isEqualByComparingTo("0");
    }

    @Test
    void theMentorOutweighsOnlyAboveTheRatioAndWhenBothGaveHours() {
        assertThat(ReciprocityHours.mentorOutweighs(new BigDecimal("1.2"), new BigDecimal("0.3"), 400)).isFalse();
        assertThat(ReciprocityHours.mentorOutweighs(new BigDecimal("1.2000001"), new BigDecimal("0.3"), 400)).isTrue();
        assertThat(ReciprocityHours.mentorOutweighs(new BigDecimal("0.46"), new BigDecimal("0.3"), 150)).isTrue();
        assertThat(ReciprocityHours.mentorOutweighs(new BigDecimal("0.45"), new BigDecimal("0.3"), 150)).isFalse();
        assertThat(ReciprocityHours.mentorOutweighs(new BigDecimal("9"), BigDecimal.ZERO, 400)).isFalse();
        assertThat(ReciprocityHours.mentorOutweighs(BigDecimal.ZERO, BigDecimal.ZERO, 400)).isFalse();
    }

    @Test
    void showsTheRatioAsAPlainNumber() {
        assertThat(ReciprocityHours.ratio(400)).hasToString("4");
        assertThat(ReciprocityHours.ratio(150)).hasToString("1.5");
        assertThat(ReciprocityHours.ratio(125)).hasToString("1.25");
    }
}
