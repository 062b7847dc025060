package org.roadmapcoach.engine.roadmap;

import java.time.LocalDate;

/** A program cohort: the unit a coordinator imports and checks. Dates may be null. */
public record Cohort(String id, String name, LocalDate startDate, LocalDate endDate) {
}
