package org.roadmapcoach.engine.evaluation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * Each person's next steps (RULES.md, "Next-step suggestions"): a mentee's are the findings for the
 * mentee or the pair, a mentor's those for the mentor or the pair, a coordinator's those for the
 * coordinator plus every critical one. Ordered by severity with GR-CELEBRATE first among infos, then the
 * earliest date involved, then rule id, pairing id and subject id.
 */
public final class Suggestions {

    static final String CELEBRATE = "GR-CELEBRATE";

    /** The default number of suggestions. */
    public static final int DEFAULT_LIMIT = 5;

    /** The order of next steps, across pairings too. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(f -> !CELEBRATE.equals(f.ruleId()))
            .thenComparing(Finding::keyDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::pairingId)
            .thenComparing(Finding::subjectId);

    private Suggestions() {
    }

    /** Whether {@code finding} is one of the next steps of a person in {@code role}. */
    public static boolean isFor(Role role, Finding finding) {
        return switch (role) {
            case MENTEE -> finding.audience() == Audience.MENTEE || finding.audience() == Audience.PAIR;
            case MENTOR -> finding.audience() == Audience.MENTOR || finding.audience() == Audience.PAIR;
            case COORDINATOR -> finding.audience() == Audience.COORDINATOR
                    || finding.severity() == Severity.CRITICAL;
        };
    }

    /** The first {@code limit} next steps of a person in {@code role} among {@code findings}, in order. */
    public static List<Finding> of(Role role, List<Finding> findings, int limit) {
        return select(findings, f -> isFor(role, f), limit);
    }

    /** The first {@code limit} next steps for the mentee among {@code findings}. */
    public static List<Finding> forMentee(List<Finding> findings, int limit) {
        return of(Role.MENTEE, findings, limit);
    }

    /** The first {@code limit} of the {@code findings} that {@code test} accepts, in order. */
    public static List<Finding> select(List<Finding> findings, Predicate<Finding> test, int limit) {
        return findings.stream().filter(test).sorted(ORDER).limit(limit).toList();
    }
}
