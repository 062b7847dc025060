package org.roadmapcoach.app.reach;

import java.time.LocalDate;
import java.util.List;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.roadmap.Person;

/**
 * One person's weekly digest (REACH.md): only what is new to them.
 *
 * @param week the Monday of the digest's week
 * @param health the cohort's health for a coordinator; null for a mentee or mentor
 * @param turnedRed for a coordinator, the pairings that turned red since the previous health check
 * @param steps the person's next steps, each with the page where they act on it
 */
public record Digest(String cohortId, Person person, LocalDate asOf, LocalDate week, CohortHealth health,
                     List<Item> turnedRed, List<Item> steps) {

    /**
     * One thing to act on.
     *
     * @param key what it is about, as the person's digest history remembers it
     * @param about whom or what it concerns, in words ("P05, with Sofia Marquez")
     * @param page the path of the page where the person acts on it ({@code /pairings/P05})
     */
    public record Item(String key, Severity severity, String ruleId, String pairingId, String about, String message,
                       String nextStep, String page) {
    }

    /**
     * The cohort's health in its latest stored check, and in the one before it when there is one.
     *
     * @param previousAsOf null when there is no earlier check (the counts before are then 0)
     */
    public record CohortHealth(LocalDate asOf, long red, long amber, long green, LocalDate previousAsOf,
                               long redBefore, long amberBefore, long greenBefore) {
    }

    /** Every item, red pairings first. */
    public List<Item> items() {
        return java.util.stream.Stream.concat(turnedRed.stream(), steps.stream()).toList();
    }
}
