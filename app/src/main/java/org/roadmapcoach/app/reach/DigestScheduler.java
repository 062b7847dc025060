package org.roadmapcoach.app.reach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.roadmap.Cohort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the weekly digests while {@code coach serve --digests} runs. Every hour (and once at start) it
 * looks at each cohort: on the cohort's {@code digest.weekday}, by the store's today, it runs the week
 * (a digest is written once per person and week, so the later runs of that day only retry); on the
 * other days it only retries what was not confirmed or was held back by {@code digest.dailyCap}.
 */
public final class DigestScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DigestScheduler.class);

    private final Store store;
    private final DigestService digests;
    private final Today today;
    private final Supplier<Mailer> mailers;
    private final String from;
    private ScheduledExecutorService timer;

    public DigestScheduler(Store store, DigestService digests, Today today, Supplier<Mailer> mailers, String from) {
        this.store = store;
        this.digests = digests;
        this.today = today;
        this.mailers = mailers;
        this.from = from;
    }

    /** Starts the hourly look, the first one now. */
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "coach-digests");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tickSafely, 0, 1, TimeUnit.HOURS);
    }

    /** One look at every cohort; what each did. */
    public List<DigestService.Outcome> tick() {
        LocalDate date = today.date();
        List<DigestService.Outcome> outcomes = new ArrayList<>();
        for (Cohort cohort : store.cohorts()) {
            DigestPolicy policy = digests.policy(cohort.id());
            if (!policy.enabled()) {
                continue;
            }
            boolean weekday = date.getDayOfWeek() == policy.weekday();
            if (!weekday && digests.outbox(cohort.id()).stream().allMatch(m -> m.isSent())) {
                continue;
            }
            try (Mailer mailer = mailers.get()) {
                outcomes.add(weekday ? digests.run(cohort.id(), date, from, mailer) : digests.send(cohort.id(), mailer));
            }
        }
        return outcomes;
    }

    private void tickSafely() {
        try {
            for (DigestService.Outcome outcome : tick()) {
                LOG.info("Digests of {}: {} written, {} sent, {} not accepted, {} held by digest.dailyCap",
                        outcome.cohortId(), outcome.queued(), outcome.sent(), outcome.failed().size(), outcome.held());
                outcome.failed().forEach(failure -> LOG.warn("Digest not accepted, retried within the hour: {}", failure));
            }
        } catch (RuntimeException e) {
            LOG.error("Sending the digests failed; trying again within the hour", e);
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
