package org.roadmapcoach.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.roadmapcoach.app.problem.CoachException;
import org.roadmapcoach.web.me.MePages;
import org.roadmapcoach.web.pairing.PairingPages;
import org.roadmapcoach.web.signin.SignInPages;

/**
 * The web app of docs/WEB.md: its pages and assets, registered beside the API by one call
 * ({@link #register}). Every page is answered through {@link #page} (signed in, or sent to sign in) and
 * every form through {@link #form} (its CSRF token checked first: a 403 page without it); their errors are
 * HTML pages ({@link ErrorPages}).
 */
public final class WebApp {

    static final String HTMX = "/META-INF/resources/webjars/htmx.org/2.0.8/dist/htmx.min.js";

    private final WebServices web;

    private WebApp(WebServices web) {
        this.web = web;
    }

    /** Registers the pages, their forms and assets on {@code config}. */
    public static void register(JavalinConfig config, WebServices web) {
        new WebApp(web).routes(config);
    }

    private void routes(JavalinConfig config) {
        byte[] css = resource("/web/coach.css");
        byte[] htmx = resource(HTMX);
        config.routes.get("/assets/coach.css", ctx -> asset(ctx, "text/css; charset=utf-8", css));
        config.routes.get("/assets/htmx.min.js", ctx -> asset(ctx, "text/javascript; charset=utf-8", htmx));
        config.routes.get("/", page(ctx -> ctx.redirect(new PageRequest(ctx, web).frame("", null).link("/me"),
                HttpStatus.SEE_OTHER)));

        var signIn = new SignInPages(web);
        config.routes.get("/signin", open(signIn::page));
        config.routes.post("/signin", form(signIn::signIn));
        config.routes.get("/signout", open(signIn::signOutPage));
        config.routes.post("/signout", form(signIn::signOut));

        var me = new MePages(web);
        config.routes.get("/me", page(me::page));
        config.routes.post("/me/links", form(me::createLink));
        config.routes.post("/me/feeds", form(me::createFeed));
        config.routes.post("/me/tokens/{tokenId}/revoke", form(me::revoke));

        var pairings = new PairingPages(web, me::render);
        config.routes.get("/pairings/{pairingId}", page(pairings::page));
        pairings.forms().forEach((path, handler) -> config.routes.post(path, form(handler)));
    }

    /**
     * Registers the coordinator's pages of a cohort (issue 14): its home, import and policy, over
     * {@code cohorts}; {@code clock} times how long a dry run's files are kept for "apply".
     */
    public static void registerCohorts(JavalinConfig config, WebServices web,
                                       org.roadmapcoach.web.cohort.CohortServices cohorts, java.time.Clock clock) {
        new WebApp(web).cohortRoutes(config, cohorts, clock);
    }

    private void cohortRoutes(JavalinConfig config, org.roadmapcoach.web.cohort.CohortServices services,
                              java.time.Clock clock) {
        var board = new org.roadmapcoach.web.cohort.CohortPages(web, services);
        config.routes.get("/cohorts/{cohortId}", page(board::page));
        config.routes.post("/cohorts/{cohortId}/checks", form(board::runCheck));
        config.routes.get("/cohorts/{cohortId}/checks/{jobId}", page(board::checkProgress));
        var imports = new org.roadmapcoach.web.cohort.ImportPages(web, services, clock);
        config.routes.get("/cohorts/{cohortId}/import", page(imports::page));
        config.routes.post("/cohorts/{cohortId}/import", form(imports::dryRun));
        config.routes.post("/cohorts/{cohortId}/import/apply", form(imports::apply));
        var policy = new org.roadmapcoach.web.cohort.PolicyPages(web, services);
        config.routes.get("/cohorts/{cohortId}/policy", page(policy::page));
        config.routes.post("/cohorts/{cohortId}/policy", form(policy::save));
        var matching = new org.roadmapcoach.web.cohort.MatchingPages(web, services);
        config.routes.get("/cohorts/{cohortId}/matching", page(matching::page));
        config.routes.post("/cohorts/{cohortId}/matching", form(matching::accept));
    }

    /** A page anyone may open (signing in): errors as pages. */
    private Handler open(Handler handler) {
        return ctx -> answer(ctx, handler);
    }

    /** A page for a signed-in person: without a session, the sign-in page, which comes back here afterwards. */
    private Handler page(Handler handler) {
        return ctx -> answer(ctx, c -> {
            if (Visitor.of(c, web.sessions()).session().isEmpty()) {
                String next = c.path() + (c.queryString() == null ? "" : "?" + c.queryString());
                c.redirect("/signin?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8),
                        HttpStatus.SEE_OTHER);
                return;
            }
            handler.handle(c);
        });
    }

    /** A form's POST: refused with the 403 page unless it carries the visitor's CSRF token. */
    private Handler form(Handler handler) {
        return ctx -> answer(ctx, c -> {
            if (!Visitor.of(c, web.sessions()).acceptsCsrf(c.formParam(Visitor.CSRF_FIELD))) {
                ErrorPages.status(c, web, 403);
                return;
            }
            handler.handle(c);
        });
    }

    private void answer(Context ctx, Handler handler) {
        try {
            Pages.secure(ctx);
            web.store().pinDataVersion();
            handler.handle(ctx);
        } catch (PageRequest.NotSignedInException e) {
            ErrorPages.status(ctx, web, 403);
        } catch (CoachException e) {
            ErrorPages.of(ctx, web, e);
        } catch (io.javalin.http.HttpResponseException e) {
            ErrorPages.status(ctx, web, e.getStatus());
        } catch (org.roadmapcoach.data.store.StoreBusyException e) {
            ErrorPages.busy(ctx, web);
        } catch (Exception e) {
            ErrorPages.unexpected(ctx, web, e);
        } finally {
            unpin();
        }
    }

    private void unpin() {
        try {
            web.store().unpinDataVersion();
        } catch (RuntimeException e) {
            // the page (or its error page) is written; a store that cannot even unpin fails the next request
        }
    }

    private static void asset(Context ctx, String type, byte[] bytes) {
        Pages.secure(ctx);
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(type).result(bytes);
    }

    private static byte[] resource(String path) {
        try (InputStream in = WebApp.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
