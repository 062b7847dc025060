package org.roadmapcoach.engine.roadmap;

import java.math.BigDecimal;
import java.util.List;

/**
 * A development resource of the catalog.
 *
 * @param competencies competencies it builds, lower-case, never empty
 * @param stages stages it suits; empty means any
 */
public record Resource(String id, String title, ResourceType type, List<String> competencies, Level level,
                       List<Stage> stages, BigDecimal hours, String url, BigDecimal cost) {
    public Resource {
        competencies = List.copyOf(competencies);
        stages = List.copyOf(stages);
    }
}
