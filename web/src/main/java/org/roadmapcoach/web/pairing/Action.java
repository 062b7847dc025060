package org.roadmapcoach.web.pairing;

import java.util.List;
import java.util.Map;
import org.roadmapcoach.web.Frame;

/**
 * One form that acts on a pairing: what it writes, what it is about, the fields it shows and the values
 * they start with. A next step's form, and every form of the pairing page, is one of these.
 *
 * @param label the button's words
 * @param fields the fields shown, for the kinds that show a choice of them (an objective's edit)
 * @param preset each field's starting value, by field name
 */
public record Action(Kind kind, String pairingId, String objectiveId, String milestoneId, String resourceId,
                     String label, List<String> fields, Map<String, String> preset) {

    /** What a form writes, each through the application layer's use case for it. */
    public enum Kind { CHECKIN, ACTIVITY, RECIPROCITY, OBJECTIVE, NEW_MILESTONE, MILESTONE, AGREEMENT, ENGAGEMENT,
        DISMISS, UNDISMISS }

    /** Where the form posts. */
    public String path() {
        String pairing = "/pairings/" + Frame.segment(pairingId);
        return switch (kind) {
            case CHECKIN -> pairing + "/checkins";
            case ACTIVITY -> pairing + "/activities";
            case RECIPROCITY -> pairing + "/reciprocity";
            case OBJECTIVE -> pairing + "/objectives/" + Frame.segment(objectiveId);
            case NEW_MILESTONE -> pairing + "/objectives/" + Frame.segment(objectiveId) + "/milestones";
            case MILESTONE -> pairing + "/objectives/" + Frame.segment(objectiveId) + "/milestones/"
                    + Frame.segment(milestoneId) + "/progress";
            case AGREEMENT -> pairing + "/agreement";
            case ENGAGEMENT -> pairing + "/engagements/" + Frame.segment(resourceId);
            case DISMISS -> pairing + "/dismiss";
            case UNDISMISS -> pairing + "/undismiss";
        };
    }

    /** The starting value of {@code field}, or null. */
    public String preset(String field) {
        return preset.get(field);
    }

    /** Whether the form shows {@code field} (for the kinds that show a choice). */
    public boolean shows(String field) {
        return fields.contains(field);
    }
}
