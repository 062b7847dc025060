package org.roadmapcoach.rules.reciprocity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Stream;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;

/** Exact sums and ratios of reciprocity hours: BigDecimal throughout, never a double. */
public final class ReciprocityHours {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ReciprocityHours() {
    }

    /**
     * The hours of {@code entries} added up; an entry without hours adds nothing. Trailing zeros are
     * dropped so that messages say "1 hour" whether the CSV said 1, 1.0 or 0.25 four times.
     */
    public static BigDecimal total(Collection<ReciprocityEntry> entries) {
        BigDecimal sum = BigDecimal.ZERO;
        for (ReciprocityEntry entry : entries) {
            if (entry.hours() != null) {
                sum = sum.add(entry.hours());
            }
        }
        return plain(sum);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A ratio in hundredths as a plain number: 400 is 4, 150 is 1.5. */
    public static BigDecimal ratio(int pct) {
        return plain(BigDecimal.valueOf(pct, 2));
    }

    /** The earliest date among the entries of both lists, or {@code fallback} when both are empty. */
    public static LocalDate earliestDate(Collection<ReciprocityEntry> some, Collection<ReciprocityEntry> others,
                                         LocalDate fallback) {
        return Stream.concat(some.stream(), others.stream()).map(ReciprocityEntry::date)
                .min(Comparator.naturalOrder()).orElse(fallback);
    }

    /**
     * Whether {@code mentorHours} exceed {@code ratioPct} hundredths of {@code menteeHours}
     * (400 = 4 x), while both are above zero: 100 x mentor > ratioPct x mentee, exactly.
     */
    public static boolean mentorOutweighs(BigDecimal mentorHours, BigDecimal menteeHours, int ratioPct) {
        return mentorHours.signum() > 0 && menteeHours.signum() > 0
                && mentorHours.multiply(HUNDRED).compareTo(menteeHours.multiply(BigDecimal.valueOf(ratioPct))) > 0;
    }
}
