package org.roadmapcoach.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.app.board.BoardService;
import org.roadmapcoach.web.cohort.CohortServices;
import org.roadmapcoach.app.reach.CalendarService;
import org.roadmapcoach.app.reach.Unsubscribes;
import org.roadmapcoach.app.access.SessionService;
import org.roadmapcoach.api.cohort.CohortController;
import org.roadmapcoach.api.healthcheck.HealthCheckController;
import org.roadmapcoach.api.healthcheck.RunsController;
import org.roadmapcoach.api.reach.ReachController;
import org.roadmapcoach.api.matching.MatchingController;
import org.roadmapcoach.app.matching.MatchingService;
import org.roadmapcoach.api.roadmap.ObjectiveController;
import org.roadmapcoach.api.roadmap.RoadmapController;
import org.roadmapcoach.api.suggestion.MeController;
import org.roadmapcoach.api.suggestion.SuggestionController;
import org.roadmapcoach.web.WebApp;
import org.roadmapcoach.web.WebServices;

/**
 * The HTTP API of docs/API.md. {@link #create} builds it the same way for {@code coach serve},
 * {@code coach demo} and the tests; it holds no state of its own.
 */
public final class CoachApp {

    static final String OPENAPI_RESOURCE = "/openapi.json";

    private CoachApp() {
    }

    public static Javalin create(AppConfig appConfig, Services services) {
        ObjectMapper json = Json.mapper();
        byte[] openApi = openApi();
        var cohorts = new CohortController(services.cohorts(), services.access(), json);
        var checks = new HealthCheckController(services.healthChecks(), services.healthCheckJobs(), services.access(),
                services.today());
        var runs = new RunsController(services.healthChecks(), services.access());
        var roadmaps = new RoadmapController(services.roadmaps(), services.access(), json, services.today());
        var objectives = new ObjectiveController(services.roadmaps(), services.access(), json);
        var suggestions = new SuggestionController(services.nextSteps(), services.access(), services.store(),
                services.today());
        var matchingService = new MatchingService(services.store());
        var matching = new MatchingController(matchingService, services.access(), services.today());
        var me = new MeController(services.me(), services.nextSteps(), services.access(), services.today(),
                services.tokens());
        var reach = new ReachController(new CalendarService(services.store(), services.access(), services.tokens()),
                new Unsubscribes(services.store(), services.clock()));
        WebServices web = web(appConfig, services);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = appConfig.maxRequestBytes();
            config.jetty.multipartConfig.maxTotalRequestSize(appConfig.maxRequestBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxFileSize(appConfig.maxRequestBytes(), SizeUnit.BYTES);
            ErrorMapping.register(config, appConfig.maxRequestBytes(), web);

            // First: a request is matched against the routes of its method in order, and this one is nearly
            // every request a server gets.
            config.routes.get("/api/pairings/{pairingId}/suggestions", suggestions::suggestions);
            config.routes.get("/health", ctx -> health(ctx, services));
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));

            // A request's remembered reads are all as of the data version when it starts (one question to the
            // database rather than one per read); its own writes end that. Every /api request pins afresh, so
            // a pin the after-handler missed never outlives the next request of its thread.
            config.routes.beforeMatched("/api/*", ctx -> {
                services.store().pinDataVersion();
                Callers.authenticate(ctx, services.tokens());
                Requests.checkParameters(ctx);
            });
            config.routes.after(ctx -> services.store().unpinDataVersion());
            config.routes.post("/api/cohorts", cohorts::create);
            config.routes.get("/api/cohorts/{cohortId}", cohorts::get);
            config.routes.post("/api/cohorts/{cohortId}/imports", cohorts::importFiles);
            config.routes.post("/api/cohorts/{cohortId}/health-checks", checks::run);
            config.routes.get("/api/cohorts/{cohortId}/health-checks/latest", checks::latest);
            config.routes.get("/api/cohorts/{cohortId}/health-checks/jobs/{jobId}", checks::job);
            config.routes.get("/api/cohorts/{cohortId}/runs", runs::list);
            config.routes.get("/api/cohorts/{cohortId}/runs/{runId}", runs::get);
            config.routes.delete("/api/cohorts/{cohortId}/runs", runs::prune);
            config.routes.get("/api/cohorts/{cohortId}/policy", cohorts::policy);
            config.routes.put("/api/cohorts/{cohortId}/policy", cohorts::replacePolicy);
            config.routes.patch("/api/cohorts/{cohortId}/policy", cohorts::changePolicy);
            config.routes.get("/api/cohorts/{cohortId}/match-proposals", matching::proposals);
            config.routes.post("/api/cohorts/{cohortId}/pairings", matching::accept);
            config.routes.get("/api/pairings/{pairingId}", roadmaps::get);
            config.routes.get("/api/pairings/{pairingId}/recommendations", suggestions::recommendations);
            config.routes.post("/api/pairings/{pairingId}/checkins", roadmaps::addCheckIn);
            config.routes.post("/api/pairings/{pairingId}/reciprocity", roadmaps::addReciprocity);
            config.routes.post("/api/pairings/{pairingId}/activities", roadmaps::addActivity);
            config.routes.post("/api/objectives/{objectiveId}/milestones/{milestoneId}/progress",
                    objectives::moveMilestone);
            config.routes.post("/api/pairings/{pairingId}/suggestions/{ruleId}/{subjectId}/dismiss",
                    suggestions::dismiss);
            config.routes.delete("/api/pairings/{pairingId}/suggestions/{ruleId}/{subjectId}/dismiss",
                    suggestions::undismiss);
            config.routes.get("/api/pairings/{pairingId}/dismissals", suggestions::dismissals);
            config.routes.get("/api/me", me::me);
            config.routes.get("/api/me/next-steps", me::myNextSteps);
            config.routes.get("/api/me/tokens", me::myTokens);
            config.routes.delete("/api/me/tokens/{tokenId}", me::revokeMyToken);
            config.routes.get("/api/cohorts/{cohortId}/next-steps", me::cohortNextSteps);
            config.routes.post("/api/pairings/{pairingId}/objectives", roadmaps::addObjective);
            config.routes.patch("/api/pairings/{pairingId}", roadmaps::changePairing);
            config.routes.put("/api/pairings/{pairingId}/engagements/{resourceId}", roadmaps::engage);
            config.routes.patch("/api/objectives/{objectiveId}", objectives::change);
            config.routes.post("/api/objectives/{objectiveId}/milestones", objectives::addMilestone);
            config.routes.patch("/api/objectives/{objectiveId}/milestones/{milestoneId}", objectives::changeMilestone);
            config.routes.get("/api/pairings/{pairingId}/calendar.ics", reach::pairing);
            config.routes.get("/calendar/{feed}", reach::feed);
            config.routes.get("/unsubscribe/{token}", reach::unsubscribePage);
            config.routes.post("/unsubscribe/{token}", reach::unsubscribe);

            // The web app (docs/WEB.md): its pages, forms and assets, over the same use cases
            WebApp.register(config, web);
            WebApp.registerCohorts(config, web, new CohortServices(
                    new BoardService(services.store(), services.access(), services.nextSteps()),
                    services.cohorts(), services.healthCheckJobs(), matchingService), services.clock());
        });
    }

    private static WebServices web(AppConfig appConfig, Services services) {
        return new WebServices(services.store(), services.today(), appConfig.links(), services.tokens(),
                new SessionService(services.store(), services.clock()), services.access(), services.me(),
                services.nextSteps(), services.roadmaps());
    }

    /** Liveness, whether the database answers (503 when it does not), and the store's today in force. */
    private static void health(Context ctx, Services services) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", "ok");
        try {
            services.store().cohorts();
            body.put("database", "ok");
            body.put("today", services.today().date().toString());
            body.put("todaySource", services.today().source());
        } catch (RuntimeException e) {
            body.put("status", "unavailable");
            body.put("database", "unreachable");
            ctx.status(503);
        }
        ctx.json(body);
    }

    private static byte[] openApi() {
        try (InputStream in = CoachApp.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
