package org.roadmapcoach.web.cohort;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.Cohort;
import org.roadmapcoach.web.Form;
import org.roadmapcoach.web.Frame;
import org.roadmapcoach.web.PageRequest;
import org.roadmapcoach.web.Pages;
import org.roadmapcoach.web.WebServices;

/**
 * Policy, {@code /cohorts/{cohortId}/policy} (WEB.md): every threshold of RULES.md with its default, range
 * and meaning, and the form that changes them (a blank field goes back to its default); a bad value is shown
 * beside its field and changes nothing.
 */
public final class PolicyPages {

    /** A threshold as the form shows it. */
    public record Threshold(String key, BigDecimal value, BigDecimal defaultValue, String range, String meaning) {
    }

    public record PolicyView(Frame frame, Cohort cohort, String path, List<Threshold> thresholds, Form form) {
    }

    private final WebServices web;
    private final CohortServices cohorts;

    public PolicyPages(WebServices web, CohortServices cohorts) {
        this.web = web;
        this.cohorts = cohorts;
    }

    /** {@code GET /cohorts/{cohortId}/policy}. */
    public void page(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        render(request, cohort(request), Form.blank("policy"));
    }

    /** {@code POST /cohorts/{cohortId}/policy}: replaces the thresholds with the form's. */
    public void save(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        Cohort cohort = cohort(request);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        // the page edits the thresholds only: the cohort's other settings (digest.*) go back as they are,
        // since a replaced policy document returns every key left out to its default
        cohorts.cohorts().policy(cohort.id()).forEach((key, value) -> {
            if (key.startsWith("digest.")) {
                body.put(key, String.valueOf(value));
            }
        });
        Map<String, String> sent = new LinkedHashMap<>();
        for (PolicyKey key : PolicyKey.values()) {
            String value = ctx.formParam(key.key());
            sent.put(key.key(), value == null ? "" : value);
            if (value != null && !value.isBlank()) {
                body.put(key.key(), value.strip());
            }
        }
        try {
            cohorts.cohorts().replacePolicy(cohort.id(), body);
        } catch (InvalidInputException e) {
            ctx.status(400);
            render(request, cohort, Form.failed("policy", sent, e.errors(), "Nothing was changed: correct the values"
                    + " marked below."));
            return;
        }
        ctx.redirect(request.after("/cohorts/" + Frame.segment(cohort.id()) + "/policy", "policy"),
                HttpStatus.SEE_OTHER);
    }

    private Cohort cohort(PageRequest request) {
        return cohorts.board().cohort(request.caller(), request.ctx().pathParam("cohortId"));
    }

    private void render(PageRequest request, Cohort cohort, Form form) {
        Map<String, Object> values = cohorts.cohorts().policy(cohort.id()); // thresholds are BigDecimal
        List<Threshold> thresholds = Arrays.stream(PolicyKey.values()).map(key -> new Threshold(key.key(),
                (BigDecimal) values.get(key.key()), key.defaultValue(),
                key.min() + " to " + key.max() + (key.isFactor() ? " (two decimals allowed)" : " (a whole number)"),
                key.description())).toList();
        String notice = "policy".equals(request.ctx().queryParam("done")) ? "The policy is saved." : null;
        String title = "Policy of " + (cohort.name() != null ? cohort.name() : cohort.id());
        Pages.render(request.ctx(), "cohort/policy.jte", new PolicyView(request.frame(title, notice), cohort,
                "/cohorts/" + Frame.segment(cohort.id()), thresholds, form));
    }
}
