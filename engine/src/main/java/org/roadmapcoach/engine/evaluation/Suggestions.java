package org.roadmapcoach.engine.evaluation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;

/**
 * A mentee's next steps (RULES.md, "Next-step suggestions"): the findings for the mentee or the pair,
 * by severity with GR-CELEBRATE first among infos, then the earliest date involved, then rule id.
 */
public final class Suggestions {

    static final String CELEBRATE = "GR-CELEBRATE";

    /** The default number of suggestions. */
    public static final int DEFAULT_LIMIT = 5;

    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(f -> !CELEBRATE.equals(f.ruleId()))
            .thenComparing(Finding::keyDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::subjectId);

    private Suggestions() {
    }

    /** The first {@code limit} next steps for the mentee among {@code findings}. */
    public static List<Finding> forMentee(List<Finding> findings, int limit) {
        return findings.stream()
                .filter(f -> f.audience() == Audience.MENTEE || f.audience() == Audience.PAIR)
                .sorted(ORDER)
                .limit(limit)
                .toList();
    }
}
