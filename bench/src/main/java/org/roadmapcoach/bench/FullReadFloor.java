package org.roadmapcoach.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.ActivityKind;
import org.roadmapcoach.engine.roadmap.Agreement;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.Engagement;
import org.roadmapcoach.engine.roadmap.EngagementStatus;
import org.roadmapcoach.engine.roadmap.Giver;
import org.roadmapcoach.engine.roadmap.Level;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.ObjectiveStatus;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.PairingStatus;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;
import org.roadmapcoach.engine.roadmap.ReciprocityKind;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.ResourceType;
import org.roadmapcoach.engine.roadmap.Role;
import org.roadmapcoach.engine.roadmap.SkillType;
import org.roadmapcoach.engine.roadmap.Stage;

/**
 * Floor: a bare full read of every stored table into the engine's domain records: one {@code SELECT *}
 * per table, a plain table scan (the database holds the one cohort), columns by position, plain JDBC on
 * a default connection. The records of a table are kept until the next table, as a batch would keep
 * them. Usage: {@code FullReadFloor DB}.
 */
public final class FullReadFloor {

    @FunctionalInterface
    private interface Mapper {
        Object map(ResultSet r) throws SQLException;
    }

    private FullReadFloor() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        long check = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + args[0])) {
            // Column 1 is cohort_id; the rest follow the CSV order, as the schema declares them.
            rows += read(connection, "people", r -> new Person(r.getString(2), r.getString(3),
                    code(Role.class, r.getString(4)), r.getString(5), r.getString(6), r.getString(7),
                    list(r.getString(8)), list(r.getString(9)), r.getString(10), integer(r, 11), integer(r, 12)));
            rows += read(connection, "pairings", r -> new Pairing(r.getString(2), r.getString(3),
                    r.getString(4), date(r.getString(5)), date(r.getString(6)), r.getInt(7),
                    code(PairingStatus.class, r.getString(8)),
                    new Agreement(r.getString(9), r.getString(10), r.getString(11), r.getString(12)), r.getString(13)));
            rows += read(connection, "objectives", r -> new Objective(r.getString(2), r.getString(3),
                    r.getString(4), r.getString(5), r.getString(6), code(SkillType.class, r.getString(7)),
                    r.getString(8), decimal(r.getString(9)), decimal(r.getString(10)), decimal(r.getString(11)),
                    r.getString(12), date(r.getString(13)), r.getString(14), code(ObjectiveStatus.class, r.getString(15)),
                    date(r.getString(16))));
            rows += read(connection, "milestones", r -> new Milestone(r.getString(2), r.getString(3),
                    code(Stage.class, r.getString(4)), r.getString(5), date(r.getString(6)),
                    code(MilestoneStatus.class, r.getString(7)), date(r.getString(8)), date(r.getString(9)),
                    r.getString(10)));
            rows += read(connection, "checkins", r -> new CheckIn(r.getString(2), r.getString(3),
                    date(r.getString(4)), code(CheckInType.class, r.getString(5)),
                    code(CheckInStatus.class, r.getString(6)), integer(r, 7), r.getString(8), r.getString(9),
                    r.getString(10)));
            rows += read(connection, "reciprocity_entries", r -> new ReciprocityEntry(r.getString(2),
                    r.getString(3), date(r.getString(4)), code(Giver.class, r.getString(5)),
                    code(ReciprocityKind.class, r.getString(6)), decimal(r.getString(7)), r.getString(8)));
            rows += read(connection, "activities", r -> new Activity(r.getString(2), r.getString(3),
                    date(r.getString(4)), code(ActivityKind.class, r.getString(5)), r.getString(6),
                    decimal(r.getString(7)), r.getString(8)));
            rows += read(connection, "resources", r -> new Resource(r.getString(2), r.getString(3),
                    code(ResourceType.class, r.getString(4)), list(r.getString(5)), code(Level.class, r.getString(6)),
                    list(r.getString(7)).stream().map(s -> code(Stage.class, s)).toList(), decimal(r.getString(8)),
                    r.getString(9), decimal(r.getString(10))));
            rows += read(connection, "engagements", r -> new Engagement(r.getString(2), r.getString(3),
                    code(EngagementStatus.class, r.getString(4)), date(r.getString(5)), r.getString(6)));
            check = rows;
        }
        Floors.report("full-read", rows, System.nanoTime() - start, check);
    }

    private static long read(Connection connection, String table, Mapper mapper) throws SQLException {
        List<Object> records = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table)) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(mapper.map(rows));
                }
            }
        }
        return records.size();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static Integer integer(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static List<String> list(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(";"));
    }

    private static <E extends Enum<E>> E code(Class<E> type, String text) {
        return text == null ? null : Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    }
}
