package org.roadmapcoach.rules.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.roadmap.Level;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.ResourceType;
import org.roadmapcoach.engine.roadmap.Stage;

/** RES-RECOMMEND's ranking, one criterion at a time. */
class RecommenderTest {

    static Milestone milestone(Stage stage, MilestoneStatus status) {
        return new Milestone(stage + "-" + status, "O1", stage, null, null, status, null, null, null);
    }

    static Resource resource(String id, Level level, String hours, Stage... stages) {
        return new Resource(id, id, ResourceType.READING, List.of("sql"), level, List.of(stages),
                hours == null ? null : new BigDecimal(hours), null, null);
    }

    @Test
    void theCurrentStageIsTheEarliestWithAPlannedOrInProgressMilestone() {
        assertThat(Recommender.currentStage(List.of(milestone(Stage.MASTERY, MilestoneStatus.PLANNED),
                milestone(Stage.PRACTICE, MilestoneStatus.IN_PROGRESS), milestone(Stage.DISCOVERY, MilestoneStatus.DONE),
                milestone(Stage.DISCOVERY, MilestoneStatus.DROPPED)))).isEqualTo(Stage.PRACTICE);
        assertThat(Recommender.currentStage(List.of(milestone(Stage.DISCOVERY, MilestoneStatus.DONE)))).isNull();
    }

    @Test
    void theWantedLevelGrowsWithDonePracticeAndFeedback() {
        assertThat(Recommender.wantedLevel(List.of())).isEqualTo(Level.INTRO);
        assertThat(Recommender.wantedLevel(List.of(milestone(Stage.PRACTICE, MilestoneStatus.IN_PROGRESS),
                milestone(Stage.MASTERY, MilestoneStatus.DONE)))).isEqualTo(Level.INTRO);
        assertThat(Recommender.wantedLevel(List.of(milestone(Stage.PRACTICE, MilestoneStatus.DONE))))
                .isEqualTo(Level.INTERMEDIATE);
        assertThat(Recommender.wantedLevel(List.of(milestone(Stage.FEEDBACK, MilestoneStatus.DONE))))
                .isEqualTo(Level.ADVANCED);
    }

    @Test
    void ranksByStageFitThenLevelFitThenFewerHoursWithNoneLastThenId() {
        List<Milestone> atPractice = List.of(milestone(Stage.PRACTICE, MilestoneStatus.PLANNED));
        List<Resource> candidates = List.of(
                resource("E", Level.ADVANCED, "1"),
                resource("D", Level.INTRO, null, Stage.PRACTICE),
                resource("C", null, "5", Stage.PRACTICE),
                resource("B", Level.INTRO, "5"),
                resource("A", Level.INTRO, "5", Stage.MASTERY),
                resource("F", null, null, Stage.DISCOVERY, Stage.PRACTICE));

        List<Recommendation> ranked = Recommender.top(atPractice, candidates, List.of(), 10);

        assertThat(ranked).extracting(r -> r.resource().id()).containsExactly("B", "C", "D", "F", "E", "A");
        assertThat(ranked).extracting(Recommendation::rank).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(ranked.get(4).levelFit()).isFalse();
        assertThat(ranked.get(5).stageFit()).isFalse();
    }

    @Test
    void leavesOutEngagedResourcesAndStopsAtTheLimit() {
        List<Resource> candidates = List.of(resource("A", null, "1"), resource("B", null, "2"), resource("C", null, "3"),
                resource("D", null, "4"));

        assertThat(Recommender.top(List.of(), candidates, List.of("A", "C"), 3))
                .extracting(r -> r.resource().id()).containsExactly("B", "D");
        assertThat(Recommender.top(List.of(), candidates, List.of(), 3)).hasSize(3);
    }

    @Test
    void matchesTheCompetencyIgnoringCase() {
        Resource sql = resource("A", null, null);
        assertThat(Recommender.builds(sql, " SQL")).isTrue();
        assertThat(Recommender.builds(sql, "sq")).isFalse();
        assertThat(Recommender.builds(sql, null)).isFalse();
    }

    @Test
    void explainsTheChoice() {
        Recommendation r = Recommender.top(List.of(milestone(Stage.PRACTICE, MilestoneStatus.PLANNED)),
                List.of(resource("A", Level.ADVANCED, "2.50", Stage.PRACTICE)), List.of(), 3).get(0);
        assertThat(r.reason()).isEqualTo("it suits the practice stage you are in; it is advanced while you are ready"
                + " for intro; it takes 2.5 hours.");
    }
}
