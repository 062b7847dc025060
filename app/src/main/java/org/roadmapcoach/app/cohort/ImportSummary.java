package org.roadmapcoach.app.cohort;

import java.util.List;
import java.util.Map;

/** A written import: rows read per file and what was ignored. */
public record ImportSummary(String cohortId, Map<String, Long> counts, List<String> warnings) {
}
