package org.roadmapcoach.rules.common;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

/** Date choices the rules make in their conditions and for a finding's key date. */
public final class Dates {

    private Dates() {
    }

    /** {@code date}, or {@code fallback} when it is empty (e.g. last progress, else the pairing's start). */
    public static LocalDate orElse(LocalDate date, LocalDate fallback) {
        return date != null ? date : fallback;
    }

    /** The earliest of {@code dates}, ignoring nulls; null when there is none. */
    public static LocalDate earliest(Collection<LocalDate> dates) {
        return dates.stream().filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }
}
