package org.roadmapcoach.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.CohortFixture;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.ActivityKind;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.Role;

/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class RecordWriterTest {

    @Parameter
    StoreKind kind;

    private static final String COHORT = "c1";

    @TempDir
    Path temp;

    private Store store;
    private RecordWriter writer;
    private RecordLookup lookup;

    @BeforeEach
    void importFixture() {
        store = kind.open(temp.resolve("coach.db"));
        assertThat(new CohortImporter(store).importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("in"))))
                .ok()).isTrue();
        writer = new RecordWriter(store);
        lookup = new RecordLookup(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static CheckIn checkIn(String id) {
        return new CheckIn(id, "P1", LocalDate.of(2026, 3, 1), CheckInType.CHECKIN, CheckInStatus.HELD, 30, null, null,
                null);
    }

    @Test
    void aCheckInWithoutAnIdGetsTheNextFreeIdOfItsPairing() {
        CheckIn first = writer.add(COHORT, checkIn(null));
        CheckIn second = writer.add(COHORT, checkIn(null));

        // P1 has two check-ins in the fixture
        assertThat(first.id()).isEqualTo("P1-C03");
        assertThat(second.id()).isEqualTo("P1-C04");
        assertThat(store.roadmap(COHORT, "P1").orElseThrow().checkIns()).contains(first, second);
    }

    @Test
    void aGeneratedIdSkipsIdsAlreadyTaken() {
        writer.add(COHORT, checkIn("P1-C03"));

        assertThat(writer.add(COHORT, checkIn(null)).id()).isEqualTo("P1-C04");
    }

    @Test
    void aGivenIdThatTheCohortAlreadyUsesIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> writer.add(COHORT, checkIn("CI3"))).isInstanceOf(DuplicateIdException.class)
                .hasMessageContaining("'CI3'");

        assertThat(store.counts(COHORT)).containsEntry("checkins.csv", 3L);
    }

    @Test
    void activitiesAndMilestonesAreStoredAsGiven() {
        Activity activity = writer.add(COHORT, new Activity(null, "P1", LocalDate.of(2026, 3, 2), ActivityKind.REFLECTION,
                "Wrote it down", new BigDecimal("0.50"), null));
        Milestone ms2 = lookup.milestone(COHORT, "MS2").orElseThrow();
        Milestone done = new Milestone(ms2.id(), ms2.objectiveId(), ms2.stage(), ms2.title(), ms2.dueDate(),
                MilestoneStatus.DONE, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3), "Went well");
        writer.replace(COHORT, done);

        assertThat(activity.id()).isEqualTo("P1-A02");
        assertThat(store.roadmap(COHORT, "P1").orElseThrow().activities()).contains(activity);
        assertThat(lookup.milestone(COHORT, "MS2")).contains(done);
    }

    @Test
    void lookupFindsRecordsAndThePeoplesRolesByCohort() {
        assertThat(lookup.pairing(COHORT, "P1")).isPresent();
        assertThat(lookup.objective(COHORT, "O1").orElseThrow().pairingId()).isEqualTo("P1");
        assertThat(lookup.objective("other", "O1")).isEmpty();
        assertThat(lookup.rolesOf("M1")).containsExactly(java.util.Map.entry(COHORT, Role.MENTOR));
        assertThat(lookup.rolesOf("nobody")).isEmpty();
    }
}
