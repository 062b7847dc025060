package org.roadmapcoach.api.http;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.MeService;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.app.cohort.CohortService;
import org.roadmapcoach.app.healthcheck.HealthCheckJobs;
import org.roadmapcoach.app.healthcheck.SplitHealthCheck;
import org.roadmapcoach.app.healthcheck.HealthCheckService;
import org.roadmapcoach.app.nextsteps.LiveFindings;
import org.roadmapcoach.app.nextsteps.NextStepsService;
import org.roadmapcoach.app.nextsteps.StoredRunFindings;
import org.roadmapcoach.app.roadmap.RoadmapService;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;

/**
 * The use cases the faces call, built once over one store and one rule base: the HTTP app, and the
 * command line through {@link #of(Store, Evaluator, Clock)}.
 *
 * @param healthChecks the health checks, once the rule base is built
 * @param healthCheckJobs the health checks running in the background
 */
public record Services(Store store, Clock clock, Today today, TokenService tokens, Access access, MeService me,
                       CohortService cohorts, Supplier<HealthCheckService> healthChecks, RoadmapService roadmaps,
                       NextStepsService nextSteps, HealthCheckJobs healthCheckJobs) {

    /** Services whose today is the database's, or the clock's (no {@code COACH_TODAY}). */
    public static Services of(Store store, Evaluator evaluator, Clock clock) {
        return of(store, evaluator, Today.of(store, null, clock), clock);
    }

    public static Services of(Store store, Evaluator evaluator, Today today, Clock clock) {
        return of(store, CompletableFuture.completedFuture(evaluator), evaluator.ruleBase(), today, clock);
    }

    /**
     * Services whose rule base may still be building: {@code coach serve} answers (health, tokens, reads)
     * while it builds, and the first evaluation waits for it.
     */
    public static Services of(Store store, CompletableFuture<Evaluator> evaluator, Today today, Clock clock) {
        return of(store, evaluator, Evaluator.classpathRuleBase(), today, clock);
    }

    /** @param ruleBase the {@link Evaluator#ruleBase()} of {@code evaluator}, known before it is built */
    private static Services of(Store store, CompletableFuture<Evaluator> evaluator, String ruleBase,
                               Today today, Clock clock) {
        Supplier<Evaluator> rules = evaluator::join;
        var findings = new StoredRunFindings(new RunStore(store), ruleBase, new LiveFindings(store, rules));
        Supplier<HealthCheckService> checks = () -> new HealthCheckService(store, rules.get(), clock);
        return new Services(store, clock, today, new TokenService(store, clock), new Access(store), new MeService(store),
                new CohortService(store), checks, new RoadmapService(store, today),
                new NextStepsService(store, findings, clock), new HealthCheckJobs(checks, store.isPostgreSQL()
                        ? () -> new SplitHealthCheck(store, rules.get(), clock) : null));
    }
}
