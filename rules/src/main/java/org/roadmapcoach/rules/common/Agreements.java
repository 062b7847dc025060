package org.roadmapcoach.rules.common;

import java.util.Collection;
import java.util.List;
import org.roadmapcoach.engine.roadmap.Agreement;

/** The agreement's missing parts (a pairing without any agreement misses all four) and how to fill each. */
public final class Agreements {

    private static final List<String> ALL_PARTS = new Agreement(null, null, null, null).missingParts();

    private Agreements() {
    }

    /** The names of the empty parts, in CSV column order: roles, boundaries, cadence, success_metrics. */
    public static List<String> missingParts(Agreement agreement) {
        return agreement == null ? ALL_PARTS : agreement.missingParts();
    }

    /** A part as a reader says it: {@code success metrics}. */
    public static String spoken(String part) {
        return part.replace('_', ' ');
    }

    /** The parts as a reader says them, in order. */
    public static List<String> spoken(Collection<String> parts) {
        return parts.stream().map(Agreements::spoken).toList();
    }

    /** What to write for each of {@code parts}: "the roles (...), and the cadence (...)". */
    public static String prompts(Collection<String> parts) {
        return Names.list(parts.stream().map(Agreements::prompt).toList());
    }

    static String prompt(String part) {
        return switch (part) {
            case "roles" -> "the roles (what the mentee drives, what the mentor offers)";
            case "boundaries" -> "the boundaries (topics in and out, confidentiality, how to reach each other)";
            case "cadence" -> "the cadence (how often you meet, for how long, who books it)";
            case "success_metrics" -> "the success metrics (how you will both know the mentorship worked)";
            default -> "the " + spoken(part);
        };
    }
}
