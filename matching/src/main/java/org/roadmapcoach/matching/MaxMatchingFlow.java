package org.roadmapcoach.matching;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.Arrays;

/**
 * The proposal as a min-cost maximum flow, solved by OR-Tools' {@code SimpleMinCostFlow} (named
 * {@link MinCostFlow} in Java): source -> each mentee (capacity 1) -> each candidate mentor (capacity 1, cost
 * -score) -> sink (capacity: the mentor's free places). {@code solveMaxFlowWithMinCost} first finds the
 * largest flow, which is the largest number of matched mentees, and then the cheapest flow of that size,
 * which is the largest total score among those sets. Flows are integral, so the answer is a set of pairs.
 */
final class MaxMatchingFlow {

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
        int[] chosen = new int[mentees];
        Arrays.fill(chosen, -1);
        if (candidates.size() == 0) {
            return chosen;
        }
        NativeLibrary.load();
        int mentors = free.length;
        int source = 0;
        int sink = 1 + mentees + mentors;
        boolean[] mentorUsed = new boolean[mentors];
        int menteesWithCandidates = 0;
        MinCostFlow flow = new MinCostFlow(sink + 1, mentees + candidates.size() + mentors);
        try {
            for (int e = 0; e < mentees; e++) {
                if (candidates.start[e + 1] > candidates.start[e]) {
                    flow.addArcWithCapacityAndUnitCost(source, 1 + e, 1, 0);
                    menteesWithCandidates++;
                }
            }
            int firstPairArc = -1;
            for (int e = 0; e < mentees; e++) {
                for (int c = candidates.start[e]; c < candidates.start[e + 1]; c++) {
                    int m = candidates.mentor[c];
                    int arc = flow.addArcWithCapacityAndUnitCost(1 + e, 1 + mentees + m, 1, -candidates.score[c]);
                    if (firstPairArc < 0) {
                        firstPairArc = arc;
                    } else if (arc != firstPairArc + c) {
                        throw new IllegalStateException("OR-Tools numbered arc " + c + " as " + arc);
                    }
                    mentorUsed[m] = true;
                }
            }
            long places = 0;
            for (int m = 0; m < mentors; m++) {
                if (mentorUsed[m]) {
                    flow.addArcWithCapacityAndUnitCost(1 + mentees + m, sink, free[m], 0);
                    places += free[m];
                }
            }
            flow.setNodeSupply(source, menteesWithCandidates);
            flow.setNodeSupply(sink, -places);

            MinCostFlowBase.Status status = flow.solveMaxFlowWithMinCost();
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                throw new IllegalStateException("OR-Tools found no optimal matching: " + status);
            }
            for (int e = 0; e < mentees; e++) {
                for (int c = candidates.start[e]; c < candidates.start[e + 1]; c++) {
                    if (flow.getFlow(firstPairArc + c) > 0) {
                        chosen[e] = c;
                        break;
                    }
                }
            }
            return chosen;
        } finally {
            flow.delete();
        }
    }
}
