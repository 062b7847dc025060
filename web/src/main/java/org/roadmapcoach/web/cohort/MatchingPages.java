package org.roadmapcoach.web.cohort;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.app.matching.MatchingService;
import org.roadmapcoach.app.matching.MatchingService.CohortProposal;
import org.roadmapcoach.app.problem.ConflictException;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.engine.roadmap.Cohort;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.matching.MatchProposal;
import org.roadmapcoach.matching.MatchingSettings;
import org.roadmapcoach.web.Frame;
import org.roadmapcoach.web.PageRequest;
import org.roadmapcoach.web.Pages;
import org.roadmapcoach.web.WebServices;

/**
 * Mentor matching, {@code /cohorts/{cohortId}/matching} (MATCHING.md, WEB.md): the proposals best first, each
 * with the parts of its score and its alternatives, the waiting mentees left unmatched with why, and the form
 * that accepts the selected proposals or all of them through the same use case as {@code POST .../pairings}
 * (one transaction). A pairing that can no longer be made (a repeat or stale accept) is said as a notice on the
 * page. Anyone but the cohort's coordinators gets the 404 page.
 */
public final class MatchingPages {

    /** The form field of a checked proposal, and the one every shown proposal carries for "Accept all". */
    static final String PAIR = "pair";
    static final String SHOWN = "shown";
    static final String ALL = "all";
    /**
     * Proposals, and unmatched mentees, the page lists at most: as many as one accept may make, so that "Accept
     * all" always can; the rest are proposed once these are accepted (coach match and the API list every one).
     */
    static final int SHOWN_AT_MOST = MatchingService.MAX_PAIRINGS;

    /** A person as the page names them. */
    public record Named(String id, String name) {
    }

    /** An alternative mentor: who, the fit, and the places left after the proposal. */
    public record AlternativeView(Named mentor, int score, int freePlaces) {
    }

    /**
     * A proposal as the page shows it: the score and its parts (points per covered gap, per ambition, and for
     * crossing departments), and the id and value of its checkbox.
     */
    public record ProposalView(String fieldId, Named mentee, Named mentor, int score, List<String> covered, int coveredPoints,
                               List<String> ambition, int ambitionPoints, boolean crossDepartment,
                               int crossDepartmentPoints, List<AlternativeView> alternatives, String value) {
    }

    /** A waiting mentee left out, with the reason's code and what it names. */
    public record UnmatchedView(Named mentee, String reason, String detail) {
    }

    /**
     * What the page shows; {@code proposals} and {@code unmatched} are the first {@link #SHOWN_AT_MOST} of the
     * summary's counts.
     */
    public record MatchingView(Frame frame, Cohort cohort, String path, MatchProposal.Summary summary,
                               List<ProposalView> proposals, List<UnmatchedView> unmatched, List<Named> made,
                               String problem) {

        /** Proposals not listed, past the first {@link #SHOWN_AT_MOST}. */
        public int proposalsNotShown() {
            return summary.matched() - proposals.size();
        }

        /** Unmatched mentees not listed. */
        public int unmatchedNotShown() {
            return summary.unmatched() - unmatched.size();
        }
    }

    private final WebServices web;
    private final CohortServices cohorts;

    public MatchingPages(WebServices web, CohortServices cohorts) {
        this.web = web;
        this.cohorts = cohorts;
    }

    /** {@code GET /cohorts/{cohortId}/matching}. */
    public void page(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        render(request, cohort(request), List.of(), null);
    }

    /**
     * {@code POST /cohorts/{cohortId}/matching}: makes the checked proposals ({@code pair}), or with the
     * "Accept all" button every proposal the page showed ({@code shown}), as of the page's date.
     */
    public void accept(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        Cohort cohort = cohort(request);
        List<String> chosen = ctx.formParam(ALL) != null ? ctx.formParams(SHOWN) : ctx.formParams(PAIR);
        List<MatchingService.Request> requests = new ArrayList<>();
        for (String value : new LinkedHashSet<>(chosen)) {
            String[] pair = decode(value);
            if (pair == null) {
                throw new InvalidInputException("The form sent a proposal this page does not know: reload the page.");
            }
            requests.add(new MatchingService.Request(pair[0], pair[1], null, null));
        }
        if (requests.isEmpty()) {
            ctx.status(400);
            render(request, cohort, List.of(), "Nothing was made: select at least one proposal, or accept all.");
            return;
        }
        List<Pairing> made;
        try {
            made = cohorts.matching().accept(cohort.id(), requests, request.asOf());
        } catch (ConflictException e) {
            ctx.status(409);
            render(request, cohort, List.of(), e.getMessage());
            return;
        }
        Map<String, String> names = cohorts.matching().names(cohort.id());
        List<Named> pairings = made.stream().map(p -> new Named(p.id(), names.getOrDefault(p.menteeId(), p.menteeId())
                + " with " + names.getOrDefault(p.mentorId(), p.mentorId()))).toList();
        render(request, cohort, pairings, null);
    }

    private Cohort cohort(PageRequest request) {
        return cohorts.board().cohort(request.caller(), request.ctx().pathParam("cohortId"));
    }

    private void render(PageRequest request, Cohort cohort, List<Named> made, String problem) {
        LocalDate asOf = request.asOf();
        MatchingService matching = cohorts.matching();
        CohortProposal proposal = matching.propose(cohort.id(), asOf);
        MatchingSettings settings = matching.settings(cohort.id());
        Map<String, String> names = matching.names(cohort.id());
        List<ProposalView> proposals = new ArrayList<>();
        for (MatchProposal.Pair pair : proposal.proposal().proposals()) {
            if (proposals.size() == SHOWN_AT_MOST) {
                break;
            }
            proposals.add(view("pair-" + (proposals.size() + 1), pair, settings, names));
        }
        List<UnmatchedView> unmatched = proposal.proposal().unmatched().stream().limit(SHOWN_AT_MOST)
                .map(u -> new UnmatchedView(named(names, u.menteeId()), u.reason().code(), u.detail())).toList();
        String notice = made.isEmpty() ? null : made.size() == 1 ? "One pairing is made." : made.size()
                + " pairings are made.";
        String title = "Mentor matching of " + (cohort.name() != null ? cohort.name() : cohort.id());
        Pages.render(request.ctx(), "cohort/matching.jte", new MatchingView(request.frame(title, notice), cohort,
                "/cohorts/" + Frame.segment(cohort.id()), proposal.proposal().summary(), proposals, unmatched, made,
                problem));
    }

    private static ProposalView view(String fieldId, MatchProposal.Pair pair, MatchingSettings settings,
                                     Map<String, String> names) {
        List<AlternativeView> alternatives = pair.alternatives().stream()
                .map(a -> new AlternativeView(named(names, a.mentorId()), a.score(), a.freePlaces())).toList();
        return new ProposalView(fieldId, named(names, pair.menteeId()), named(names, pair.mentorId()), pair.score(),
                pair.covered(), pair.covered().size() * settings.gapPoints(), pair.ambition(),
                pair.ambition().size() * settings.ambitionPoints(), pair.crossDepartment(),
                pair.crossDepartment() ? settings.crossDepartmentPoints() : 0, alternatives,
                encode(pair.menteeId(), pair.mentorId()));
    }

    private static Named named(Map<String, String> names, String id) {
        return new Named(id, names.getOrDefault(id, id));
    }

    /**
     * A proposal as one form value: the mentee id's length, a colon, the mentee id, then the mentor id (ids are
     * free strings, so no separator alone would do).
     */
    static String encode(String menteeId, String mentorId) {
        return menteeId.length() + ":" + menteeId + mentorId;
    }

    /** The mentee and mentor ids of a form value, or null when it is not one {@link #encode} makes. */
    static String[] decode(String value) {
        int colon = value.indexOf(':');
        if (colon < 1 || colon > 6) {
            return null;
        }
        try {
            int length = Integer.parseInt(value.substring(0, colon));
            int end = colon + 1 + length;
            if (length < 1 || end >= value.length()) {
                return null;
            }
            return new String[] {value.substring(colon + 1, end), value.substring(end)};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
