package org.roadmapcoach.engine.roadmap;

import java.time.LocalDate;

/** A milestone of an objective, in one of the four stages. */
public record Milestone(String id, String objectiveId, Stage stage, String title, LocalDate dueDate,
                        MilestoneStatus status, LocalDate lastProgress, LocalDate completedOn,
                        String reflection) {
}
