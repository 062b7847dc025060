package org.roadmapcoach.api.cli;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.api.http.AppConfig;
import org.roadmapcoach.api.http.CoachApp;
import org.roadmapcoach.api.http.Services;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.reach.DigestScheduler;
import org.roadmapcoach.app.reach.DigestService;
import org.roadmapcoach.app.reach.SmtpMailer;
import org.roadmapcoach.app.reach.SmtpSettings;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coach serve}: the HTTP API over one database, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the HTTP API over a database.")
final class ServeCommand implements Callable<Integer> {

    static final int DEFAULT_PORT = 7070;
    static final String DEFAULT_HOST = "127.0.0.1";

    @Mixin
    StoreOption store;

    @Option(names = "--port", defaultValue = "" + DEFAULT_PORT, paramLabel = "N",
            description = "The port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = DEFAULT_HOST, paramLabel = "HOST",
            description = "The address to listen on (default ${DEFAULT-VALUE}: this machine only).")
    String host;

    @Option(names = "--digests", description = "Send the weekly digests on each cohort's digest.weekday (REACH.md);"
            + " SMTP from COACH_SMTP_*.")
    boolean digests;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // The server answers first (health, tokens, roadmaps); the rule base builds right after, and the
        // first evaluation waits for it. On a busy machine building both at once slows both down.
        CompletableFuture<Evaluator> evaluator = new CompletableFuture<>();
        // the settings are checked before the server starts: a missing SMTP host is said at once
        SmtpSettings smtp = digests ? Environment.smtp(null, Environment.links(host, port)) : null;
        try (Store opened = store.open(true)) {
            Javalin app = start(opened, evaluator, host, port);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Roadmap Coach API on http://%s:%d (database %s); Ctrl-C stops it.%n", host, app.port(),
                    opened.file() != null ? opened.file().toAbsolutePath().normalize() : opened.location());
            Today today = StoreOption.today(opened);
            out.printf("Today is %s (%s); calls without asOf are evaluated as of it.%n", today.date(), today.source());
            out.println("Create a token with: coach token create --db " + opened.location() + " --person ID");
            out.printf("The web app: %s/signin (sign in with a link from coach token create --db %s --person ID --link,"
                    + " or paste a token).%n", Environment.links(host, app.port()).baseUrl(), opened.location());
            out.flush();
            try {
                evaluator.complete(Evaluator.fromClasspath());
            } catch (RuntimeException e) {
                evaluator.completeExceptionally(e);
                app.stop(); // the rules do not compile: fail now rather than on every evaluation
                throw e;
            }
            try (DigestScheduler scheduler = digests ? scheduler(opened, evaluator.join(), smtp) : null) {
                if (scheduler != null) {
                    scheduler.start();
                    out.printf("Digests go out through %s:%d on each cohort's digest.weekday (checked every hour).%n",
                            smtp.host(), smtp.port());
                    out.flush();
                }
                awaitShutdown(app);
            }
            return 0;
        }
    }

    /**
     * Starts the API on {@code host:port}; a port in use is a user mistake, said in one sentence.
     */
    static Javalin start(Store store, CompletableFuture<Evaluator> evaluator, String host, int port) {
        Services services = Services.of(store, evaluator, StoreOption.today(store), Clock.systemDefaultZone());
        Javalin app = CoachApp.create(AppConfig.defaults().withLinks(Environment.links(host, port)), services);
        try {
            app.start(host, port);
        } catch (JavalinBindException e) {
            throw new InvalidInputException("Cannot listen on " + host + ":" + port
                    + ": the port is in use or not allowed; choose another with --port.");
        }
        return app;
    }

    private DigestScheduler scheduler(Store store, Evaluator evaluator, SmtpSettings smtp) {
        Clock clock = Clock.systemUTC();
        Today today = StoreOption.today(store);
        Services services = Services.of(store, evaluator, today, clock);
        DigestService service = new DigestService(store, services.access(), services.nextSteps(),
                services.healthChecks(), services.tokens(), Environment.links(host, port), clock);
        return new DigestScheduler(store, service, today, () -> new SmtpMailer(smtp), smtp.from());
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C), then stops the server. */
    static void awaitShutdown(Javalin app) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stopped.countDown();
        }, "coach-serve-shutdown"));
        stopped.await();
    }
}
