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

    /** What to write for each of {@code parts}, separated by semicolons. */
    public static String prompts(Collection<String> parts) {
        return String.join("; ", parts.stream().map(Agreements::prompt).toList());
    }

    static String prompt(String part) {
        return switch (part) {
            case "roles" -> "roles: what the mentee drives and what the mentor offers";
            case "boundaries" -> "boundaries: topics that are in and out, confidentiality, and how to reach each other";
            case "cadence" -> "cadence: how often you meet, for how long, and who books it";
            case "success_metrics" -> "success metrics: how you will both know the mentorship worked";
            default -> part;
        };
    }
}
