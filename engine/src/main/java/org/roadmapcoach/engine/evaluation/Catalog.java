package org.roadmapcoach.engine.evaluation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.roadmapcoach.engine.roadmap.Resource;

/**
 * The resource catalog of one evaluation as a single fact, beside the resources themselves. A rule that
 * needs the resources fitting each objective asks it, instead of matching every resource against every
 * objective: a question is answered once and then remembered, for as long as the fact is in its session
 * (a pooled session keeps it from one evaluation to the next: {@link SessionPool}). Confined to the
 * thread its session is lent to, like the session.
 */
public final class Catalog {

    private final List<Resource> resources;
    /** Answers remembered at most; any others are worked out on every call. */
    static final int MAX_QUESTIONS = 10_000;

    private final Map<Object, List<Resource>> selections = new HashMap<>();

    public Catalog(Collection<Resource> resources) {
        this.resources = List.copyOf(resources);
    }

    /**
     * The resources that {@code test} accepts, in catalog order, worked out on the first call with
     * {@code question} and remembered: one question must always come with the same test.
     */
    public List<Resource> select(Object question, Predicate<Resource> test) {
        List<Resource> selected = selections.get(question);
        if (selected == null) {
            selected = resources.stream().filter(test).toList();
            if (selections.size() < MAX_QUESTIONS) { // competencies are typed in: a long-lived fact stays bounded
                selections.put(question, selected);
            }
        }
        return selected;
    }
}
