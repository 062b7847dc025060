package org.roadmapcoach.api.http;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.roadmapcoach.api.auth.Access;
import org.roadmapcoach.api.auth.TokenService;
import org.roadmapcoach.api.cohort.CohortService;
import org.roadmapcoach.api.healthcheck.HealthCheckService;
import org.roadmapcoach.api.roadmap.RoadmapService;
import org.roadmapcoach.api.suggestion.AdviceService;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.engine.evaluation.Evaluator;

/**
 * Everything the HTTP app calls, built once over one store and one rule base.
 *
 * @param healthChecks the health checks, once the rule base is built
 */
public record Services(SqliteStore store, Clock clock, TokenService tokens, Access access, CohortService cohorts,
                       Supplier<HealthCheckService> healthChecks, RoadmapService roadmaps, AdviceService advice) {

    public static Services of(SqliteStore store, Evaluator evaluator, Clock clock) {
        return of(store, CompletableFuture.completedFuture(evaluator), evaluator.ruleBase(), clock);
    }

    /**
     * Services whose rule base may still be building: {@code coach serve} answers (health, tokens, reads)
     * while it builds, and the first evaluation waits for it.
     */
    public static Services of(SqliteStore store, CompletableFuture<Evaluator> evaluator, Clock clock) {
        return of(store, evaluator, Evaluator.classpathRuleBase(), clock);
    }

    /** @param ruleBase the {@link Evaluator#ruleBase()} of {@code evaluator}, known before it is built */
    private static Services of(SqliteStore store, CompletableFuture<Evaluator> evaluator, String ruleBase,
                               Clock clock) {
        Supplier<Evaluator> rules = evaluator::join;
        return new Services(store, clock, new TokenService(store, clock), new Access(store), new CohortService(store),
                () -> new HealthCheckService(store, rules.get(), clock), new RoadmapService(store),
                new AdviceService(store, rules, ruleBase, clock));
    }
}
