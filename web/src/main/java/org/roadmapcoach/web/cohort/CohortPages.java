package org.roadmapcoach.web.cohort;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.roadmapcoach.app.board.BoardService;
import org.roadmapcoach.app.board.BoardService.Board;
import org.roadmapcoach.app.healthcheck.HealthCheckJobs;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.engine.roadmap.Cohort;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.data.run.RunBoard.Filter;
import org.roadmapcoach.web.Frame;
import org.roadmapcoach.web.PageRequest;
import org.roadmapcoach.web.Pages;
import org.roadmapcoach.web.WebServices;
import org.roadmapcoach.web.me.MePages;

/**
 * The coordinator's home of a cohort, {@code /cohorts/{cohortId}} (WEB.md): the tiles, the trend, the pairings
 * worst first (filtered and paged on the server; htmx swaps only the table), findings by rule, the
 * coordinator's next steps, and the form that runs a health check. Anyone but the cohort's coordinators gets
 * the 404 page.
 */
public final class CohortPages {

    /** Pairings a page of the table shows. */
    static final int PAGE_SIZE = 25;

    /** A tile: a health's count in the latest run and its change since the run before (null without one). */
    public record Tile(String health, long count, Long change) {
        public String changeText() {
            return change == null ? "no earlier run" : change == 0 ? "no change" : (change > 0 ? "+" : "") + change
                    + " since the previous run";
        }
    }

    /** The table's filters as the address gives them. */
    public record Filters(String health, String rule, boolean newOnly, String text, int page) {

        Filter filter() {
            return new Filter(health, rule, newOnly, text);
        }

        /** The query string of these filters on page {@code toPage} (1-based); "" for none. */
        public String query(int toPage) {
            List<String> parts = new ArrayList<>();
            add(parts, "health", health);
            add(parts, "rule", rule);
            if (newOnly) {
                parts.add("new=on");
            }
            add(parts, "q", text);
            if (toPage > 1) {
                parts.add("page=" + toPage);
            }
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }

        public boolean any() {
            return health != null || rule != null || newOnly || text != null;
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null) {
                parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /** What the page shows. */
    public record BoardView(Frame frame, Board board, List<Tile> tiles, Trend trend, Filters filters, int pages,
                            String path, List<String> healths, List<MePages.TokenRow> tokens) {

        /** The page's own path with {@code query} (and the page's date when the address named one). */
        public String link(String query) {
            return frame.link(path + query);
        }

        /** Days from {@code date} to the run's date, or null. */
        public Long daysSince(LocalDate date) {
            return date == null || board.latest() == null ? null
                    : java.time.temporal.ChronoUnit.DAYS.between(date, board.latest().asOf());
        }

        public int page() {
            return filters.page();
        }
    }

    private final WebServices web;
    private final CohortServices cohorts;

    public CohortPages(WebServices web, CohortServices cohorts) {
        this.web = web;
        this.cohorts = cohorts;
    }

    /** {@code GET /cohorts/{cohortId}}; with htmx's {@code HX-Request}, the pairings table alone. */
    public void page(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        String cohortId = ctx.pathParam("cohortId");
        Filters filters = filters(ctx);
        boolean partial = "true".equals(ctx.header("HX-Request")) && "pairings".equals(ctx.header("HX-Target"));
        Board board = cohorts.board().board(request.caller(), cohortId, request.asOf(), filters.filter(),
                PAGE_SIZE, (filters.page() - 1) * PAGE_SIZE);
        String notice = "check".equals(ctx.queryParam("done")) ? "The health check is stored: the page shows it." : null;
        Frame frame = request.frame(board.cohort().name() != null ? board.cohort().name() : cohortId, notice);
        int pages = (int) Math.max(1, (board.pairings().total() + PAGE_SIZE - 1) / PAGE_SIZE);
        BoardView view = new BoardView(frame, board, tiles(board), Trend.of(board.trend()), filters, pages,
                "/cohorts/" + Frame.segment(cohortId), List.of("red", "amber", "green"),
                partial ? List.of() : MePages.tokenRows(web.tokens().listOwn(request.caller())));
        Pages.render(ctx, partial ? "cohort/table.jte" : "cohort/cohort.jte", view);
    }

    /**
     * {@code POST /cohorts/{cohortId}/checks}: starts a health check as of the page's date as a job (the API's
     * {@code Prefer: respond-async}) and sends the browser to its progress page.
     */
    public void runCheck(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        String cohortId = ctx.pathParam("cohortId");
        cohorts.board().cohort(request.caller(), cohortId);
        HealthCheckJobs.Job job = cohorts.checkJobs().start(cohortId, request.asOf());
        ctx.redirect(request.frame("").link(checkPath(cohortId, job.id())), HttpStatus.SEE_OTHER);
    }

    /**
     * {@code GET /cohorts/{cohortId}/checks/{jobId}}: the check's progress bar while it runs, refreshed by the
     * browser every {@value #PROGRESS_REFRESH_SECONDS} seconds (a {@code Refresh} header: no script, so it
     * works without JavaScript too); once the run is stored, the cohort page showing it.
     */
    public void checkProgress(Context ctx) {
        PageRequest request = new PageRequest(ctx, web);
        String cohortId = ctx.pathParam("cohortId");
        Cohort cohort = cohorts.board().cohort(request.caller(), cohortId);
        HealthCheckJobs.Job job = cohorts.checkJobs().find(cohortId, ctx.pathParam("jobId"))
                .orElseThrow(() -> new NotFoundException("There is no such health check of this cohort."));
        if (job.status() == HealthCheckJobs.Status.DONE) {
            cohorts.board().countRules(cohortId);
            ctx.redirect(request.after("/cohorts/" + Frame.segment(cohortId), "check"), HttpStatus.SEE_OTHER);
            return;
        }
        if (job.status() != HealthCheckJobs.Status.FAILED) {
            ctx.header("Refresh", Integer.toString(PROGRESS_REFRESH_SECONDS));
        }
        Frame frame = request.frame("Health check of " + (cohort.name() != null ? cohort.name() : cohortId));
        Pages.render(ctx, "cohort/check.jte", new CheckView(frame, job, "/cohorts/" + Frame.segment(cohortId)));
    }

    private static final int PROGRESS_REFRESH_SECONDS = 2;

    private static String checkPath(String cohortId, String jobId) {
        return "/cohorts/" + Frame.segment(cohortId) + "/checks/" + Frame.segment(jobId);
    }

    /** A running (or failed) check as its progress page shows it. */
    public record CheckView(Frame frame, HealthCheckJobs.Job job, String cohortPath) {
        public boolean failed() {
            return job.status() == HealthCheckJobs.Status.FAILED;
        }

        public boolean queued() {
            return job.status() == HealthCheckJobs.Status.QUEUED;
        }

        public String cohortLink() {
            return frame.link(cohortPath);
        }
    }

    private static List<Tile> tiles(Board board) {
        if (board.latest() == null) {
            return List.of();
        }
        var now = board.latest();
        var before = board.previous();
        return List.of(new Tile("red", now.red(), before == null ? null : now.red() - before.red()),
                new Tile("amber", now.amber(), before == null ? null : now.amber() - before.amber()),
                new Tile("green", now.green(), before == null ? null : now.green() - before.green()));
    }

    private static Filters filters(Context ctx) {
        String health = BoardService.health(ctx.queryParam("health"));
        String rule = blankless(ctx.queryParam("rule"));
        if (rule != null && !rule.matches("[A-Za-z0-9-]{1,40}")) {
            throw InvalidInputException.of("rule", rule, "expected a rule id such as CI-OVERDUE");
        }
        String text = blankless(ctx.queryParam("q"));
        if (text != null && text.length() > 100) {
            throw InvalidInputException.of("q", null, "a search of at most 100 characters is allowed");
        }
        int page = 1;
        String given = ctx.queryParam("page");
        if (given != null && !given.isBlank()) {
            try {
                page = Integer.parseInt(given.strip());
            } catch (NumberFormatException e) {
                page = 0;
            }
            if (page < 1 || page > 1_000_000) {
                throw InvalidInputException.of("page", given, "expected a page number, 1 or more");
            }
        }
        boolean newOnly = ctx.queryParam("new") != null && !ctx.queryParam("new").isBlank();
        return new Filters(health, rule == null ? null : rule.toUpperCase(java.util.Locale.ROOT), newOnly, text, page);
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
