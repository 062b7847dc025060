package org.roadmapcoach.api.cli;

import org.roadmapcoach.app.problem.Shown;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.reach.DigestPolicy;
import org.roadmapcoach.app.reach.DigestPolicies;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coach policy}: shows a cohort's thresholds and changes them (all given changes or none). */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Show a cohort's rule thresholds, or change them with --set key=value.")
final class PolicyCommand implements Callable<Integer> {

    private static final String DIGEST = "digest.";

    @Mixin
    StoreOption store;

    @Option(names = "--cohort", required = true, paramLabel = "ID", description = "The cohort.")
    String cohortId;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Change a threshold; repeat for several.")
    List<String> changes = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (SqliteStore opened = store.open(false)) {
            if (opened.cohort(cohortId).isEmpty()) {
                throw new InvalidInputException("There is no cohort " + Shown.quoted(cohortId) + " in this database.");
            }
            List<String> thresholds = changes.stream().filter(c -> !c.startsWith(DIGEST)).toList();
            List<String> digestChanges = changes.stream().filter(c -> c.startsWith(DIGEST)).toList();
            Policy policy = apply(opened.policy(cohortId), thresholds);
            DigestPolicies digests = new DigestPolicies(opened);
            DigestPolicy digest = applyDigest(digests.of(cohortId), digestChanges);
            if (!thresholds.isEmpty()) {
                opened.savePolicy(cohortId, policy);
            }
            if (!digestChanges.isEmpty()) {
                digests.save(cohortId, digest); // a digest.* change leaves stored runs valid
            }
            print(policy, spec.commandLine().getOut());
            printDigest(digest, spec.commandLine().getOut());
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

    /** The digest settings with every change applied (REACH.md); any bad change rejects them all. */
    static DigestPolicy applyDigest(DigestPolicy policy, List<String> changes) {
        for (String change : changes) {
            int equals = change.indexOf('=');
            if (equals < 0) {
                throw new InvalidInputException("--set takes key=value, not '" + change + "'");
            }
            String name = change.substring(0, equals);
            DigestPolicy.Key key = DigestPolicy.Key.of(name).orElseThrow(() -> new InvalidInputException(
                    "Policy not changed: unknown policy key '" + name + "'; the digest keys are digest.enabled,"
                            + " digest.dailyCap, digest.resendDays and digest.weekday."));
            try {
                policy = policy.with(key, change.substring(equals + 1));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("Policy not changed: " + e.getMessage() + ".");
            }
        }
        return policy;
    }

    static void printDigest(DigestPolicy digest, PrintWriter out) {
        digest.values().forEach((key, value) -> out.printf("%-30s %7s %7s  %s (%s)%n", key.key(), value,
                key.defaultValue(), key.description(), key.range()));
        out.flush();
    }

    static void print(Policy policy, PrintWriter out) {
        out.printf("%-30s %7s %7s  %s%n", "KEY", "VALUE", "DEFAULT", "WHAT IT SETS");
        for (Map.Entry<PolicyKey, BigDecimal> entry : policy.values().entrySet()) {
            PolicyKey key = entry.getKey();
            out.printf("%-30s %7s %7s  %s%n", key.key(), entry.getValue().toPlainString(),
                    key.defaultValue().toPlainString(), key.description());
        }
        out.flush();
    }
}
