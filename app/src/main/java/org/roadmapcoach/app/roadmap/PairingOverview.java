package org.roadmapcoach.app.roadmap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.roadmapcoach.engine.evaluation.AsOf;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.Giver;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * A pairing's whole roadmap as of a date, with what its page shows beside the records: the check-ins
 * against the agreed cadence (the gaps between held check-ins, and which are overdue by the rule's
 * factor), and reciprocity given and received over the window RC-UNBALANCED uses.
 *
 * @param catalog the cohort's resources, by id
 * @param checkIns every check-in up to the as-of date, oldest first
 * @param gaps the gaps between held check-ins (from the pairing's start when none was held before), the last
 *     one up to the as-of date
 */
public record PairingOverview(Roadmap roadmap, Policy policy, List<Resource> catalog, LocalDate asOf,
                              List<CheckIn> checkIns, List<Gap> gaps, Reciprocity reciprocity) {

    /** Days without a held check-in; overdue above the cadence times {@code checkins.overdueFactor}. */
    public record Gap(LocalDate from, LocalDate to, long days, boolean overdue, boolean open) {
    }

    /**
     * Reciprocity in the last {@code windowDays} days up to the as-of date (min of {@code reciprocity.windowDays}
     * and the days since the start), by giver.
     *
     * @param ruleApplies whether the window is long enough for RC-UNBALANCED ({@code reciprocity.minWindowDays})
     */
    public record Reciprocity(long windowDays, boolean ruleApplies, int menteeGave, BigDecimal menteeHours,
                              int mentorGave, BigDecimal mentorHours) {
    }

    static PairingOverview of(Roadmap roadmap, Policy policy, List<Resource> catalog, LocalDate asOf) {
        List<CheckIn> checkIns = roadmap.checkIns().stream().filter(c -> !c.date().isAfter(asOf))
                .sorted(Comparator.comparing(CheckIn::date).thenComparing(CheckIn::id)).toList();
        return new PairingOverview(roadmap, policy, catalog, asOf, checkIns, gaps(roadmap, policy, checkIns, asOf),
                reciprocity(roadmap, policy, asOf));
    }

    private static List<Gap> gaps(Roadmap roadmap, Policy policy, List<CheckIn> checkIns, LocalDate asOf) {
        // overdue when days * 100 > cadence * factor in hundredths, as CI-OVERDUE counts
        long limit = (long) roadmap.pairing().cadenceDays() * policy.overdueFactorPct();
        List<Gap> gaps = new ArrayList<>();
        LocalDate from = roadmap.pairing().startDate();
        if (from == null || from.isAfter(asOf)) {
            return gaps;
        }
        for (CheckIn c : checkIns) {
            if (c.status() == CheckInStatus.HELD && !c.date().isBefore(from)) {
                long days = ChronoUnit.DAYS.between(from, c.date());
                gaps.add(new Gap(from, c.date(), days, days * 100 > limit, false));
                from = c.date();
            }
        }
        long days = ChronoUnit.DAYS.between(from, asOf);
        gaps.add(new Gap(from, asOf, days, days * 100 > limit, true));
        return gaps;
    }

    private static Reciprocity reciprocity(Roadmap roadmap, Policy policy, LocalDate asOf) {
        AsOf d = new AsOf(asOf);
        LocalDate start = roadmap.pairing().startDate();
        long window = start == null ? 0 : Math.max(0, Math.min(policy.reciprocityWindowDays(), d.daysSince(start)));
        int menteeGave = 0;
        int mentorGave = 0;
        BigDecimal menteeHours = BigDecimal.ZERO;
        BigDecimal mentorHours = BigDecimal.ZERO;
        for (ReciprocityEntry e : roadmap.reciprocity()) {
            if (!d.inLastDays(e.date(), window)) {
                continue;
            }
            BigDecimal hours = e.hours() == null ? BigDecimal.ZERO : e.hours();
            if (e.giver() == Giver.MENTEE) {
                menteeGave++;
                menteeHours = menteeHours.add(hours);
            } else {
                mentorGave++;
                mentorHours = mentorHours.add(hours);
            }
        }
        return new Reciprocity(window, window >= policy.reciprocityMinWindowDays(), menteeGave, menteeHours,
                mentorGave, mentorHours);
    }
}
