package org.roadmapcoach.app.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.app.matching.MatchingService.Request;
import org.roadmapcoach.app.problem.ConflictException;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.PairingStatus;

class MatchingServiceTest {

    static final LocalDate D = LocalDate.of(2026, 6, 15);

    @TempDir
    Path temp;

    Store store;
    MatchingService matching;

    @BeforeEach
    void importACohortWithWaitingPeople() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("c"));
        Files.writeString(folder.resolve("people.csv"), """
                id,name,role,department,strengths,gaps,ambitions,capacity_hours_per_month,max_mentees
                E1,Ana,mentee,Sales,,sql;ux,Lead the analytics guild,,
                E2,Bo,mentee,Data,,sql,,,
                E3,Cy,mentee,Data,,,,,
                E4,Di,mentee,Data,,sql,,,
                M1,Mo,mentor,Data,sql;analytics,,,,1
                M2,Ny,mentor,Design,ux;sql,,,4,
                """);
        Files.writeString(folder.resolve("pairings.csv"), """
                id,mentee_id,mentor_id,start_date,status
                E4-M1,E4,M1,2026-01-05,closed
                E1-M2,E4,M2,2025-01-05,closed
                """);
        store = Store.open(temp.resolve("coach.db"));
        assertThat(new CohortImporter(store).importPaths("c", List.of(folder)).ok()).isTrue();
        matching = new MatchingService(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theProposalReadsTheCohortsPeoplePairingsAndPolicy() {
        var proposal = matching.propose("c", D);

        assertThat(proposal.proposal().summary().waiting()).isEqualTo(4);
        assertThat(proposal.proposal().proposals()).extracting(p -> p.menteeId() + ">" + p.mentorId())
                .containsExactly("E1>M2", "E2>M2");
        assertThat(proposal.proposal().summary().totalScore()).isEqualTo(22 + 12);
        assertThat(proposal.proposal().unmatched()).extracting(u -> u.menteeId() + ":" + u.reason().code())
                .containsExactly("E3:no-gaps", "E4:no-eligible");

        store.savePolicy("c", store.policy("c").with(PolicyKey.MATCH_ALLOW_REPEAT, BigDecimal.ONE)
                .with(PolicyKey.MATCH_GAP_POINTS, new BigDecimal("1")));
        assertThat(matching.propose("c", D).proposal().summary().totalScore())
                .isEqualTo((1 + 3 + 2) + (1 + 2) + (1 + 2));
    }

    @Test
    void theProposalsPairingIdsSkipThoseTakenInTheCohort() {
        List<Pairing> rows = matching.asPairings(matching.propose("c", D));

        assertThat(rows).extracting(Pairing::id).containsExactly("E1-M2-2", "E2-M2");
        assertThat(rows).allSatisfy(p -> {
            assertThat(p.startDate()).isEqualTo(D);
            assertThat(p.cadenceDays()).isEqualTo(14);
            assertThat(p.status()).isEqualTo(PairingStatus.ACTIVE);
        });
    }

    @Test
    void acceptingMakesExactlyThosePairingsInOneGoAndASecondAcceptIsAConflict() {
        List<Request> both = List.of(new Request("E1", "M2", null, null),
                new Request("E2", "M1", LocalDate.of(2026, 7, 1), 21));

        List<Pairing> made = matching.accept("c", both, D);

        assertThat(made).extracting(p -> p.id() + " " + p.startDate() + " " + p.cadenceDays())
                .containsExactly("E1-M2-2 2026-06-15 14", "E2-M1 2026-07-01 21");
        assertThat(pairings()).extracting(Pairing::id).containsExactly("E1-M2", "E1-M2-2", "E2-M1", "E4-M1");
        assertThatThrownBy(() -> matching.accept("c", both, D)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("E1 is no longer waiting").hasMessageContaining("E2 is no longer waiting")
                .hasMessageContaining("M1 has no free place left");
        assertThat(pairings()).hasSize(4);
    }

    @Test
    void oneRefusedPairMakesNothingAndEveryRefusalIsNamed() {
        List<Request> requests = List.of(new Request("E2", "M1", null, null), new Request("E4", "M1", null, null));

        assertThatThrownBy(() -> matching.accept("c", requests, D)).isInstanceOf(ConflictException.class)
                .hasMessage("Nothing was made: M1 has no free place left (1 places, 0 busy pairings, 1 asked for"
                        + " before); E4 and M1 are former partners (matching.allowRepeat is false).");
        assertThat(pairings()).hasSize(2);
    }

    @Test
    void badFieldsAreNamedAndUnknownPeopleAreNotFound() {
        assertThatThrownBy(() -> matching.accept("c", List.of(new Request(null, "M1", null, 0),
                new Request("E2", "M1", D.plusYears(2), null), new Request("E2", "M2", null, null)), D))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("pairings[0].menteeId", "pairings[0].cadenceDays",
                                "pairings[1].startDate", "pairings[2].menteeId"));
        assertThatThrownBy(() -> matching.accept("c", List.of(), D)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> matching.accept("c", List.of(new Request("M2", "E1", null, null)), D))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("pairings[0].menteeId", "pairings[0].mentorId"));
        assertThatThrownBy(() -> matching.accept("c", List.of(new Request("E9", "M1", null, null)), D))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("E9");
        assertThatThrownBy(() -> matching.propose("nope", D)).isInstanceOf(NotFoundException.class);
        assertThat(pairings()).hasSize(2);
    }

    private List<Pairing> pairings() {
        List<Pairing> all = new ArrayList<>();
        store.forEachRecord(Tables.PAIRINGS, "c", all::add);
        return all;
    }
}
