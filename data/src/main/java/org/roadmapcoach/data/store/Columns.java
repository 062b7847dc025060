package org.roadmapcoach.data.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.roadmapcoach.engine.roadmap.Coded;

/**
 * How values are kept in columns, both ways: dates as ISO text, decimals as their exact plain text,
 * lists as {@code ;}-joined text ('' when empty), enumerated values as their codes.
 */
final class Columns {

    private Columns() {
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static LocalDate date(ResultSet rows, String column) throws SQLException {
        String text = rows.getString(column);
        return text == null ? null : date(text);
    }

    /** Stored dates are yyyy-MM-dd, as written: read without a formatter, which costs more than the read. */
    static LocalDate date(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Plain text keeps the scale: {@code 1.50} comes back as {@code 1.50}, never as {@code 1.5E+0}. */
    static String decimal(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    static BigDecimal decimal(ResultSet rows, String column) throws SQLException {
        String text = rows.getString(column);
        return text == null ? null : new BigDecimal(text);
    }

    static Integer integer(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    static String list(List<String> items) {
        return String.join(";", items);
    }

    static List<String> list(ResultSet rows, String column) throws SQLException {
        String text = rows.getString(column);
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(";"));
    }

    static String code(Coded value) {
        return value == null ? null : value.code();
    }

    static <E extends Enum<E> & Coded> E code(ResultSet rows, String column, Class<E> type) throws SQLException {
        String text = rows.getString(column);
        return text == null ? null : Coded.parse(type, text);
    }

    static <E extends Enum<E> & Coded> String codes(List<E> values) {
        return list(values.stream().map(Coded::code).toList());
    }

    static <E extends Enum<E> & Coded> List<E> codes(ResultSet rows, String column, Class<E> type)
            throws SQLException {
        return list(rows, column).stream().map(code -> Coded.parse(type, code)).toList();
    }
}
