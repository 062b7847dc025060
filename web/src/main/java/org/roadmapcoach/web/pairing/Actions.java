package org.roadmapcoach.web.pairing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.Roadmap;
import org.roadmapcoach.web.pairing.Action.Kind;

/**
 * The one form that acts on each next step (README, "Acting on every next step"): a check-in for the
 * check-in rules, the objective's fields a SMART or objective rule asks for, a milestone's progress, the
 * agreement, a reflection or a stretch activity, something given back, a resource started or its
 * takeaway shared; the growth rules are acknowledged by dismissing them.
 */
public final class Actions {

    /** The objective fields each rule asks to change. */
    private static final Map<String, List<String>> OBJECTIVE_FIELDS = Map.of(
            "OBJ-OVERDUE", List.of("status", "dueDate"),
            "SMART-TIMEBOUND", List.of("dueDate"),
            "SMART-ATTAINABLE", List.of("dueDate"),
            "SMART-SPECIFIC", List.of("title"),
            "SMART-MEASURABLE", List.of("metric", "target", "unit"),
            "SMART-RELEVANT", List.of("competency"),
            "OBJ-EVIDENCE", List.of("evidencePlan"),
            "OBJ-REVISIT", List.of("lastReviewed"));

    /** Every field of an objective the pairing page's edit form shows. */
    public static final List<String> ALL_OBJECTIVE_FIELDS = List.of("title", "description", "competency", "skillType",
            "metric", "baseline", "target", "current", "unit", "dueDate", "evidencePlan", "status", "lastReviewed");

    private Actions() {
    }

    /** The form that acts on {@code f} for a person as of {@code asOf}; empty when dismissing it is all there is. */
    public static Optional<Action> of(Finding f, Roadmap roadmap, LocalDate asOf) {
        String p = f.pairingId();
        String today = asOf.toString();
        Action action = switch (f.ruleId()) {
            case "CI-OVERDUE", "CI-MISSED-STREAK" -> checkIn(p, today, "checkin");
            case "CI-NO-KICKOFF" -> checkIn(p, today, "kickoff");
            case "MS-NO-REVIEW" -> checkIn(p, today, "review");
            case "CI-ONE-WAY-FEEDBACK" -> checkIn(p, today, "checkin");
            case "AG-INCOMPLETE", "RC-NO-PLAN" -> agreement(roadmap);
            case "RC-UNBALANCED" -> reciprocity(p, today);
            case "AC-NO-REFLECTION" -> activity(p, today, "reflection");
            case "AC-NO-STRETCH" -> activity(p, today, "assignment");
            case "RES-RECOMMEND" -> engagement(p, f.subjectId(), "started", today);
            case "RES-SHARE-TAKEAWAY" -> engagement(p, f.subjectId(), "completed", today);
            case "MS-OVERDUE", "MS-STALLED", "MS-NO-REFLECTION", "MS-STAGE-ORDER" -> milestone(roadmap, f.subjectId(), today);
            case "MS-STAGES-MISSING" -> newMilestone(p, f.subjectId());
            case "OBJ-OVERLOAD" -> null;
            case "OBJ-NO-SOFT-SKILL" -> null;
            default -> OBJECTIVE_FIELDS.containsKey(f.ruleId())
                    ? objective(roadmap, f.subjectId(), OBJECTIVE_FIELDS.get(f.ruleId()), today).orElse(null) : null;
        };
        return Optional.ofNullable(action);
    }

    /** Whether a person may dismiss {@code f}: every next step but a critical one, which is resolved instead. */
    public static boolean dismissable(Finding f) {
        return f.severity() != Severity.CRITICAL;
    }

    public static Action dismiss(Finding f) {
        Map<String, String> preset = new LinkedHashMap<>();
        preset.put("rule", f.ruleId());
        preset.put("subject", f.subjectId());
        Object objective = f.evidence().get("objectiveId");
        if (objective != null && "RES-RECOMMEND".equals(f.ruleId())) {
            preset.put("objective", objective.toString());
        }
        return new Action(Kind.DISMISS, f.pairingId(), null, null, null, "Dismiss", List.of(), preset);
    }

    public static Action undismiss(String pairingId, String ruleId, String subjectId) {
        return new Action(Kind.UNDISMISS, pairingId, null, null, null, "Undo", List.of(),
                Map.of("rule", ruleId, "subject", subjectId));
    }

    public static Action checkIn(String pairingId, String date, String type) {
        return new Action(Kind.CHECKIN, pairingId, null, null, null, "Record the check-in", List.of(),
                Map.of("date", date, "type", type, "status", "held"));
    }

    public static Action activity(String pairingId, String date, String kind) {
        return new Action(Kind.ACTIVITY, pairingId, null, null, null,
                "reflection".equals(kind) ? "Record the reflection" : "Record the activity", List.of(),
                Map.of("date", date, "kind", kind));
    }

    public static Action reciprocity(String pairingId, String date) {
        return new Action(Kind.RECIPROCITY, pairingId, null, null, null, "Record what was given", List.of(),
                Map.of("date", date, "giver", "mentee"));
    }

    public static Action agreement(Roadmap roadmap) {
        var p = roadmap.pairing();
        Map<String, String> preset = new LinkedHashMap<>();
        preset.put("agreementRoles", p.agreement().roles());
        preset.put("agreementBoundaries", p.agreement().boundaries());
        preset.put("agreementCadence", p.agreement().cadence());
        preset.put("agreementSuccessMetrics", p.agreement().successMetrics());
        preset.put("cadenceDays", String.valueOf(p.cadenceDays()));
        preset.put("reciprocityPlan", p.reciprocityPlan());
        preset.values().removeIf(java.util.Objects::isNull);
        return new Action(Kind.AGREEMENT, p.id(), null, null, null, "Save the agreement", List.of(), preset);
    }

    public static Action engagement(String pairingId, String resourceId, String status, String date) {
        return new Action(Kind.ENGAGEMENT, pairingId, null, null, resourceId,
                "completed".equals(status) ? "Mark it completed" : "Start it", List.of(), Map.of("status", status, "date", date));
    }

    public static Action newMilestone(String pairingId, String objectiveId) {
        return new Action(Kind.NEW_MILESTONE, pairingId, objectiveId, null, null, "Add the milestone", List.of(),
                Map.of());
    }

    /** The progress form of milestone {@code milestoneId}; null when the roadmap has no such milestone. */
    public static Action milestone(Roadmap roadmap, String milestoneId, String date) {
        return roadmap.milestones().stream().filter(m -> m.id().equals(milestoneId)).findFirst()
                .map(m -> milestone(roadmap.pairing().id(), m, date)).orElse(null);
    }

    public static Action milestone(String pairingId, Milestone m, String date) {
        Map<String, String> preset = new LinkedHashMap<>();
        preset.put("status", m.status().code());
        preset.put("date", date);
        if (m.reflection() != null) {
            preset.put("reflection", m.reflection());
        }
        return new Action(Kind.MILESTONE, pairingId, m.objectiveId(), m.id(), null, "Move it", List.of(), preset);
    }

    /** The edit form of objective {@code objectiveId} showing {@code fields}, with their stored values. */
    public static Optional<Action> objective(Roadmap roadmap, String objectiveId, List<String> fields, String today) {
        return roadmap.objectives().stream().filter(o -> o.id().equals(objectiveId)).findFirst()
                .map(o -> objective(o, fields, today));
    }

    public static Action objective(Objective o, List<String> fields, String today) {
        Map<String, String> preset = new LinkedHashMap<>();
        put(preset, "title", o.title());
        put(preset, "description", o.description());
        put(preset, "competency", o.competency());
        put(preset, "skillType", o.skillType() == null ? null : o.skillType().code());
        put(preset, "metric", o.metric());
        put(preset, "baseline", o.baseline() == null ? null : o.baseline().toPlainString());
        put(preset, "target", o.target() == null ? null : o.target().toPlainString());
        put(preset, "current", o.current() == null ? null : o.current().toPlainString());
        put(preset, "unit", o.unit());
        put(preset, "dueDate", o.dueDate());
        put(preset, "evidencePlan", o.evidencePlan());
        put(preset, "status", o.status().code());
        // revisiting it is saying so today
        put(preset, "lastReviewed", fields.size() == 1 && fields.contains("lastReviewed") ? today : o.lastReviewed());
        return new Action(Kind.OBJECTIVE, o.pairingId(), o.id(), null, null, "Save the objective", fields, preset);
    }

    private static void put(Map<String, String> preset, String field, Object value) {
        if (value != null) {
            preset.put(field, value.toString());
        }
    }
}
