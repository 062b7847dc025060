package org.roadmapcoach.web.cohort;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * Policy, {@code /cohorts/{cohortId}/policy} (WEB.md, API.md): every key of the cohort's policy document
 * (the thresholds of RULES.md, the matching and the digest settings) with its default, range and meaning,
 * grouped, and the form that replaces the document (a blank field goes back to its default); a bad value is
 * shown beside its field and changes nothing.
 */
public final class PolicyPages {

    /**
     * A key as the form shows it: its value and default as text, and the choices of a boolean or weekday key
     * (empty for a number, typed in a text field).
     */
    public record Threshold(String key, String value, String defaultValue, String range, String meaning,
                            List<String> choices) {
    }

    /** The keys of one group of the document (rule thresholds, matching, digests), under its heading. */
    public record Group(String title, List<Threshold> keys) {
    }

    public record PolicyView(Frame frame, Cohort cohort, String path, List<Group> groups, Form form) {
    }

    private static final List<String> BOOLEANS = List.of("true", "false");
    private static final List<String> WEEKDAYS = Arrays.stream(DayOfWeek.values())
            .map(day -> day.name().toLowerCase(Locale.ROOT)).toList();

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

    /** {@code POST /cohorts/{cohortId}/policy}: replaces the policy document with the form's. */
    public void save(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        Cohort cohort = cohort(request);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        // the page shows every key of the document: a key left blank (or not sent) returns to its default
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
        Map<String, Object> values = cohorts.cohorts().policy(cohort.id());
        Map<PolicyKey.Group, List<Threshold>> byGroup = new EnumMap<>(PolicyKey.Group.class);
        for (PolicyKey key : PolicyKey.values()) {
            byGroup.computeIfAbsent(key.group(), g -> new ArrayList<>()).add(new Threshold(key.key(),
                    String.valueOf(values.get(key.key())), key.text(key.defaultValue()), range(key),
                    key.description(), choices(key)));
        }
        List<Group> groups = byGroup.entrySet().stream().map(e -> new Group(e.getKey().title(), e.getValue()))
                .toList();
        String notice = "policy".equals(request.ctx().queryParam("done")) ? "The policy is saved." : null;
        String title = "Policy of " + (cohort.name() != null ? cohort.name() : cohort.id());
        Pages.render(request.ctx(), "cohort/policy.jte", new PolicyView(request.frame(title, notice), cohort,
                "/cohorts/" + Frame.segment(cohort.id()), groups, form));
    }

    private static String range(PolicyKey key) {
        return switch (key.type()) {
            case INTEGER -> key.range() + " (a whole number)";
            case DECIMAL -> key.range() + " (two decimals allowed)";
            default -> key.range();
        };
    }

    private static List<String> choices(PolicyKey key) {
        return switch (key.type()) {
            case BOOLEAN -> BOOLEANS;
            case WEEKDAY -> WEEKDAYS;
            default -> List.of();
        };
    }
}
