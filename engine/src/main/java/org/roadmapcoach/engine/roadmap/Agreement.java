package org.roadmapcoach.engine.roadmap;

import java.util.ArrayList;
import java.util.List;

/** The four parts of a pairing's written agreement; a part is null when not written. */
public record Agreement(String roles, String boundaries, String cadence, String successMetrics) {

    /** The names of the parts that are empty, in the order of the CSV columns. */
    public List<String> missingParts() {
        List<String> missing = new ArrayList<>();
        if (isBlank(roles)) missing.add("roles");
        if (isBlank(boundaries)) missing.add("boundaries");
        if (isBlank(cadence)) missing.add("cadence");
        if (isBlank(successMetrics)) missing.add("success_metrics");
        return missing;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
