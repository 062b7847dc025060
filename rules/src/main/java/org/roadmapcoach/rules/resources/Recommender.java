package org.roadmapcoach.rules.resources;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.roadmapcoach.engine.evaluation.Catalog;
import org.roadmapcoach.engine.roadmap.Level;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Stage;
import org.roadmapcoach.rules.common.Text;

/**
 * RES-RECOMMEND's ranking, exactly as RULES.md writes it. It ranks, it does not filter: a resource
 * that fits neither stage nor level still fills a place when better ones run out.
 * <ol>
 *   <li>stage fit: the resource's stages are empty or include the objective's current stage (the
 *       earliest stage, discovery to mastery, with a planned or in-progress milestone; with none,
 *       every resource fits);</li>
 *   <li>level fit: the resource's level is empty or the wanted one (advanced once a feedback milestone
 *       is done, else intermediate once a practice milestone is done, else intro);</li>
 *   <li>fewer hours first, resources without hours last;</li>
 *   <li>resource id.</li>
 * </ol>
 */
public final class Recommender {

    private static final Comparator<BigDecimal> HOURS = Comparator.nullsLast(Comparator.naturalOrder());

    private Recommender() {
    }

    /** Whether {@code resource} is tagged with {@code competency} (case and surrounding space ignored). */
    public static boolean builds(Resource resource, String competency) {
        if (competency == null || competency.isBlank()) {
            return false;
        }
        String wanted = competency.strip();
        for (String tag : resource.competencies()) {
            if (tag.strip().equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The resources of {@code catalog} that {@link #builds} {@code competency}, worked out once per
     * competency and evaluation (every objective with that competency asks).
     */
    public static List<Resource> tagged(Catalog catalog, String competency) {
        return catalog.select(new Tagged(competency), resource -> builds(resource, competency));
    }

    /** The question "which resources build this competency" to a {@link Catalog}. */
    private record Tagged(String competency) {
    }

    /** The earliest stage with a planned or in-progress milestone, or null when there is none. */
    public static Stage currentStage(Collection<Milestone> milestones) {
        return milestones.stream()
                .filter(m -> m.status() == MilestoneStatus.PLANNED || m.status() == MilestoneStatus.IN_PROGRESS)
                .map(Milestone::stage)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** Advanced once a feedback milestone is done, else intermediate once a practice one is, else intro. */
    public static Level wantedLevel(Collection<Milestone> milestones) {
        if (hasDone(milestones, Stage.FEEDBACK)) {
            return Level.ADVANCED;
        }
        return hasDone(milestones, Stage.PRACTICE) ? Level.INTERMEDIATE : Level.INTRO;
    }

    /**
     * The best {@code limit} of {@code candidates} for an objective with {@code milestones}, leaving out
     * the resources in {@code engagedResourceIds}; best first, ranked from 1.
     */
    public static List<Recommendation> top(Collection<Milestone> milestones, Collection<Resource> candidates,
                                           Collection<String> engagedResourceIds, int limit) {
        Stage stage = currentStage(milestones);
        Level level = wantedLevel(milestones);
        Set<String> engaged = Set.copyOf(engagedResourceIds);
        List<Resource> ranked = new ArrayList<>(candidates.stream().filter(r -> !engaged.contains(r.id())).toList());
        ranked.sort(Comparator.comparing((Resource r) -> !stageFit(r, stage))
                .thenComparing(r -> !levelFit(r, level))
                .thenComparing(Resource::hours, HOURS)
                .thenComparing(Resource::id));
        List<Recommendation> top = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
            Resource resource = ranked.get(i);
            top.add(new Recommendation(resource, i + 1, stage, level, stageFit(resource, stage),
                    levelFit(resource, level)));
        }
        return top;
    }

    static boolean stageFit(Resource resource, Stage current) {
        return current == null || resource.stages().isEmpty() || resource.stages().contains(current);
    }

    static boolean levelFit(Resource resource, Level wanted) {
        return resource.level() == null || resource.level() == wanted;
    }

    private static boolean hasDone(Collection<Milestone> milestones, Stage stage) {
        return milestones.stream().anyMatch(m -> m.stage() == stage && m.status() == MilestoneStatus.DONE);
    }
}
