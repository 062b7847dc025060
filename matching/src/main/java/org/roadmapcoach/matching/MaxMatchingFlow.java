package org.roadmapcoach.matching;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.Arrays;

/**
 * The proposal as a min-cost flow, solved by OR-Tools' {@code SimpleMinCostFlow} (named {@link MinCostFlow} in
 * Java): source -> each mentee (capacity 1) -> each candidate mentor (capacity 1, cost -(BIG + score)) -> sink
 * (capacity: the mentor's free places), and a bypass source -> sink (cost 0) for the mentees left unmatched.
 * BIG is more than any set's total score, so the cheapest flow matches the most mentees first and, among
 * those sets, has the largest total score. Flows are integral, so the answer is a set of pairs.
 *
 * <p>A large cohort has millions of candidate pairs, most of which no optimum needs. The flow is first solved
 * over each mentee's best {@code arcsPerMentee} candidates only (column generation). Its optimality is then
 * proved for the whole problem: node potentials from shortest paths in the residual network of that flow
 * (Bellman-Ford; the flow is optimal for the arcs it had, so there is no negative cycle) give every residual
 * arc a reduced cost of 0 or more; a pair left out has flow 0, so it is optimal for the whole network too when
 * its reduced cost {@code cost + d(mentee) - d(mentor)} is 0 or more for every pair left out. Any pair below 0
 * is added and the flow solved again, until none is: the answer is exact, never a heuristic's.
 */
final class MaxMatchingFlow {

    /** The candidates of each mentee in the first solve: far more than an optimum of a real cohort uses. */
    static final int ARCS_PER_MENTEE = 40;

    private MaxMatchingFlow() {
    }

    /** Loads OR-Tools' native library once per class loader, on first use. */
    private static final class NativeLibrary {
        static {
            Loader.loadNativeLibraries();
        }

        static void load() {
            // the static initialiser did it
        }
    }

    /** For each mentee index, the index of its candidate pair in the optimum, or -1 when it is unmatched. */
    static int[] solve(Candidates candidates, int mentees, int[] free) {
        return solve(candidates, mentees, free, ARCS_PER_MENTEE);
    }

    static int[] solve(Candidates candidates, int mentees, int[] free, int arcsPerMentee) {
        int[] chosen = new int[mentees];
        Arrays.fill(chosen, -1);
        if (candidates.size() == 0) {
            return chosen;
        }
        NativeLibrary.load();
        boolean[] active = best(candidates, mentees, arcsPerMentee);
        Network network = new Network(candidates, mentees, free);
        while (true) {
            network.solve(active, chosen);
            if (!network.addViolated(active)) {
                return chosen;
            }
        }
    }

    /** Each mentee's best {@code k} candidates: the highest scores, ties spread over the mentors. */
    private static boolean[] best(Candidates candidates, int mentees, int k) {
        boolean[] active = new boolean[candidates.size()];
        for (int e = 0; e < mentees; e++) {
            int from = candidates.start[e];
            int to = candidates.start[e + 1];
            if (to - from <= k) {
                Arrays.fill(active, from, to, true);
                continue;
            }
            int[] scores = Arrays.copyOfRange(candidates.score, from, to);
            Arrays.sort(scores);
            int threshold = scores[scores.length - k];
            int taken = 0;
            for (int c = from; c < to; c++) {
                if (candidates.score[c] > threshold) {
                    active[c] = true;
                    taken++;
                }
            }
            // Ties at the threshold from a place that turns with the mentee: were every mentee to start at the
            // lowest mentor id, they would all crowd the same mentors, and proving the optimum would add many
            // more pairs. Deterministic all the same.
            int length = to - from;
            int offset = (int) ((e * 7_919L) % length);
            for (int i = 0; i < length && taken < k; i++) {
                int c = from + (offset + i) % length;
                if (candidates.score[c] == threshold) {
                    active[c] = true;
                    taken++;
                }
            }
        }
        return active;
    }

    /** The nodes and fixed arcs of the flow; the pair arcs change from solve to solve. */
    private static final class Network {
        final Candidates candidates;
        final int mentees;
        final int[] free;
        final int source = 0;
        final int sink;
        final int nodes;
        final boolean[] hasCandidates;
        final boolean[] mentorUsed;
        final int supply;
        final long big;
        /** After a solve: for each candidate, whether it carries flow; per mentor, the flow to the sink. */
        final boolean[] flowOnPair;
        final int[] mentorFlow;
        int bypassFlow;
        /** Potentials after a solve. */
        long[] distance;

        Network(Candidates candidates, int mentees, int[] free) {
            this.candidates = candidates;
            this.mentees = mentees;
            this.free = free;
            this.sink = 1 + mentees + free.length;
            this.nodes = sink + 1;
            hasCandidates = new boolean[mentees];
            mentorUsed = new boolean[free.length];
            int withCandidates = 0;
            long places = 0;
            int maxScore = 0;
            for (int e = 0; e < mentees; e++) {
                if (candidates.start[e + 1] > candidates.start[e]) {
                    hasCandidates[e] = true;
                    withCandidates++;
                }
                for (int c = candidates.start[e]; c < candidates.start[e + 1]; c++) {
                    mentorUsed[candidates.mentor[c]] = true;
                    maxScore = Math.max(maxScore, candidates.score[c]);
                }
            }
            for (int m = 0; m < free.length; m++) {
                if (mentorUsed[m]) {
                    places += free[m];
                }
            }
            supply = withCandidates;
            big = Math.addExact(Math.multiplyExact((long) maxScore, Math.min(withCandidates, places)), 1);
            flowOnPair = new boolean[candidates.size()];
            mentorFlow = new int[free.length];
        }

        long cost(int c) {
            return -(big + candidates.score[c]);
        }

        void solve(boolean[] active, int[] chosen) {
            int activeCount = 0;
            for (boolean a : active) {
                activeCount += a ? 1 : 0;
            }
            MinCostFlow flow = new MinCostFlow(nodes, supply + activeCount + free.length + 1);
            try {
                for (int e = 0; e < mentees; e++) {
                    if (hasCandidates[e]) {
                        flow.addArcWithCapacityAndUnitCost(source, 1 + e, 1, 0);
                    }
                }
                int[] arcOf = new int[candidates.size()];
                for (int c = 0; c < candidates.size(); c++) {
                    arcOf[c] = -1;
                }
                for (int e = 0; e < mentees; e++) {
                    for (int c = candidates.start[e]; c < candidates.start[e + 1]; c++) {
                        if (active[c]) {
                            arcOf[c] = flow.addArcWithCapacityAndUnitCost(1 + e, 1 + mentees + candidates.mentor[c], 1,
                                    cost(c));
                        }
                    }
                }
                int[] sinkArc = new int[free.length];
                for (int m = 0; m < free.length; m++) {
                    sinkArc[m] = mentorUsed[m] ? flow.addArcWithCapacityAndUnitCost(1 + mentees + m, sink, free[m], 0)
                            : -1;
                }
                int bypass = flow.addArcWithCapacityAndUnitCost(source, sink, supply, 0);
                flow.setNodeSupply(source, supply);
                flow.setNodeSupply(sink, -supply);

                MinCostFlowBase.Status status = flow.solve();
                if (status != MinCostFlowBase.Status.OPTIMAL) {
                    throw new IllegalStateException("OR-Tools found no optimal matching: " + status);
                }
                Arrays.fill(chosen, -1);
                for (int e = 0; e < mentees; e++) {
                    for (int c = candidates.start[e]; c < candidates.start[e + 1]; c++) {
                        flowOnPair[c] = arcOf[c] >= 0 && flow.getFlow(arcOf[c]) > 0;
                        if (flowOnPair[c]) {
                            chosen[e] = c;
                        }
                    }
                }
                for (int m = 0; m < free.length; m++) {
                    mentorFlow[m] = sinkArc[m] >= 0 ? (int) flow.getFlow(sinkArc[m]) : 0;
                }
                bypassFlow = (int) flow.getFlow(bypass);
                distance = potentials(active, chosen);
            } finally {
                flow.delete();
            }
        }

        /**
         * Shortest distances from a virtual root joined to every node by a 0 arc, over the residual network of
         * the flow just found (SPFA, a queue-driven Bellman-Ford).
         */
        private long[] potentials(boolean[] active, int[] chosen) {
            long[] d = new long[nodes];
            boolean[] queued = new boolean[nodes];
            int[] queue = new int[nodes];
            int head = 0;
            int size = nodes;
            for (int v = 0; v < nodes; v++) {
                queue[v] = v;
                queued[v] = true;
            }
            int[][] taken = takenBy(chosen);
            long relaxations = 0;
            long limit = (long) nodes * (nodes + candidates.size() + 2L);
            while (size > 0) {
                int v = queue[head];
                head = (head + 1) % nodes;
                size--;
                queued[v] = false;
                // every residual arc leaving v
                if (v == source) {
                    for (int e = 0; e < mentees; e++) {
                        if (hasCandidates[e] && chosen[e] < 0) {
                            size = relax(d, queue, queued, head, size, v, 1 + e, 0);
                        }
                    }
                    if (bypassFlow < supply) {
                        size = relax(d, queue, queued, head, size, v, sink, 0);
                    }
                } else if (v == sink) {
                    for (int m = 0; m < free.length; m++) {
                        if (mentorUsed[m] && mentorFlow[m] > 0) {
                            size = relax(d, queue, queued, head, size, v, 1 + mentees + m, 0);
                        }
                    }
                    if (bypassFlow > 0) {
                        size = relax(d, queue, queued, head, size, v, source, 0);
                    }
                } else if (v <= mentees) {
                    int e = v - 1;
                    if (chosen[e] >= 0) {
                        size = relax(d, queue, queued, head, size, v, source, 0);
                    }
                    for (int c = candidates.start[e]; c < candidates.start[e + 1]; c++) {
                        if (active[c] && !flowOnPair[c]) {
                            size = relax(d, queue, queued, head, size, v, 1 + mentees + candidates.mentor[c], cost(c));
                        }
                    }
                } else {
                    int m = v - 1 - mentees;
                    if (mentorFlow[m] < free[m]) {
                        size = relax(d, queue, queued, head, size, v, sink, 0);
                    }
                    for (int e : taken[m]) {
                        size = relax(d, queue, queued, head, size, v, 1 + e, -cost(chosen[e]));
                    }
                }
                if (++relaxations > limit) {
                    throw new IllegalStateException("the flow's residual network has a negative cycle");
                }
            }
            return d;
        }

        private int relax(long[] d, int[] queue, boolean[] queued, int head, int size, int from, int to, long cost) {
            if (d[from] + cost < d[to]) {
                d[to] = d[from] + cost;
                if (!queued[to]) {
                    queued[to] = true;
                    queue[(head + size) % queue.length] = to;
                    return size + 1;
                }
            }
            return size;
        }

        /** Adds every pair left out whose reduced cost is below 0; whether there was one. */
        boolean addViolated(boolean[] active) {
            boolean added = false;
            for (int e = 0; e < mentees; e++) {
                for (int c = candidates.start[e]; c < candidates.start[e + 1]; c++) {
                    if (!active[c] && cost(c) + distance[1 + e] - distance[1 + mentees + candidates.mentor[c]] < 0) {
                        active[c] = true;
                        added = true;
                    }
                }
            }
            return added;
        }

        /** The mentees whose chosen pair goes to each mentor, for the residual arcs back from it. */
        private int[][] takenBy(int[] chosen) {
            int[] counts = new int[free.length];
            for (int c : chosen) {
                if (c >= 0) {
                    counts[candidates.mentor[c]]++;
                }
            }
            int[][] taken = new int[free.length][];
            for (int m = 0; m < free.length; m++) {
                taken[m] = new int[counts[m]];
                counts[m] = 0;
            }
            for (int e = 0; e < chosen.length; e++) {
                if (chosen[e] >= 0) {
                    int m = candidates.mentor[chosen[e]];
                    taken[m][counts[m]++] = e;
                }
            }
            return taken;
        }
    }
}
