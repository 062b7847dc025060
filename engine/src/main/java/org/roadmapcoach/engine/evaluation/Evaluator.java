package org.roadmapcoach.engine.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * Runs the rule catalog over roadmaps. The rule base is built once (the rules jar on the class path,
 * compiled at build time). A call with all rules and a few pairings (a live suggestions call: one)
 * borrows a session from a pool whose sessions keep the facts that calls of one cohort share (policy,
 * catalog), inserts its pairings' facts, fires, and gives the session back without them
 * ({@link SessionPool}); a call with more pairings, or with some rules only, gets a fresh session.
 * Either way: facts in, findings out, the same findings. Thread-safe.
 */
public final class Evaluator {

    /** The name of the global that rules add findings to. */
    public static final String FINDINGS_GLOBAL = "findings";

    /** Where the rules jar says which build it is ({@link #ruleBase()}). */
    static final String BUILD_RESOURCE = "/org/roadmapcoach/rules/rule-base.properties";

    private final KieBase kieBase;
    private final String ruleBase;
    private final SessionPool sessions;
    /**
     * Evaluations run at most one per core at once; other callers wait their turn, first come first
     * served. A server lets each of its clients' requests evaluate (50 at once under bench/run.sh on 2
     * cores), and 50 evaluations time-sliced over 2 cores cost twice the CPU each or more that they
     * cost taking turns (measured in-process at 20,000 pairings, 50 threads on 2 cores, one pairing an
     * evaluation: 730 against 310 µs pooled, 1,050 against 470 fresh). A health check already runs one
     * worker per core, and is not slowed.
     */
    private final Semaphore running = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    /** An evaluator of {@code kieBase}, known by a version of its own that matches no other evaluator's. */
    public Evaluator(KieBase kieBase) {
        this(kieBase, unversioned());
    }

    private Evaluator(KieBase kieBase, String ruleBase) {
        this.kieBase = kieBase;
        this.ruleBase = ruleBase;
        this.sessions = new SessionPool(kieBase);
    }

    /**
     * The rule base of the rules jar on the class path.
     *
     * @throws IllegalStateException when the rules do not compile
     */
    public static Evaluator fromClasspath() {
        KieContainer container = KieServices.get().getKieClasspathContainer(Evaluator.class.getClassLoader());
        List<Message> errors = container.verify().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the coaching rules do not compile: " + errors);
        }
        return new Evaluator(container.getKieBase(), classpathRuleBase());
    }

    /**
     * Which rule base this is: two evaluators with the same version find the same, so a stored result of
     * one may stand for the other's. The build of the rules jar (its version and build time), or a version
     * of its own for a rule base that is not the jar's.
     */
    public String ruleBase() {
        return ruleBase;
    }

    /** The {@link #ruleBase()} of {@link #fromClasspath()}, known without building the rule base. */
    public static String classpathRuleBase() {
        return ClasspathBuild.RULE_BASE;
    }

    private static final class ClasspathBuild {
        static final String RULE_BASE = buildOfRules();
    }

    private static String buildOfRules() {
        Properties build = new Properties();
        try (InputStream in = Evaluator.class.getResourceAsStream(BUILD_RESOURCE)) {
            if (in == null) {
                return unversioned();
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILD_RESOURCE, e);
        }
        return build.getProperty("ruleBase", unversioned());
    }

    private static String unversioned() {
        return "unversioned " + UUID.randomUUID();
    }

    /** The ids of every rule in the rule base (the part of each rule name before the colon). */
    public List<String> ruleIds() {
        return kieBase.getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .map(r -> ruleId(r.getName()))
                .distinct().sorted().toList();
    }

    static String ruleId(String ruleName) {
        int colon = ruleName.indexOf(':');
        return colon < 0 ? ruleName : ruleName.substring(0, colon).trim();
    }

    /**
     * Evaluates every active pairing of {@code roadmaps} (one session for the whole batch) with all rules.
     * Pairings that are not active on {@code asOf} are left out.
     */
    public List<PairingResult> evaluate(Collection<Roadmap> roadmaps, Collection<Resource> catalog, Policy policy,
                                        LocalDate asOf) {
        Map<String, Roadmap> active = active(roadmaps, asOf);
        if (active.isEmpty()) {
            return results(active, List.of());
        }
        List<Finding> found;
        running.acquireUninterruptibly();
        try {
            found = active.size() <= POOLED_AT_MOST
                    ? pooled(active.values(), catalog, policy, asOf)
                    : fresh(active.values(), catalog, policy, asOf, null);
        } finally {
            running.release();
        }
        return results(active, found);
    }

    /**
     * Evaluates every active pairing of {@code roadmaps} (one session for the whole batch) with the
     * rules whose id {@code rules} accepts. Pairings that are not active on {@code asOf} are left out.
     */
    public List<PairingResult> evaluate(Collection<Roadmap> roadmaps, Collection<Resource> catalog, Policy policy,
                                        LocalDate asOf, Predicate<String> rules) {
        Map<String, Roadmap> active = active(roadmaps, asOf);
        if (active.isEmpty()) {
            return results(active, List.of());
        }
        // A fresh session: matches that the agenda filter turns down are never fired, and must not stay
        // behind in a pooled session.
        List<Finding> found;
        running.acquireUninterruptibly();
        try {
            found = fresh(active.values(), catalog, policy, asOf, match -> rules.test(ruleId(match.getRule().getName())));
        } finally {
            running.release();
        }
        return results(active, found);
    }

    /**
     * Up to this many pairings are evaluated in a pooled session, more in a fresh one. Giving a session
     * back costs a deletion of every fact of the batch, and that outweighs a new session's cost (its
     * catalog inserted again) from about 16 pairings on: a live call evaluates one pairing and gains
     * (two fifths of its evaluation's CPU), a health check's batches of 100 would lose (a quarter).
     */
    static final int POOLED_AT_MOST = 16;

    /** The findings of {@code roadmaps} in a session of the pool. */
    private List<Finding> pooled(Collection<Roadmap> roadmaps, Collection<Resource> catalog, Policy policy,
                                 LocalDate asOf) {
        // Free for a list that is already unmodifiable (the store's); a copy of any other, which its owner
        // might change before the next call.
        SessionPool.Lent lent = sessions.borrow(List.copyOf(catalog), policy);
        List<Finding> found;
        try {
            Findings findings = new Findings();
            lent.session.setGlobal(FINDINGS_GLOBAL, findings);
            lent.insert(new AsOf(asOf));
            insertPairings(lent::insert, roadmaps, asOf);
            lent.session.fireAllRules();
            found = findings.all();
        } catch (RuntimeException | Error e) {
            lent.dispose();
            throw e;
        }
        lent.giveBack();
        return found;
    }

    /** The findings of {@code roadmaps} in a new session, with the rules {@code filter} accepts (null: all). */
    private List<Finding> fresh(Collection<Roadmap> roadmaps, Collection<Resource> catalog, Policy policy,
                                LocalDate asOf, AgendaFilter filter) {
        Findings findings = new Findings();
        KieSession session = kieBase.newKieSession();
        try {
            session.setGlobal(FINDINGS_GLOBAL, findings);
            session.insert(new AsOf(asOf));
            session.insert(policy);
            catalog.forEach(session::insert);
            session.insert(new Catalog(catalog));
            insertPairings(session::insert, roadmaps, asOf);
            if (filter == null) {
                session.fireAllRules();
            } else {
                session.fireAllRules(filter);
            }
        } finally {
            session.dispose();
        }
        return findings.all();
    }

    /** The pairings of {@code roadmaps} active on {@code asOf}, by id, in their order. */
    private static Map<String, Roadmap> active(Collection<Roadmap> roadmaps, LocalDate asOf) {
        Map<String, Roadmap> active = new LinkedHashMap<>();
        for (Roadmap roadmap : roadmaps) {
            if (roadmap.pairing().isActiveOn(asOf)) {
                active.put(roadmap.pairing().id(), roadmap);
            }
        }
        return active;
    }

    /** Each active pairing's result, with the findings about it, in the order of {@code active}. */
    private static List<PairingResult> results(Map<String, Roadmap> active, List<Finding> found) {
        Map<String, List<Finding>> byPairing = new LinkedHashMap<>();
        active.keySet().forEach(id -> byPairing.put(id, new ArrayList<>()));
        found.forEach(f -> byPairing.get(f.pairingId()).add(f));
        List<PairingResult> results = new ArrayList<>(active.size());
        active.forEach((id, roadmap) -> results.add(PairingResult.of(roadmap.pairing(), byPairing.get(id))));
        return results;
    }

    /** Inserts the facts of {@code roadmaps}, and their people once each (a mentor of several mentees is one fact). */
    private static void insertPairings(Consumer<Object> insert, Collection<Roadmap> roadmaps, LocalDate asOf) {
        Map<String, Object> people = new LinkedHashMap<>();
        for (Roadmap roadmap : roadmaps) {
            people.putIfAbsent(roadmap.mentee().id(), roadmap.mentee());
            people.putIfAbsent(roadmap.mentor().id(), roadmap.mentor());
            insertFacts(insert, roadmap, asOf);
        }
        people.values().forEach(insert);
    }

    /** Inserts one pairing's facts, leaving out records dated after D. */
    private static void insertFacts(Consumer<Object> insert, Roadmap roadmap, LocalDate asOf) {
        Predicate<LocalDate> notAfter = date -> date == null || !date.isAfter(asOf);
        insert.accept(roadmap.pairing());
        roadmap.objectives().forEach(insert);
        roadmap.milestones().forEach(insert);
        roadmap.checkIns().stream().filter(c -> notAfter.test(c.date())).forEach(insert);
        roadmap.reciprocity().stream().filter(r -> notAfter.test(r.date())).forEach(insert);
        roadmap.activities().stream().filter(a -> notAfter.test(a.date())).forEach(insert);
        roadmap.engagements().stream().filter(e -> notAfter.test(e.date())).forEach(insert);
    }
}
