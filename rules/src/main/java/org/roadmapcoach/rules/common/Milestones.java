package org.roadmapcoach.rules.common;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.roadmapcoach.engine.roadmap.Milestone;

/** Milestones as findings name them, in a stable order (stage, then id). */
public final class Milestones {

    private static final Comparator<Milestone> ORDER = Comparator.comparing(Milestone::stage).thenComparing(Milestone::id);

    private Milestones() {
    }

    /** The ids of {@code milestones}. */
    public static List<String> ids(Collection<Milestone> milestones) {
        return milestones.stream().sorted(ORDER).map(Milestone::id).toList();
    }

    /** Each milestone by name and stage: {@code "Map the domain" (discovery)}. */
    public static List<String> described(Collection<Milestone> milestones) {
        return milestones.stream().sorted(ORDER).map(m -> Names.milestone(m) + " (" + m.stage().code() + ")").toList();
    }
}
