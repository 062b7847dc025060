package org.roadmapcoach.app.cohort;

import java.time.LocalDate;
import java.util.Map;

/** A cohort and the rows stored for it per CSV file. */
public record CohortView(String id, String name, LocalDate startDate, LocalDate endDate, Map<String, Long> counts) {
}
