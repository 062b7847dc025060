package org.roadmapcoach.web;

import java.util.Arrays;
import java.util.List;
import org.roadmapcoach.engine.roadmap.ActivityKind;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.engine.roadmap.EngagementStatus;
import org.roadmapcoach.engine.roadmap.Giver;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.ObjectiveStatus;
import org.roadmapcoach.engine.roadmap.ReciprocityKind;
import org.roadmapcoach.engine.roadmap.SkillType;
import org.roadmapcoach.engine.roadmap.Stage;

/** The choices of each enumerated field, as the forms' selects offer them (the codes of CSV.md). */
public final class Codes {

    public static final List<String> CHECK_IN_TYPES = of(CheckInType.class);
    public static final List<String> CHECK_IN_STATUSES = of(CheckInStatus.class);
    public static final List<String> ACTIVITY_KINDS = of(ActivityKind.class);
    public static final List<String> GIVERS = of(Giver.class);
    public static final List<String> RECIPROCITY_KINDS = of(ReciprocityKind.class);
    public static final List<String> MILESTONE_STATUSES = of(MilestoneStatus.class);
    public static final List<String> OBJECTIVE_STATUSES = of(ObjectiveStatus.class);
    public static final List<String> ENGAGEMENT_STATUSES = of(EngagementStatus.class);
    public static final List<String> SKILL_TYPES = of(SkillType.class);
    public static final List<String> STAGES = of(Stage.class);

    private Codes() {
    }

    private static <E extends Enum<E> & Coded> List<String> of(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
    }
}
