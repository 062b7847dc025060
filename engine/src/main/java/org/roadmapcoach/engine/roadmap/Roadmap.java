package org.roadmapcoach.engine.roadmap;

import java.util.List;

/**
 * One pairing's whole roadmap as stored: the pair, their objectives and milestones, and everything
 * recorded. Records dated after an as-of date are still here; the evaluator leaves them out.
 */
public record Roadmap(Pairing pairing, Person mentee, Person mentor, List<Objective> objectives,
                      List<Milestone> milestones, List<CheckIn> checkIns, List<ReciprocityEntry> reciprocity,
                      List<Activity> activities, List<Engagement> engagements) {
    public Roadmap {
        objectives = List.copyOf(objectives);
        milestones = List.copyOf(milestones);
        checkIns = List.copyOf(checkIns);
        reciprocity = List.copyOf(reciprocity);
        activities = List.copyOf(activities);
        engagements = List.copyOf(engagements);
    }
}
