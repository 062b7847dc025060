package org.roadmapcoach.engine.roadmap;

import java.util.List;

/**
 * Someone in the program: a mentee, a mentor or a coordinator.
 *
 * @param strengths competencies the person is strong in, lower-case
 * @param gaps competencies the person wants to build, lower-case
 * @param ambitions free text: where the person wants to be, or null
 */
public record Person(String id, String name, Role role, String email, String title, String department,
                     List<String> strengths, List<String> gaps, String ambitions,
                     Integer capacityHoursPerMonth, Integer maxMentees) {
    public Person {
        strengths = List.copyOf(strengths);
        gaps = List.copyOf(gaps);
    }
}
