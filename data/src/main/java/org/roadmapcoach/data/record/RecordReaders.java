package org.roadmapcoach.data.record;

import java.time.LocalDate;
import java.util.Locale;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.Agreement;
import org.roadmapcoach.engine.roadmap.Engagement;
import org.roadmapcoach.engine.roadmap.EngagementStatus;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.ObjectiveStatus;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.PairingStatus;
import org.roadmapcoach.engine.roadmap.SkillType;
import org.roadmapcoach.engine.roadmap.Stage;
import org.roadmapcoach.engine.roadmap.ActivityKind;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.Giver;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;
import org.roadmapcoach.engine.roadmap.ReciprocityKind;

/**
 * The one description of each record kind: which columns it has, which are required, their types and
 * defaults. The CSV importer reads rows with it and the HTTP API reads JSON bodies
 * with it; the id and the pairing (checked for duplicates and references by the caller) are given.
 */
public final class RecordReaders {

    /** No upper bound for a whole number. */
    public static final int ANY = Integer.MAX_VALUE;

    private RecordReaders() {
    }

    /** An objective; its one competency is stored lower-case, as the lists it is matched against are. */
    public static Objective objective(RecordFields f, String id, String pairingId) {
        String competency = f.text("competency");
        return new Objective(id, pairingId, f.required("title"), f.text("description"),
                competency == null ? null : competency.toLowerCase(Locale.ROOT),
                f.code("skill_type", SkillType.class, null, false), f.text("metric"), f.signedDecimal("baseline"),
                f.signedDecimal("target"), f.signedDecimal("current"), f.text("unit"), f.date("due_date", false),
                f.text("evidence_plan"), f.code("status", ObjectiveStatus.class, ObjectiveStatus.ACTIVE, false),
                f.date("last_reviewed", false));
    }

    public static Milestone milestone(RecordFields f, String id, String objectiveId) {
        return new Milestone(id, objectiveId, f.code("stage", Stage.class, null, true), f.text("title"),
                f.date("due_date", false), f.code("status", MilestoneStatus.class, MilestoneStatus.PLANNED, false),
                f.date("last_progress", false), f.date("completed_on", false), f.text("reflection"));
    }

    /** A pairing's agreement, cadence, status and plan, with its people and dates as given. */
    public static Pairing pairing(RecordFields f, String id, String menteeId, String mentorId, LocalDate startDate,
                                  LocalDate endDate) {
        return new Pairing(id, menteeId, mentorId, startDate, endDate,
                nonNull(f.whole("cadence_days", 1, 365, Pairing.DEFAULT_CADENCE_DAYS), Pairing.DEFAULT_CADENCE_DAYS),
                f.code("status", PairingStatus.class, PairingStatus.ACTIVE, false),
                new Agreement(f.text("agreement_roles"), f.text("agreement_boundaries"), f.text("agreement_cadence"),
                        f.text("agreement_success_metrics")), f.text("reciprocity_plan"));
    }

    public static Engagement engagement(RecordFields f, String pairingId, String resourceId) {
        return new Engagement(pairingId, resourceId, f.code("status", EngagementStatus.class, null, false),
                f.date("date", false), f.text("takeaway"));
    }

    private static int nonNull(Integer value, int fallback) {
        return value == null ? fallback : value; // a bad value is an error of the fields already
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
