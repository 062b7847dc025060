package org.roadmapcoach.web.pairing;

import java.util.List;
import org.roadmapcoach.app.nextsteps.NextStepsViews.Recommendation;
import org.roadmapcoach.app.roadmap.PairingOverview;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.Engagement;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.web.Form;
import org.roadmapcoach.web.Frame;

/**
 * What a pairing's page shows (WEB.md), built by {@link PairingPages} for its template.
 *
 * @param canWrite whether the viewer is the mentee or the mentor (a coordinator reads, and does not write)
 * @param failed the form that was sent back with errors, or null
 */
public record PairingView(Frame frame, PairingOverview overview, String menteeName, String mentorName,
                          boolean canWrite, List<ObjectiveCard> objectives, List<Stage> board, Timeline timeline,
                          List<Step> findings, List<Undo> dismissals, List<Engaged> engaged,
                          List<Recommended> recommended, List<Activity> activities, List<AgreementPart> agreement,
                          Action checkIn, Action activity, Action reciprocity, Action agreementForm, Form failed) {

    /** The form with id {@code id}: as sent back when it failed, otherwise blank. */
    public Form form(String id) {
        return failed != null && failed.id().equals(id) ? failed : Form.blank(id);
    }

    /** Whether the form {@code id} came back with errors: its folded section opens to show them. */
    public boolean open(String id) {
        return failed != null && failed.id().equals(id);
    }

    /** One of S, M, A, R, T: passed, or the reason it fails (the SMART rule's message). */
    public record Mark(String letter, String name, String reason) {
        public boolean passes() {
            return reason == null;
        }
    }

    public record ObjectiveCard(Objective objective, List<Mark> marks, Action edit, Action newMilestone) {
    }

    public record MilestoneCard(Milestone milestone, Action move, String formId) {
    }

    /** A column of the milestone board. */
    public record Stage(String name, List<MilestoneCard> milestones) {
    }

    /** A next step or finding, with the form that acts on it, and the dismiss button when it may be dismissed. */
    public record Step(Finding finding, Action action, Action dismiss, String formId) {
        public String audience() {
            return finding.audience().code();
        }
    }

    public record Undo(String ruleId, String subjectId, String dismissedAt, Action undo, String formId) {
    }

    public record Engaged(Engagement engagement, String title, Action complete, String formId) {
    }

    public record Recommended(Recommendation recommendation, Action start, String formId) {
    }

    public record AgreementPart(String name, String text) {
        public boolean present() {
            return text != null && !text.isBlank();
        }
    }
}
