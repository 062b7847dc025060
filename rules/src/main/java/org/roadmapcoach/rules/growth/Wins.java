package org.roadmapcoach.rules.growth;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.rules.common.Names;

/** The objectives behind GR-PAY-FORWARD, in a stable order (objective id). */
public final class Wins {

    private static final Comparator<Objective> BY_ID = Comparator.comparing(Objective::id);

    private Wins() {
    }

    /** The objectives' ids, sorted. */
    public static List<String> ids(Collection<Objective> objectives) {
        return objectives.stream().sorted(BY_ID).map(Objective::id).toList();
    }

    /** The objectives' quoted titles, in id order. */
    public static List<String> titles(Collection<Objective> objectives) {
        return objectives.stream().sorted(BY_ID).map(o -> Names.quoted(o.title())).toList();
    }
}
