package org.roadmapcoach.engine.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.Resource;

/**
 * Sessions of one rule base kept between evaluations, each with the facts that every evaluation of a
 * cohort shares already in it: the policy, the catalog's resources and the {@link Catalog} fact. A live
 * suggestions call evaluates one pairing; a new session, the catalog's hundreds of resources inserted
 * into it and the catalog's questions answered again cost more than the pairing itself.
 *
 * <p>A session is lent to one thread at a time ({@link #borrow}); the evaluation inserts its own facts,
 * fires, and gives the session back ({@link Lent#giveBack}), which deletes those facts again and fires
 * once more so that the deletions are fully propagated: the session is then exactly its shared facts,
 * with nothing on the agenda. The rules only add findings to the global (no rule inserts, modifies or
 * deletes a fact, {@code RuleSourceTest}), so what a pairing's facts match does not depend on the
 * pairings evaluated before in the same session. A session that failed, or that is not back to its
 * shared facts alone, is disposed of, never lent again. Thread-safe.
 */
final class SessionPool {

    /**
     * Idle sessions kept at most: one for each evaluation a busy server runs at once (50 concurrent
     * clients, and a worker per core for a health check). Past it, sessions given back are disposed of.
     */
    static final int MAX_IDLE = 64;

    private final KieBase kieBase;
    // The most recently given back first: its memory is the likeliest to be in a cache still.
    private final ConcurrentLinkedDeque<Lent> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /**
     * A session holding {@code policy} and {@code catalog} as its shared facts (and nothing else), for
     * the caller's thread alone until it gives it back.
     */
    Lent borrow(List<Resource> catalog, Policy policy) {
        Lent lent = take(catalog, policy);
        try {
            lent.share(catalog, policy);
        } catch (RuntimeException | Error e) {
            lent.dispose();
            throw e;
        }
        return lent;
    }

    /** How many idle sessions there are now. */
    int idle() {
        return idleCount.get();
    }

    /** An idle session that shares this very catalog and an equal policy, else any idle one, else a new one. */
    private Lent take(List<Resource> catalog, Policy policy) {
        for (Iterator<Lent> it = idle.iterator(); it.hasNext(); ) {
            Lent candidate = it.next();
            if (candidate.catalog == catalog && policy.equals(candidate.policy) && idle.removeFirstOccurrence(candidate)) {
                idleCount.decrementAndGet();
                return candidate;
            }
        }
        Lent any = idle.pollFirst();
        if (any != null) {
            idleCount.decrementAndGet();
            return any;
        }
        return new Lent(kieBase.newKieSession());
    }

    private void keep(Lent lent) {
        if (idleCount.incrementAndGet() <= MAX_IDLE) {
            idle.offerFirst(lent);
        } else {
            idleCount.decrementAndGet();
            lent.dispose();
        }
    }

    /** A session lent out, with what it shares and the handles of the borrower's own facts. */
    final class Lent {

        final KieSession session;
        /** The catalog its resources and Catalog fact are of (as last matched), and the policy in it. */
        private List<Resource> catalog;
        private Policy policy;
        private final List<FactHandle> shared = new ArrayList<>();
        private FactHandle policyHandle;
        // One object inserted twice has one handle, deleted once.
        private final Set<FactHandle> own = Collections.newSetFromMap(new IdentityHashMap<>());

        private Lent(KieSession session) {
            this.session = session;
        }

        /** Inserts a fact of this evaluation alone, deleted when the session is given back. */
        void insert(Object fact) {
            own.add(session.insert(fact));
        }

        /**
         * Deletes the borrower's facts and gives the session back to the pool, or disposes of it when
         * it is not back to its shared facts alone.
         */
        void giveBack() {
            boolean clean = false;
            try {
                session.setGlobal(Evaluator.FINDINGS_GLOBAL, new Findings()); // nothing may reach the caller's
                own.forEach(session::delete);
                own.clear();
                // Propagates the deletions now. No rule can match the shared facts alone, so nothing fires.
                int fired = session.fireAllRules();
                clean = fired == 0 && session.getFactCount() == shared.size() + 1;
            } finally {
                if (clean) {
                    keep(this);
                } else {
                    dispose();
                }
            }
        }

        /** Ends the session, without giving it back. */
        void dispose() {
            session.dispose();
        }

        /** Makes {@code policy} and {@code catalog} the shared facts, replacing only what differs. */
        private void share(List<Resource> catalog, Policy policy) {
            if (this.catalog != catalog && !(this.catalog != null && this.catalog.equals(catalog))) {
                shared.forEach(session::delete);
                shared.clear();
                catalog.forEach(resource -> shared.add(session.insert(resource)));
                shared.add(session.insert(new Catalog(catalog)));
            }
            this.catalog = catalog; // the same resources: identical next time, not only equal
            if (!policy.equals(this.policy)) {
                if (policyHandle != null) {
                    session.delete(policyHandle);
                }
                policyHandle = session.insert(policy);
                this.policy = policy;
            }
        }
    }
}
