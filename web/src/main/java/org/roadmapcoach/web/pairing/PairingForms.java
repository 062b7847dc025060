package org.roadmapcoach.web.pairing;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.roadmapcoach.app.access.Access.MilestoneRef;
import org.roadmapcoach.app.access.Access.ObjectiveRef;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.record.PatchFields;
import org.roadmapcoach.data.record.RecordReaders;
import org.roadmapcoach.data.record.StoredFields;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Engagement;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.web.Form;
import org.roadmapcoach.web.FormFields;
import org.roadmapcoach.web.Frame;
import org.roadmapcoach.web.Pages;
import org.roadmapcoach.web.PageRequest;
import org.roadmapcoach.web.Visitor;
import org.roadmapcoach.web.WebServices;

/**
 * The pair's forms (API.md "Every role's work"), each posting to its pairing's page and calling the same
 * use case as the API. Success goes back (303) to the page the form was on ({@code back}: the pairing's
 * page or {@code /me}); a mistake shows that page again with the form as sent and each message beside its
 * field (400).
 */
public final class PairingForms {

    /** Shows {@code /me} again with a form that failed. */
    @FunctionalInterface
    public interface Rerender {
        void render(PageRequest request, Form failed);
    }

    /** What replaces a dismissed next step when htmx sent the Dismiss button: a line saying so, with Undo. */
    public record DismissedView(Frame frame, String ruleId, String subjectId, Action undo, String back, String formId) {
    }

    /** One write: the pairing the caller may write, and the form's fields. */
    @FunctionalInterface
    private interface Write {
        void write(PageRequest request, Caller caller, String pairingId, FormFields form);
    }

    private final WebServices web;
    private final PairingPages page;
    private final Rerender me;

    PairingForms(WebServices web, PairingPages page, Rerender me) {
        this.web = web;
        this.page = page;
        this.me = me;
    }

    Map<String, Handler> routes() {
        Map<String, Handler> routes = new LinkedHashMap<>();
        String p = "/pairings/{pairingId}";
        routes.put(p + "/checkins", handle("checkin", "#checkins", (r, c, id, f) -> {
            PairingRef ref = web.access().writePairing(c, id);
            var checkIn = RecordReaders.checkIn(f, null, ref.pairingId());
            f.validate();
            web.roadmaps().add(ref, checkIn);
        }));
        routes.put(p + "/activities", handle("activity", "#activities", (r, c, id, f) -> {
            PairingRef ref = web.access().writePairing(c, id);
            var activity = RecordReaders.activity(f, null, ref.pairingId());
            f.validate();
            web.roadmaps().add(ref, activity);
        }));
        routes.put(p + "/reciprocity", handle("reciprocity", "#reciprocity", (r, c, id, f) -> {
            PairingRef ref = web.access().writePairing(c, id);
            var entry = RecordReaders.reciprocity(f, null, ref.pairingId());
            f.validate();
            web.roadmaps().add(ref, entry);
        }));
        routes.put(p + "/objectives/{objectiveId}", handle("objective", "#objectives", (r, c, id, f) -> {
            ObjectiveRef ref = objective(r, c, id);
            Objective o = ref.objective();
            Objective changed = RecordReaders.objective(new PatchFields(f, f::has,
                    new StoredFields(Tables.OBJECTIVES, o)), o.id(), o.pairingId());
            f.validate();
            web.roadmaps().change(ref, changed);
        }));
        routes.put(p + "/objectives/{objectiveId}/milestones", handle("milestone", "#milestones", (r, c, id, f) -> {
            ObjectiveRef ref = objective(r, c, id);
            var milestone = RecordReaders.milestone(f, null, ref.objective().id());
            f.validate();
            web.roadmaps().add(ref, milestone);
        }));
        routes.put(p + "/objectives/{objectiveId}/milestones/{milestoneId}/progress",
                handle("milestone", "#milestones", (r, c, id, f) -> {
                    MilestoneRef ref = web.access().milestone(c, r.ctx().pathParam("objectiveId"),
                            r.ctx().pathParam("milestoneId"));
                    requireSame(ref.pairing(), id);
                    MilestoneStatus status = f.code("status", MilestoneStatus.class, null, true);
                    var date = f.date("date", true);
                    String reflection = f.text("reflection");
                    var completedOn = f.date("completedOn", false);
                    f.validate();
                    web.roadmaps().progress(ref, status, date, reflection, completedOn);
                }));
        routes.put(p + "/agreement", handle("agreement", "#agreement", (r, c, id, f) -> {
            PairingRef ref = web.access().writePairing(c, id);
            Pairing old = ref.pairing();
            Pairing changed = RecordReaders.pairing(new PatchFields(f, f::has, new StoredFields(Tables.PAIRINGS, old)),
                    old.id(), old.menteeId(), old.mentorId(), old.startDate(), old.endDate());
            f.validate();
            web.roadmaps().change(ref, changed);
        }));
        routes.put(p + "/engagements/{resourceId}", handle("engagement", "#resources", (r, c, id, f) -> {
            PairingRef ref = web.access().writePairing(c, id);
            f.required("status");
            Engagement given = RecordReaders.engagement(f, ref.pairingId(), r.ctx().pathParam("resourceId"));
            f.validate();
            web.roadmaps().engage(ref, new Engagement(given.pairingId(), given.resourceId(), given.status(),
                    given.date() != null ? given.date() : r.asOf(), given.takeaway()));
        }));
        routes.put(p + "/dismiss", handle("dismiss", "#findings", (r, c, id, f) -> {
            PairingRef ref = web.access().readPairing(c, id);
            String rule = f.required("rule");
            String subject = f.required("subject");
            String objective = f.text("objective");
            f.validate();
            web.nextSteps().dismiss(ref, c, rule, subject, objective, r.asOf());
        }));
        routes.put(p + "/undismiss", handle("undismiss", "#findings", (r, c, id, f) -> {
            PairingRef ref = web.access().writePairing(c, id);
            String rule = f.required("rule");
            String subject = f.required("subject");
            f.validate();
            web.nextSteps().undismiss(ref, c, rule, subject);
        }));
        return routes;
    }

    private ObjectiveRef objective(PageRequest r, Caller c, String pairingId) {
        ObjectiveRef ref = web.access().objective(c, r.ctx().pathParam("objectiveId"));
        requireSame(ref.pairing(), pairingId);
        return ref;
    }

    // The pairing in the address must be the record's: another pairing's objective through this one's page is a 404.
    private static void requireSame(PairingRef ref, String pairingId) {
        if (!ref.pairingId().equals(pairingId)) {
            throw new NotFoundException("There is no such record in pairing '" + pairingId + "'.");
        }
    }

    private Handler handle(String done, String anchor, Write write) {
        return ctx -> {
            PageRequest request = new PageRequest(ctx, web);
            Caller caller = request.caller();
            String pairingId = ctx.pathParam("pairingId");
            String pairingPage = "/pairings/" + Frame.segment(pairingId);
            String back = request.back(pairingPage);
            FormFields form = FormFields.of(ctx.formParamMap());
            try {
                write.write(request, caller, pairingId, form);
            } catch (InvalidInputException e) {
                Map<String, String> sent = new LinkedHashMap<>(form.values());
                sent.remove(Visitor.CSRF_FIELD);
                Form failed = Form.failed(String.valueOf(sent.getOrDefault("form", "")), sent, e.errors(),
                        e.errors().isEmpty() ? e.getMessage() : null);
                ctx.status(HttpStatus.BAD_REQUEST);
                if (back.equals("/me")) {
                    me.render(request, failed);
                } else {
                    page.render(request, pairingId, failed);
                }
                return;
            }
            if ("dismiss".equals(done) && "true".equals(ctx.header("HX-Request"))) {
                // htmx swaps this line in for the dismissed step; without JavaScript the page comes back whole
                String rule = form.text("rule");
                String subject = form.text("subject");
                Pages.render(ctx, "pairing/dismissed.jte", new DismissedView(request.frame(""), rule, subject,
                        Actions.undismiss(pairingId, rule, subject), back, Form.idOf("undo", rule, subject)));
                return;
            }
            ctx.redirect(request.after(back.equals(pairingPage) ? back + anchor : back, done), HttpStatus.SEE_OTHER);
        };
    }
}
