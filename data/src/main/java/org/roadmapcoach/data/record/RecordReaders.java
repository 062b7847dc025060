package org.roadmapcoach.data.record;

import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.ActivityKind;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.Giver;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;
import org.roadmapcoach.engine.roadmap.ReciprocityKind;

/**
 * The one description of each record kind a pair writes: which columns it has, which are required,
 * their types and defaults. The CSV importer reads rows with it and the HTTP API reads JSON bodies
 * with it; the id and the pairing (checked for duplicates and references by the caller) are given.
 */
public final class RecordReaders {

    /** No upper bound for a whole number. */
    public static final int ANY = Integer.MAX_VALUE;

    private RecordReaders() {
    }

    public static CheckIn checkIn(RecordFields f, String id, String pairingId) {
        return new CheckIn(id, pairingId, f.date("date", true),
                f.code("type", CheckInType.class, CheckInType.CHECKIN, false),
                f.code("status", CheckInStatus.class, CheckInStatus.HELD, false),
                f.whole("minutes", 0, ANY, null), f.text("feedback_to_mentee"), f.text("feedback_to_mentor"),
                f.text("notes"));
    }

    public static ReciprocityEntry reciprocity(RecordFields f, String id, String pairingId) {
        return new ReciprocityEntry(id, pairingId, f.date("date", true), f.code("giver", Giver.class, null, true),
                f.code("kind", ReciprocityKind.class, ReciprocityKind.OTHER, false), f.decimal("hours"),
                f.text("description"));
    }

    public static Activity activity(RecordFields f, String id, String pairingId) {
        return new Activity(id, pairingId, f.date("date", true), f.code("kind", ActivityKind.class, null, true),
                f.text("title"), f.decimal("hours"), f.text("outcome"));
    }
}
