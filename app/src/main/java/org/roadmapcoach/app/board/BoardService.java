package org.roadmapcoach.app.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.nextsteps.NextStepsService;
import org.roadmapcoach.app.nextsteps.NextStepsViews.NextStepsPage;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.run.RunBoard;
import org.roadmapcoach.data.run.RunBoard.Filter;
import org.roadmapcoach.data.run.RunBoard.Page;
import org.roadmapcoach.data.run.RunBoard.RuleCount;
import org.roadmapcoach.data.run.RunBoard.Tally;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.engine.roadmap.Cohort;

/**
 * The coordinator's board of a cohort (WEB.md, the cohort page): the latest stored run's tiles with their
 * change since the run before, the trend over the stored runs, the rules that found something, one page of
 * the pairings worst first, and the coordinator's own next steps. A stored run never changes, so what is
 * counted over all of a run's pairings (its tally, its rules) is counted once per run and kept.
 */
public final class BoardService {

    /** The most runs the trend shows. */
    public static final int TREND_RUNS = 20;
    /**
     * The most pairings whose next steps the page finds: over every pairing of a larger cohort they take
     * seconds even from a stored run (measured at 100,000: minutes when a pairing changed since and is
     * evaluated live), so the page sends the coordinator to {@code coach next-steps} and the API instead.
     */
    public static final int LIVE_NEXT_STEPS_PAIRINGS = 500;
    /** Next steps the page lists. */
    public static final int NEXT_STEPS_SHOWN = 10;
    private static final int KEPT_RUNS = 256;

    /**
     * The board of a cohort as of a date.
     *
     * @param latest the latest stored run's tally, null when no check was run
     * @param previous the tally of the run before it, null when there is none
     * @param trend the stored runs' tallies, oldest first
     * @param rules the rules that found something in the latest run, most pairings first; null while they are
     *     being counted (a moment after a check of a large cohort)
     * @param nextSteps the coordinator's next steps, null for a cohort too large for the page (see
     *     {@link #LIVE_NEXT_STEPS_PAIRINGS})
     */
    public record Board(Cohort cohort, Tally latest, Tally previous, List<Tally> trend, List<RuleCount> rules,
                        Page pairings, NextStepsPage nextSteps) {
    }

    private final Store store;
    private final Access access;
    private final NextStepsService nextSteps;
    private final RunBoard runs;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final Map<String, List<RuleCount>> rules = new ConcurrentHashMap<>();
    private final java.util.Set<String> counting = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.Executor counter = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "coach-rule-counter");
        thread.setDaemon(true);
        return thread;
    });

    public BoardService(Store store, Access access, NextStepsService nextSteps) {
        this.store = store;
        this.access = access;
        this.nextSteps = nextSteps;
        this.runs = new RunBoard(store);
    }

    /** The cohort, when {@code caller} coordinates it; for anyone else the same not-found as for no cohort. */
    public Cohort cohort(Caller caller, String cohortId) {
        if (!caller.isCoordinator() || !caller.reaches(cohortId)) {
            throw new NotFoundException("There is no cohort '" + cohortId + "'.");
        }
        return access.cohort(caller, cohortId);
    }

    /** The board of {@code cohortId} for its coordinator {@code caller}, with the pairings of {@code filter}. */
    public Board board(Caller caller, String cohortId, LocalDate asOf, Filter filter, int limit, int offset) {
        Cohort cohort = cohort(caller, cohortId);
        List<Tally> recent = runs.recentRuns(cohortId, TREND_RUNS);
        List<Tally> trend = new ArrayList<>();
        for (Tally run : recent) {
            trend.add(tallies.computeIfAbsent(key(cohortId, run), k -> runs.tally(run.runId(), run.asOf())));
        }
        Collections.reverse(trend);
        Tally latest = trend.isEmpty() ? null : trend.get(trend.size() - 1);
        Tally previous = trend.size() < 2 ? null : trend.get(trend.size() - 2);
        List<RuleCount> found = latest == null ? List.of() : rules(cohortId, latest);
        Page page = latest == null ? new Page(List.of(), 0) : runs.pairings(cohortId, latest.runId(),
                previous == null ? null : previous.runId(), latest.asOf(), filter, limit, offset);
        trim();
        return new Board(cohort, latest, previous, trend, found, page, steps(caller, cohortId, asOf, latest));
    }

    /**
     * The rules of a stored run, counted once on a thread of their own: counting reads the run's whole index
     * by rule (about 0.2 s at 100,000 pairings), which no page waits for. Null while they are being counted.
     */
    private List<RuleCount> rules(String cohortId, Tally run) {
        String key = key(cohortId, run);
        List<RuleCount> known = rules.get(key);
        if (known == null && counting.add(key)) {
            counter.execute(() -> {
                try {
                    rules.put(key, runs.rules(run.runId()));
                } finally {
                    counting.remove(key);
                }
            });
        }
        return known;
    }

    /** Counts the rules of the latest run of {@code cohortId} now, such as after a check, for the next page. */
    public void countRules(String cohortId) {
        List<Tally> latest = runs.recentRuns(cohortId, 1);
        if (!latest.isEmpty()) {
            rules(cohortId, latest.get(0));
        }
    }

    private NextStepsPage steps(Caller caller, String cohortId, LocalDate asOf, Tally latest) {
        long pairings = latest != null ? latest.total() : store.counts(cohortId).getOrDefault("pairings.csv", 0L);
        if (pairings > LIVE_NEXT_STEPS_PAIRINGS) {
            return null;
        }
        return nextSteps.forCohort(caller, access.pairingsOfCohort(caller, cohortId), asOf, NEXT_STEPS_SHOWN, 0);
    }

    /** Health as a filter takes it: one of red, amber, green, else null. */
    public static String health(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (Health h : Health.values()) {
            if (h.code().equalsIgnoreCase(text.strip())) {
                return h.code();
            }
        }
        return null;
    }

    private static String key(String cohortId, Tally run) {
        return cohortId + "\n" + run.runId() + "\n" + run.asOf();
    }

    private void trim() {
        if (tallies.size() > KEPT_RUNS) {
            tallies.clear();
        }
        if (rules.size() > KEPT_RUNS) {
            rules.clear();
        }
    }
}
