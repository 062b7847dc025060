package org.roadmapcoach.web.cohort;

import org.roadmapcoach.app.board.BoardService;
import org.roadmapcoach.app.cohort.CohortService;
import org.roadmapcoach.app.healthcheck.HealthCheckJobs;

/**
 * The use cases of the coordinator's pages, beside {@link org.roadmapcoach.web.WebServices}: the board,
 * imports and policy, and health checks run as jobs (the same jobs as the API's {@code Prefer: respond-async}).
 */
public record CohortServices(BoardService board, CohortService cohorts, HealthCheckJobs checkJobs) {
}
