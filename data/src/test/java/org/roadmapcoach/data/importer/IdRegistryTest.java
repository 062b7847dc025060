package org.roadmapcoach.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdRegistryTest {

    @Test
    void aRepeatedIdGivesTheLineItFirstAppearedOnAndANewOneZero() {
        IdRegistry ids = new IdRegistry();

        assertThat(ids.register("P1", 2)).isZero();
        assertThat(ids.register("P2", 3)).isZero();
        assertThat(ids.register("P1", 9)).isEqualTo(2);
        assertThat(ids.contains("P2")).isTrue();
        assertThat(ids.contains("P3")).isFalse();
        assertThat(ids.line("P1")).isEqualTo(2);
        assertThat(ids.line("P3")).isZero();
    }

    @Test
    void holdsMillionsOfNearlyConsecutiveIdsAndPairKeys() {
        IdRegistry ids = new IdRegistry();
        int count = 300_000;

        for (int i = 0; i < count; i++) {
            assertThat(ids.register(String.format("P%06d-O1-M%d", i / 4, i % 4), i + 2L)).isZero();
        }
        assertThat(ids.register(List.of("P1", "R1"), 5)).isZero();

        assertThat(ids.line("P000000-O1-M0")).isEqualTo(2);
        assertThat(ids.register(String.format("P%06d-O1-M%d", (count - 1) / 4, (count - 1) % 4), 1)).isEqualTo(count + 1L);
        assertThat(ids.register(List.of("P1", "R1"), 6)).isEqualTo(5);
        assertThat(ids.contains("P999999-O1-M0")).isFalse();
    }
}
