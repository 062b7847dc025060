package org.roadmapcoach.app.roadmap;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;

/**
 * A pairing's roadmap as the API shows it: the pair, the objectives each with its milestones, the
 * latest check-ins and everything given back, newest first.
 */
public record RoadmapView(String cohortId, Pairing pairing, PersonJson mentee, PersonJson mentor,
                          List<ObjectiveJson> objectives, List<CheckIn> recentCheckIns,
                          List<ReciprocityEntry> reciprocity) {

    /** Who a person is; contact details and development notes stay out of the roadmap view. */
    public record PersonJson(String id, String name, String title) {
        static PersonJson of(Person person) {
            return person == null ? null : new PersonJson(person.id(), person.name(), person.title());
        }
    }

    /** An objective's fields, plus its milestones. */
    public record ObjectiveJson(@JsonUnwrapped Objective objective, List<Milestone> milestones) {
    }
}
