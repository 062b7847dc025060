package org.roadmapcoach.data.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the last import brought of each record (docs/CSV.md, "Re-import and the app";
 * 009_import_baseline.sql). A record an import wrote is that import's copy until the app changes it; the
 * app's first change keeps the import's values in {@code import_baselines} ({@link #keepBeforeAppChange}),
 * and the next import merges with them ({@link ImportWriter}).
 */
public final class Baselines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
    };

    private Baselines() {
    }

    /**
     * Before the app writes {@code record} (a replacement of a stored one): when the stored record is one
     * an import brought, keeps its values as that import's (once: a later change keeps the first copy) and
     * notes {@code today} as the day of the app's last change. A record created in the app has no copy.
     */
    static <T> void keepBeforeAppChange(Connection connection, Table<T> table, String cohortId, T record,
                                        LocalDate today) throws SQLException {
        List<Object> key = table.keyValues(record);
        List<Object> stored;
        try (PreparedStatement find = connection.prepareStatement(table.findSql())) {
            bindKey(find, 1, cohortId, key);
            try (ResultSet rows = find.executeQuery()) {
                if (!rows.next() || rows.getInt("imported") != 1) {
                    return;
                }
                stored = table.values(table.map(rows));
            }
        }
        try (PreparedStatement keep = connection.prepareStatement("INSERT INTO import_baselines (cohort_id, file,"
                + " record_key, fields, app_changed_on) VALUES (?, ?, ?, ?, ?) ON CONFLICT (cohort_id, file,"
                + " record_key) DO UPDATE SET app_changed_on = excluded.app_changed_on")) {
            keep.setString(1, cohortId);
            keep.setString(2, table.fileName());
            keep.setString(3, key(key));
            keep.setString(4, encode(stored));
            keep.setString(5, Columns.date(today));
            keep.executeUpdate();
        }
    }

    /** Binds the cohort and then the key's values from parameter {@code first}; returns the next parameter. */
    static int bindKey(PreparedStatement statement, int first, String cohortId, List<Object> key) throws SQLException {
        int index = first;
        statement.setString(index++, cohortId);
        for (Object value : key) {
            statement.setObject(index++, value);
        }
        return index;
    }

    /** The {@code record_key} of a key's values. */
    static String key(List<Object> key) {
        return encode(key);
    }

    /** Values (String, Integer or null) as a JSON array. */
    static String encode(List<Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + values, e);
        }
    }

    /** The values of {@link #encode}, each as its text (null stays null), so that they compare with {@link #text}. */
    static List<String> decode(String json) {
        try {
            List<String> texts = new ArrayList<>();
            for (Object value : JSON.readValue(json, LIST)) {
                texts.add(text(value));
            }
            return texts;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an import baseline is not a JSON array: " + json, e);
        }
    }

    /** A column value as text: what compares equal when the stored value is the same. */
    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
