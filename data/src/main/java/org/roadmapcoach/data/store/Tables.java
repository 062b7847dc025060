package org.roadmapcoach.data.store;

import static org.roadmapcoach.data.store.Columns.code;
import static org.roadmapcoach.data.store.Columns.codes;
import static org.roadmapcoach.data.store.Columns.date;
import static org.roadmapcoach.data.store.Columns.decimal;
import static org.roadmapcoach.data.store.Columns.integer;
import static org.roadmapcoach.data.store.Columns.list;

import java.util.Arrays;
import java.util.List;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.ActivityKind;
import org.roadmapcoach.engine.roadmap.Agreement;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.Cohort;
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

/** The nine files of {@code docs/CSV.md}: columns in the spec's order, row mappers, values. */
public final class Tables {

    public static final Table<Person> PEOPLE = new Table<>("people.csv", "people",
            columns("id name role email title department strengths gaps ambitions capacity_hours_per_month"
                    + " max_mentees"),
            List.of("id"),
            rows -> new Person(rows.getString("id"), rows.getString("name"), code(rows, "role", Role.class),
                    rows.getString("email"), rows.getString("title"), rows.getString("department"),
                    list(rows, "strengths"), list(rows, "gaps"), rows.getString("ambitions"),
                    integer(rows, "capacity_hours_per_month"), integer(rows, "max_mentees")),
            p -> values(p.id(), p.name(), code(p.role()), p.email(), p.title(), p.department(),
                    list(p.strengths()), list(p.gaps()), p.ambitions(), p.capacityHoursPerMonth(), p.maxMentees()));

    public static final Table<Pairing> PAIRINGS = new Table<>("pairings.csv", "pairings",
            columns("id mentee_id mentor_id start_date end_date cadence_days status agreement_roles"
                    + " agreement_boundaries agreement_cadence agreement_success_metrics reciprocity_plan"),
            List.of("id"),
            rows -> new Pairing(rows.getString("id"), rows.getString("mentee_id"), rows.getString("mentor_id"),
                    date(rows, "start_date"), date(rows, "end_date"), rows.getInt("cadence_days"),
                    code(rows, "status", PairingStatus.class),
                    new Agreement(rows.getString("agreement_roles"), rows.getString("agreement_boundaries"),
                            rows.getString("agreement_cadence"), rows.getString("agreement_success_metrics")),
                    rows.getString("reciprocity_plan")),
            p -> values(p.id(), p.menteeId(), p.mentorId(), date(p.startDate()), date(p.endDate()),
                    p.cadenceDays(), code(p.status()), p.agreement().roles(), p.agreement().boundaries(),
                    p.agreement().cadence(), p.agreement().successMetrics(), p.reciprocityPlan()));

    public static final Table<Objective> OBJECTIVES = new Table<>("objectives.csv", "objectives",
            columns("id pairing_id title description competency skill_type metric baseline target current unit"
                    + " due_date evidence_plan status last_reviewed"),
            List.of("id"),
            rows -> new Objective(rows.getString("id"), rows.getString("pairing_id"), rows.getString("title"),
                    rows.getString("description"), rows.getString("competency"),
                    code(rows, "skill_type", SkillType.class), rows.getString("metric"),
                    decimal(rows, "baseline"), decimal(rows, "target"), decimal(rows, "current"),
                    rows.getString("unit"), date(rows, "due_date"), rows.getString("evidence_plan"),
                    code(rows, "status", ObjectiveStatus.class), date(rows, "last_reviewed")),
            o -> values(o.id(), o.pairingId(), o.title(), o.description(), o.competency(), code(o.skillType()),
                    o.metric(), decimal(o.baseline()), decimal(o.target()), decimal(o.current()), o.unit(),
                    date(o.dueDate()), o.evidencePlan(), code(o.status()), date(o.lastReviewed())));

    public static final Table<Milestone> MILESTONES = new Table<>("milestones.csv", "milestones",
            columns("id objective_id stage title due_date status last_progress completed_on reflection"),
            List.of("id"),
            rows -> new Milestone(rows.getString("id"), rows.getString("objective_id"),
                    code(rows, "stage", Stage.class), rows.getString("title"), date(rows, "due_date"),
                    code(rows, "status", MilestoneStatus.class), date(rows, "last_progress"),
                    date(rows, "completed_on"), rows.getString("reflection")),
            m -> values(m.id(), m.objectiveId(), code(m.stage()), m.title(), date(m.dueDate()), code(m.status()),
                    date(m.lastProgress()), date(m.completedOn()), m.reflection()));

    public static final Table<CheckIn> CHECKINS = new Table<>("checkins.csv", "checkins",
            columns("id pairing_id date type status minutes feedback_to_mentee feedback_to_mentor notes"),
            List.of("id"),
            rows -> new CheckIn(rows.getString("id"), rows.getString("pairing_id"), date(rows, "date"),
                    code(rows, "type", CheckInType.class), code(rows, "status", CheckInStatus.class),
                    integer(rows, "minutes"), rows.getString("feedback_to_mentee"),
                    rows.getString("feedback_to_mentor"), rows.getString("notes")),
            c -> values(c.id(), c.pairingId(), date(c.date()), code(c.type()), code(c.status()), c.minutes(),
                    c.feedbackToMentee(), c.feedbackToMentor(), c.notes()));

    public static final Table<ReciprocityEntry> RECIPROCITY = new Table<>("reciprocity.csv",
            "reciprocity_entries",
            columns("id pairing_id date giver kind hours description"),
            List.of("id"),
            rows -> new ReciprocityEntry(rows.getString("id"), rows.getString("pairing_id"), date(rows, "date"),
                    code(rows, "giver", Giver.class), code(rows, "kind", ReciprocityKind.class),
                    decimal(rows, "hours"), rows.getString("description")),
            r -> values(r.id(), r.pairingId(), date(r.date()), code(r.giver()), code(r.kind()),
                    decimal(r.hours()), r.description()));

    public static final Table<Activity> ACTIVITIES = new Table<>("activities.csv", "activities",
            columns("id pairing_id date kind title hours outcome"),
            List.of("id"),
            rows -> new Activity(rows.getString("id"), rows.getString("pairing_id"), date(rows, "date"),
                    code(rows, "kind", ActivityKind.class), rows.getString("title"), decimal(rows, "hours"),
                    rows.getString("outcome")),
            a -> values(a.id(), a.pairingId(), date(a.date()), code(a.kind()), a.title(), decimal(a.hours()),
                    a.outcome()));

    public static final Table<Resource> RESOURCES = new Table<>("resources.csv", "resources",
            columns("id title type competencies level stages hours url cost"),
            List.of("id"),
            rows -> new Resource(rows.getString("id"), rows.getString("title"),
                    code(rows, "type", ResourceType.class), list(rows, "competencies"),
                    code(rows, "level", Level.class), codes(rows, "stages", Stage.class), decimal(rows, "hours"),
                    rows.getString("url"), decimal(rows, "cost")),
            r -> values(r.id(), r.title(), code(r.type()), list(r.competencies()), code(r.level()),
                    codes(r.stages()), decimal(r.hours()), r.url(), decimal(r.cost())));

    public static final Table<Engagement> ENGAGEMENTS = new Table<>("engagements.csv", "engagements",
            columns("pairing_id resource_id status date takeaway"),
            List.of("pairing_id", "resource_id"),
            rows -> new Engagement(rows.getString("pairing_id"), rows.getString("resource_id"),
                    code(rows, "status", EngagementStatus.class), date(rows, "date"), rows.getString("takeaway")),
            e -> values(e.pairingId(), e.resourceId(), code(e.status()), date(e.date()), e.takeaway()));

    /** In CSV.md's order, which is also the dependency order: every file refers only to earlier ones. */
    public static final List<Table<?>> ALL = List.of(PEOPLE, PAIRINGS, OBJECTIVES, MILESTONES, CHECKINS,
            RECIPROCITY, ACTIVITIES, RESOURCES, ENGAGEMENTS);

    static final Table.RowMapper<Cohort> COHORT = rows -> new Cohort(rows.getString("id"),
            rows.getString("name"), date(rows, "start_date"), date(rows, "end_date"));

    private Tables() {
    }

    private static List<String> columns(String names) {
        return List.of(names.split(" "));
    }

    // Arrays.asList, not List.of: values may be null.
    private static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }
}
