package org.roadmapcoach.engine.roadmap;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An objective of a pairing's roadmap; every field but id, pairingId, title and status may be null. */
public record Objective(String id, String pairingId, String title, String description, String competency,
                        SkillType skillType, String metric, BigDecimal baseline, BigDecimal target,
                        BigDecimal current, String unit, LocalDate dueDate, String evidencePlan,
                        ObjectiveStatus status, LocalDate lastReviewed) {
}
