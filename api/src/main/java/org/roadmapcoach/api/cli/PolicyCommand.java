package org.roadmapcoach.api.cli;

import org.roadmapcoach.app.problem.Shown;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coach policy}: shows a cohort's policy document and changes its keys (all given changes or none). */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Show a cohort's policy (rule thresholds, matching and digest settings), or change"
                + " keys with --set key=value.")
final class PolicyCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--cohort", required = true, paramLabel = "ID", description = "The cohort.")
    String cohortId;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Change a policy key; repeat for several.")
    List<String> changes = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Store opened = store.open(false)) {
            if (opened.cohort(cohortId).isEmpty()) {
                throw new InvalidInputException("There is no cohort " + Shown.quoted(cohortId) + " in this database.");
            }
            Policy policy = apply(opened.policy(cohortId), changes);
            if (!changes.isEmpty()) {
                opened.savePolicy(cohortId, policy); // only a changed rule threshold makes stored runs stale
            }
            print(policy, spec.commandLine().getOut());
            return 0;
        }
    }

    /** The policy with every change applied; any bad change rejects them all. */
    static Policy apply(Policy policy, List<String> changes) {
        for (String change : changes) {
            int equals = change.indexOf('=');
            if (equals < 0) {
                throw new InvalidInputException("--set takes key=value, not " + Shown.quoted(change));
            }
            try {
                PolicyKey key = PolicyKey.of(change.substring(0, equals));
                policy = policy.with(key, key.parse(change.substring(equals + 1)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("Policy not changed: " + e.getMessage() + ".");
            }
        }
        return policy;
    }

    /** Every key of the document with its value, default, type, range and meaning, in catalog order. */
    static void print(Policy policy, PrintWriter out) {
        out.printf("%-33s %7s %7s  %-8s %-16s %s%n", "KEY", "VALUE", "DEFAULT", "TYPE", "RANGE", "WHAT IT SETS");
        for (Map.Entry<PolicyKey, BigDecimal> entry : policy.values().entrySet()) {
            PolicyKey key = entry.getKey();
            out.printf("%-33s %7s %7s  %-8s %-16s %s%n", key.key(), key.text(entry.getValue()),
                    key.text(key.defaultValue()), key.type().code(), key.range(), key.description());
        }
        out.flush();
    }
}
