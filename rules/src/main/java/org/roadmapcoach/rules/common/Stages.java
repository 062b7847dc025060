package org.roadmapcoach.rules.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.roadmapcoach.engine.roadmap.Stage;

/** The four roadmap stages: which are missing, and what a first milestone of each could be. */
public final class Stages {

    private Stages() {
    }

    /** The stages not in {@code present}, in roadmap order. */
    public static List<Stage> missing(Collection<Stage> present) {
        return Arrays.stream(Stage.values()).filter(stage -> !present.contains(stage)).toList();
    }

    /** The codes of the stages not in {@code present}, in roadmap order. */
    public static List<String> missingCodes(Collection<Stage> present) {
        return missing(present).stream().map(Stage::code).toList();
    }

    /** A first-milestone idea for {@code stage}, from good mentoring practice. */
    public static String idea(Stage stage) {
        return switch (stage) {
            case DISCOVERY -> "for discovery, map what good looks like and where you stand today";
            case PRACTICE -> "for practice, try it on a real task at work";
            case FEEDBACK -> "for feedback, ask a colleague or stakeholder to review the result";
            case MASTERY -> "for mastery, do it unaided or teach it to someone else";
        };
    }

    /** Ideas for every missing stage, separated by semicolons. */
    public static String ideas(Collection<Stage> present) {
        return String.join("; ", missing(present).stream().map(Stages::idea).toList());
    }
}
