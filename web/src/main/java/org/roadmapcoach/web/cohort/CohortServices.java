package org.roadmapcoach.web.cohort;

import org.roadmapcoach.app.board.BoardService;
import org.roadmapcoach.app.cohort.CohortService;
import org.roadmapcoach.app.healthcheck.HealthCheckJobs;
import org.roadmapcoach.app.matching.MatchingService;

/**
 * The use cases of the coordinator's pages, beside {@link org.roadmapcoach.web.WebServices}: the board,
 * imports and policy, health checks run as jobs (the same jobs as the API's {@code Prefer: respond-async}),
 * and mentor matching.
 */
public record CohortServices(BoardService board, CohortService cohorts, HealthCheckJobs checkJobs,
                             MatchingService matching) {
}
