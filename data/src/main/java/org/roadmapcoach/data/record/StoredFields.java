package org.roadmapcoach.data.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.data.store.Table;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.engine.roadmap.Dates;

/**
 * A stored record's values as {@link RecordFields}, by the CSV columns of its table: what a change that
 * names only some fields keeps of the rest. They were checked when they were written, so they read
 * without errors.
 */
public final class StoredFields implements RecordFields {

    private final Map<String, String> values = new HashMap<>();

    public <T> StoredFields(Table<T> table, T record) {
        List<String> columns = table.columns();
        List<Object> stored = table.values(record);
        for (int i = 0; i < columns.size(); i++) {
            if (stored.get(i) != null && !String.valueOf(stored.get(i)).isEmpty()) {
                values.put(columns.get(i), String.valueOf(stored.get(i)));
            }
        }
    }

    @Override
    public String text(String column) {
        return values.get(column);
    }

    @Override
    public String required(String column) {
        return values.get(column);
    }

    @Override
    public LocalDate date(String column, boolean required) {
        String text = values.get(column);
        return text == null ? null : Dates.parse(text);
    }

    @Override
    public <E extends Enum<E> & Coded> E code(String column, Class<E> type, E fallback, boolean required) {
        String text = values.get(column);
        return text == null ? fallback : Coded.parse(type, text);
    }

    @Override
    public BigDecimal decimal(String column) {
        return signedDecimal(column);
    }

    @Override
    public BigDecimal signedDecimal(String column) {
        String text = values.get(column);
        return text == null ? null : new BigDecimal(text);
    }

    @Override
    public Integer whole(String column, int min, int max, Integer fallback) {
        String text = values.get(column);
        return text == null ? fallback : Integer.valueOf(text);
    }
}
