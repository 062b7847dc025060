package org.roadmapcoach.engine.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.roadmapcoach.engine.finding.Finding;

/** The global that rule consequences add their findings to; one per evaluation. */
public final class Findings {

    private final List<Finding> found = new ArrayList<>();

    public void add(Finding finding) {
        found.add(finding);
    }

    public void add(Finding.Builder finding) {
        found.add(finding.build());
    }

    List<Finding> all() {
        return found;
    }
}
