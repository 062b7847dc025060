package org.roadmapcoach.rules.resources;

import org.roadmapcoach.engine.roadmap.Level;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Stage;

/**
 * A resource chosen for an objective, and why.
 *
 * @param rank 1 for the best fit
 * @param currentStage the objective's current stage, or null when no milestone is open (then every
 *     resource fits)
 * @param wantedLevel the level the mentee is ready for
 * @param stageFit whether the resource suits the current stage
 * @param levelFit whether the resource is at the wanted level (or has none)
 */
public record Recommendation(Resource resource, int rank, Stage currentStage, Level wantedLevel, boolean stageFit,
                             boolean levelFit) {

    /** Why it was chosen, in a sentence a mentee can read. */
    public String reason() {
        String stage;
        if (currentStage == null) {
            stage = "no milestone is open, so any stage fits";
        } else if (stageFit) {
            stage = "it suits the " + currentStage.code() + " stage you are in";
        } else {
            stage = "it is meant for other stages than the " + currentStage.code() + " stage you are in";
        }
        String level;
        if (resource.level() == null) {
            level = "it has no set level";
        } else if (levelFit) {
            level = "it is at the " + wantedLevel.code() + " level you are ready for";
        } else {
            level = "it is " + resource.level().code() + " while you are ready for " + wantedLevel.code();
        }
        String hours;
        if (resource.hours() == null) {
            hours = "it has no time estimate";
        } else {
            String amount = resource.hours().stripTrailingZeros().toPlainString();
            hours = "it takes " + amount + (amount.equals("1") ? " hour" : " hours");
        }
        return stage + "; " + level + "; " + hours + ".";
    }
}
