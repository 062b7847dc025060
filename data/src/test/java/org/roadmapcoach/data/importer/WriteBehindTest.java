package org.roadmapcoach.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteBehindTest {

    @Test
    void writesRunOneAtATimeInTheOrderSubmittedAndAreAllDoneAfterDrain() throws Exception {
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        try (WriteBehind writer = new WriteBehind()) {
            for (int i = 0; i < 5_000; i++) {
                int n = i;
                writer.submit(() -> written.add(n));
            }
            writer.drain();

            assertThat(written).hasSize(5_000).isSorted();
        }
    }

    @Test
    void aFailedWriteStopsTheWritesAndReachesTheSubmitter() throws Exception {
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        try (WriteBehind writer = new WriteBehind()) {
            writer.submit(() -> written.add(1));
            writer.submit(() -> {
                throw new SQLException("UNIQUE constraint failed");
            });
            writer.submit(() -> written.add(3));

            assertThatThrownBy(writer::drain).isInstanceOf(SQLException.class).hasMessage("UNIQUE constraint failed");
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100_000; i++) {
                    writer.submit(() -> written.add(4));
                }
            }).isInstanceOf(SQLException.class);
        }
        assertThat(written).containsExactly(1);
    }
}
