package org.roadmapcoach.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.matching.fixtures.Given.D;
import static org.roadmapcoach.matching.fixtures.Given.mentee;
import static org.roadmapcoach.matching.fixtures.Given.mentor;
import static org.roadmapcoach.matching.fixtures.Given.pairing;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.roadmap.PairingStatus;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.matching.Acceptance.Requested;

class AcceptanceTest {

    final List<Person> people = List.of(mentee("E1").gaps("sql").build(), mentee("E2").gaps("sql").build(),
            mentee("E3").gaps("ux").build(), mentor("M1").strengths("sql").maxMentees(1).build());

    @Test
    void eligiblePairsWithinThePlacesMayAllBeMade() {
        assertThat(Acceptance.refusals(people, List.of(), D, MatchingSettings.defaults(),
                List.of(new Requested("E1", "M1")))).isEmpty();
    }

    @Test
    void aMentorsPlacesCountThePairsAskedForBefore() {
        assertThat(Acceptance.refusals(people, List.of(), D, MatchingSettings.defaults(),
                List.of(new Requested("E1", "M1"), new Requested("E2", "M1"))))
                .containsExactly("M1 has no free place left (1 places, 0 busy pairings, 1 asked for before)");
    }

    @Test
    void aMenteeWithABusyPairingIsNoLongerWaiting() {
        var busy = List.of(pairing("E1", "M9").build());
        assertThat(Acceptance.refusals(people, busy, D, MatchingSettings.defaults(),
                List.of(new Requested("E1", "M1"))))
                .containsExactly("E1 is no longer waiting: a pairing of theirs is active or paused");
    }

    @Test
    void aFormerPartnerOrAPairCoveringNoGapIsRefused() {
        var closed = List.of(pairing("E1", "M1").status(PairingStatus.CLOSED).build());
        assertThat(Acceptance.refusals(people, closed, D, MatchingSettings.defaults(),
                List.of(new Requested("E1", "M1")))).containsExactly(
                "E1 and M1 are former partners (matching.allowRepeat is false)");
        assertThat(Acceptance.refusals(people, List.of(), D, MatchingSettings.defaults(),
                List.of(new Requested("E3", "M1")))).containsExactly(
                "M1 covers 0 of E3's gaps; matching.minCoveredGaps asks for 1");
    }

    @Test
    void aMenteeAskedForTwiceIsRefused() {
        assertThat(Acceptance.refusals(people, List.of(), D, MatchingSettings.defaults(),
                List.of(new Requested("E1", "M1"), new Requested("E1", "M1"))))
                .containsExactly("E1 is asked for more than once");
    }
}
