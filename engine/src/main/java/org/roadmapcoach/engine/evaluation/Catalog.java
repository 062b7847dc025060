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
 * objective: a question is answered once per evaluation and then remembered. Confined to its session's
 * thread, like the session.
 */
public final class Catalog {

    private final List<Resource> resources;
    private final Map<Object, List<Resource>> selections = new HashMap<>();

    public Catalog(Collection<Resource> resources) {
        this.resources = List.copyOf(resources);
    }

    /**
     * The resources that {@code test} accepts, in catalog order, worked out on the first call with
     * {@code question} and remembered: one question must always come with the same test.
     */
    public List<Resource> select(Object question, Predicate<Resource> test) {
        return selections.computeIfAbsent(question, q -> resources.stream().filter(test).toList());
    }
}
