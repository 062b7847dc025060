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
import java.util.function.Predicate;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * Runs the rule catalog over roadmaps. The rule base is built once (the rules jar on the class path,
 * compiled at build time); each call gets a fresh session: facts in, findings out. Thread-safe.
 */
public final class Evaluator {

    /** The name of the global that rules add findings to. */
    public static final String FINDINGS_GLOBAL = "findings";

    /** Where the rules jar says which build it is ({@link #ruleBase()}). */
    static final String BUILD_RESOURCE = "/org/roadmapcoach/rules/rule-base.properties";

    private final KieBase kieBase;
    private final String ruleBase;

    /** An evaluator of {@code kieBase}, known by a version of its own that matches no other evaluator's. */
    public Evaluator(KieBase kieBase) {
        this(kieBase, unversioned());
    }

    private Evaluator(KieBase kieBase, String ruleBase) {
        this.kieBase = kieBase;
        this.ruleBase = ruleBase;
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

    /** Evaluates every active pairing of {@code roadmaps} with all rules. */
    public List<PairingResult> evaluate(Collection<Roadmap> roadmaps, Collection<Resource> catalog, Policy policy,
                                        LocalDate asOf) {
        return evaluate(roadmaps, catalog, policy, asOf, ruleId -> true);
    }

    /**
     * Evaluates every active pairing of {@code roadmaps} (one session for the whole batch) with the
     * rules whose id {@code rules} accepts. Pairings that are not active on {@code asOf} are left out.
     */
    public List<PairingResult> evaluate(Collection<Roadmap> roadmaps, Collection<Resource> catalog, Policy policy,
                                        LocalDate asOf, Predicate<String> rules) {
        Map<String, Roadmap> active = new LinkedHashMap<>();
        for (Roadmap roadmap : roadmaps) {
            if (roadmap.pairing().isActiveOn(asOf)) {
                active.put(roadmap.pairing().id(), roadmap);
            }
        }
        Map<String, List<Finding>> byPairing = new LinkedHashMap<>();
        active.keySet().forEach(id -> byPairing.put(id, new ArrayList<>()));
        if (!active.isEmpty()) {
            Findings findings = new Findings();
            KieSession session = kieBase.newKieSession();
            try {
                session.setGlobal(FINDINGS_GLOBAL, findings);
                session.insert(new AsOf(asOf));
                session.insert(policy);
                catalog.forEach(session::insert);
                session.insert(new Catalog(catalog));
                // a mentor with several mentees is one fact, not one per pairing
                Map<String, Object> people = new LinkedHashMap<>();
                for (Roadmap roadmap : active.values()) {
                    people.putIfAbsent(roadmap.mentee().id(), roadmap.mentee());
                    people.putIfAbsent(roadmap.mentor().id(), roadmap.mentor());
                    insertFacts(session, roadmap, asOf);
                }
                people.values().forEach(session::insert);
                session.fireAllRules(match -> rules.test(ruleId(match.getRule().getName())));
            } finally {
                session.dispose();
            }
            findings.all().forEach(f -> byPairing.get(f.pairingId()).add(f));
        }
        List<PairingResult> results = new ArrayList<>(active.size());
        active.forEach((id, roadmap) -> results.add(PairingResult.of(roadmap.pairing(), byPairing.get(id))));
        return results;
    }

    /** Inserts one pairing's facts, leaving out records dated after D. */
    private static void insertFacts(KieSession session, Roadmap roadmap, LocalDate asOf) {
        Predicate<LocalDate> notAfter = date -> date == null || !date.isAfter(asOf);
        session.insert(roadmap.pairing());
        roadmap.objectives().forEach(session::insert);
        roadmap.milestones().forEach(session::insert);
        roadmap.checkIns().stream().filter(c -> notAfter.test(c.date())).forEach(session::insert);
        roadmap.reciprocity().stream().filter(r -> notAfter.test(r.date())).forEach(session::insert);
        roadmap.activities().stream().filter(a -> notAfter.test(a.date())).forEach(session::insert);
        roadmap.engagements().stream().filter(e -> notAfter.test(e.date())).forEach(session::insert);
    }
}
