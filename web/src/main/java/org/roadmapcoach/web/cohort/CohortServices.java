package org.roadmapcoach.web.cohort;

import java.util.function.Supplier;
import org.roadmapcoach.app.board.BoardService;
import org.roadmapcoach.app.cohort.CohortService;
import org.roadmapcoach.app.healthcheck.HealthCheckService;
import org.roadmapcoach.app.matching.MatchingService;

/**
 * The use cases of the coordinator's pages, beside {@link org.roadmapcoach.web.WebServices}: the board,
 * imports and policy, health checks (once the rule base is built), and mentor matching.
 */
public record CohortServices(BoardService board, CohortService cohorts, Supplier<HealthCheckService> healthChecks,
                             MatchingService matching) {
}
