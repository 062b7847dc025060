package org.roadmapcoach.app.healthcheck;

import java.time.Clock;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;

/**
 * A worker of split health checks in a JVM of its own (what {@code coach worker --threads 1} runs), for a test
 * to kill: {@code java -cp CLASSPATH WorkerProcess DATABASE_URL}. Prints "ready" once it looks for partitions.
 */
public final class WorkerProcess {

    private WorkerProcess() {
    }

    public static void main(String[] args) {
        Store store = Store.open(args[0]);
        SplitHealthCheck split = new SplitHealthCheck(store, Evaluator.fromClasspath(), Clock.systemUTC());
        System.out.println("ready");
        System.out.flush();
        split.work(1, () -> false, new SplitHealthCheck.Listener() { });
    }
}
