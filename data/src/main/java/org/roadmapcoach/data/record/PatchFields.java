package org.roadmapcoach.data.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.roadmapcoach.engine.roadmap.Coded;

/**
 * A change to a stored record: the columns the change names (even as null, which clears them) come from
 * it, every other column keeps its stored value.
 */
public final class PatchFields implements RecordFields {

    private final RecordFields change;
    private final Predicate<String> names;
    private final RecordFields stored;

    /** @param names whether the change names a column */
    public PatchFields(RecordFields change, Predicate<String> names, RecordFields stored) {
        this.change = change;
        this.names = names;
        this.stored = stored;
    }

    private RecordFields from(String column) {
        return names.test(column) ? change : stored;
    }

    @Override
    public String text(String column) {
        return from(column).text(column);
    }

    @Override
    public String required(String column) {
        return from(column).required(column);
    }

    @Override
    public LocalDate date(String column, boolean required) {
        return from(column).date(column, required);
    }

    @Override
    public <E extends Enum<E> & Coded> E code(String column, Class<E> type, E fallback, boolean required) {
        return from(column).code(column, type, fallback, required);
    }

    @Override
    public BigDecimal decimal(String column) {
        return from(column).decimal(column);
    }

    @Override
    public BigDecimal signedDecimal(String column) {
        return from(column).signedDecimal(column);
    }

    @Override
    public Integer whole(String column, int min, int max, Integer fallback) {
        return from(column).whole(column, min, max, fallback);
    }
}
