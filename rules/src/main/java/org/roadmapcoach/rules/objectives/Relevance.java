package org.roadmapcoach.rules.objectives;

import java.util.Collection;
import org.roadmapcoach.rules.common.Text;

/**
 * SMART-RELEVANT's test: an objective is relevant when its competency is among the mentee's gaps or
 * appears in the mentee's ambitions. Both comparisons ignore case and surrounding space; the
 * ambitions test is a plain substring test, as RULES.md says ("appears in the ambitions text").
 */
public final class Relevance {

    private Relevance() {
    }

    /** Whether {@code competency} is a gap of the mentee or named in their ambitions; false when empty. */
    public static boolean isRelevant(String competency, Collection<String> gaps, String ambitions) {
        String wanted = Text.normalized(competency);
        if (wanted.isEmpty()) {
            return false;
        }
        return gaps.stream().anyMatch(gap -> Text.normalized(gap).equals(wanted))
                || Text.normalized(ambitions).contains(wanted);
    }
}
