package org.roadmapcoach.web.pairing;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.roadmap.PairingOverview;
import org.roadmapcoach.engine.evaluation.Suggestions;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.roadmap.Agreement;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;
import org.roadmapcoach.web.Form;
import org.roadmapcoach.web.Frame;
import org.roadmapcoach.web.PageRequest;
import org.roadmapcoach.web.Pages;
import org.roadmapcoach.web.WebServices;
import org.roadmapcoach.web.pairing.PairingView.AgreementPart;
import org.roadmapcoach.web.pairing.PairingView.Engaged;
import org.roadmapcoach.web.pairing.PairingView.Mark;
import org.roadmapcoach.web.pairing.PairingView.MilestoneCard;
import org.roadmapcoach.web.pairing.PairingView.ObjectiveCard;
import org.roadmapcoach.web.pairing.PairingView.Recommended;
import org.roadmapcoach.web.pairing.PairingView.Stage;
import org.roadmapcoach.web.pairing.PairingView.Step;
import org.roadmapcoach.web.pairing.PairingView.Undo;

/**
 * A pairing's page, {@code /pairings/{id}} (WEB.md), for the pair and the cohort's coordinators: read
 * through {@code Access} (anyone else gets the 404 page), with a form for every write of the pair.
 */
public final class PairingPages {

    private static final List<String[]> SMART = List.of(new String[] {"S", "Specific", "SMART-SPECIFIC"},
            new String[] {"M", "Measurable", "SMART-MEASURABLE"}, new String[] {"A", "Attainable", "SMART-ATTAINABLE"},
            new String[] {"R", "Relevant", "SMART-RELEVANT"}, new String[] {"T", "Time-bound", "SMART-TIMEBOUND"});

    private final WebServices web;
    private final PairingForms forms;

    public PairingPages(WebServices web, PairingForms.Rerender me) {
        this.web = web;
        this.forms = new PairingForms(web, this, me);
    }

    /** The forms' routes and their handlers. */
    public Map<String, Handler> forms() {
        return forms.routes();
    }

    /** {@code GET /pairings/{pairingId}}. */
    public void page(Context ctx) {
        render(new PageRequest(ctx, web), ctx.pathParam("pairingId"), null);
    }

    /** The page of pairing {@code pairingId}, with {@code failed} (or null) shown with its errors. */
    void render(PageRequest request, String pairingId, Form failed) {
        Caller caller = request.caller();
        PairingRef ref = web.access().readPairing(caller, pairingId);
        LocalDate asOf = request.asOf();
        PairingOverview overview = web.roadmaps().overview(ref, asOf);
        Roadmap roadmap = overview.roadmap();
        boolean canWrite = !caller.isCoordinator();
        String today = asOf.toString();
        String name = Optional.ofNullable(roadmap.mentee()).map(p -> p.name()).orElse(roadmap.pairing().menteeId());
        String mentor = Optional.ofNullable(roadmap.mentor()).map(p -> p.name()).orElse(roadmap.pairing().mentorId());

        List<Finding> smart = web.nextSteps().smartFindings(ref, asOf);
        List<ObjectiveCard> objectives = roadmap.objectives().stream().map(o -> new ObjectiveCard(o, marks(o, smart),
                Actions.objective(o, Actions.ALL_OBJECTIVE_FIELDS, today),
                Actions.newMilestone(roadmap.pairing().id(), o.id()))).toList();

        List<Stage> board = new ArrayList<>();
        for (var stage : org.roadmapcoach.engine.roadmap.Stage.values()) {
            List<MilestoneCard> cards = roadmap.milestones().stream().filter(m -> m.stage() == stage)
                    .map(m -> new MilestoneCard(m, Actions.milestone(roadmap.pairing().id(), m, today), Form.idOf("move", m.id())))
                    .toList();
            board.add(new Stage(stage.code(), cards));
        }

        List<Step> steps = web.nextSteps().suggestions(ref, caller, asOf, Integer.MAX_VALUE).suggestions().stream()
                .map(f -> step(f, roadmap, asOf, caller)).toList();
        List<Undo> undos = canWrite ? web.nextSteps().dismissals(ref, caller).stream()
                .map(d -> new Undo(d.ruleId(), d.subjectId(), d.dismissedAt().toString().substring(0, 10),
                        Actions.undismiss(roadmap.pairing().id(), d.ruleId(), d.subjectId()),
                        Form.idOf("undo", d.ruleId(), d.subjectId(), d.objectiveId())))
                .distinct().toList() : List.of();

        Map<String, Resource> catalog = overview.catalog().stream()
                .collect(Collectors.toMap(Resource::id, Function.identity(), (a, b) -> a));
        List<Engaged> engaged = roadmap.engagements().stream().map(e -> new Engaged(e,
                Optional.ofNullable(catalog.get(e.resourceId())).map(Resource::title).orElse(e.resourceId()),
                Actions.engagement(roadmap.pairing().id(), e.resourceId(), "completed", today),
                Form.idOf("engage", e.resourceId()))).toList();
        List<Recommended> recommended = web.nextSteps().recommendations(ref, caller, asOf).recommendations().stream()
                .map(r -> new Recommended(r, Actions.engagement(roadmap.pairing().id(), r.resourceId(), "started", today),
                        Form.idOf("start", r.resourceId(), r.objectiveId())))
                .toList();

        Agreement a = roadmap.pairing().agreement();
        List<AgreementPart> agreement = List.of(new AgreementPart("Roles", a.roles()),
                new AgreementPart("Boundaries", a.boundaries()), new AgreementPart("Cadence", a.cadence()),
                new AgreementPart("Success metrics", a.successMetrics()));
        var activities = roadmap.activities().stream()
                .sorted(java.util.Comparator.comparing(org.roadmapcoach.engine.roadmap.Activity::date).reversed()).toList();

        Frame frame = request.frame("Pairing " + roadmap.pairing().id() + ": " + name + " with " + mentor);
        String p = roadmap.pairing().id();
        Pages.render(request.ctx(), "pairing/pairing.jte", new PairingView(frame, overview, name, mentor, canWrite,
                objectives, board, Timeline.of(overview), steps, undos, engaged, recommended, activities, agreement,
                Actions.checkIn(p, today, "checkin"), Actions.activity(p, today, "reflection"),
                Actions.reciprocity(p, today), Actions.agreement(roadmap), failed));
    }

    private static Step step(Finding f, Roadmap roadmap, LocalDate asOf, Caller caller) {
        boolean pair = !caller.isCoordinator();
        Action action = pair ? Actions.of(f, roadmap, asOf).orElse(null) : null;
        Action dismiss = Actions.dismissable(f) && Suggestions.isFor(caller.role(), f) ? Actions.dismiss(f) : null;
        return new Step(f, action, dismiss, Form.idOf("step", f.ruleId(), f.subjectId(),
                String.valueOf(f.evidence().getOrDefault("objectiveId", ""))));
    }

    private static List<Mark> marks(Objective o, List<Finding> smart) {
        Map<String, String> failing = new LinkedHashMap<>();
        smart.stream().filter(f -> f.subjectId().equals(o.id())).forEach(f -> failing.put(f.ruleId(), f.message()));
        return SMART.stream().map(s -> new Mark(s[0], s[1], failing.get(s[2]))).toList();
    }
}
