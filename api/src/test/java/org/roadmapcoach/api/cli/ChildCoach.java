package org.roadmapcoach.api.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code coach} run as a separate JVM on the test class path, as a user runs it, so that it can be
 * killed like a real process: {@link Process#destroyForcibly()} is SIGKILL on Linux, with no shutdown
 * hook, no finally block and no flush.
 */
final class ChildCoach {

    private static final Pattern LISTENING = Pattern.compile("Roadmap Coach API on (http://\\S+:\\d+) ");
    private static final Pattern DEMO_SERVING = Pattern.compile("Serving the HTTP API on (http://\\S+:\\d+) ");

    private ChildCoach() {
    }

    /** Starts {@code coach ARGS}, its stdout and stderr together into {@code output}. */
    static Process start(Path output, Object... args) {
        try {
            return new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #start(Path, Object...)} with {@code environment} added to this JVM's. */
    static Process start(Path output, java.util.Map<String, String> environment, Object... args) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code coach serve} on a free port, with everything it prints (stdout and stderr: its log) kept. */
    record Server(Process process, URI base, StringBuffer log, Thread reader) {

        /** Everything the server printed, once it has stopped. */
        String finalLog() throws InterruptedException {
            process.waitFor();
            reader.join();
            return log.toString();
        }
    }

    /** Starts {@code coach serve --db DB --port 0} and returns once it listens; DB is a file or a URL. */
    static Server serve(Object db) throws Exception {
        return started(LISTENING, "serve", "--db", db, "--port", 0);
    }

    /** Starts {@code coach demo --db DB --port 0} and returns once it serves; DB is a file or a URL. */
    static Server demo(Object db) throws Exception {
        return started(DEMO_SERVING, "demo", "--db", db, "--port", 0);
    }

    /** Starts {@code coach ARGS} and returns once it prints the address {@code serving} matches. */
    private static Server started(Pattern serving, Object... args) throws Exception {
        Process process = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
        StringBuffer log = new StringBuffer();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = process.inputReader()) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    log.append(line).append('\n');
                    Matcher address = serving.matcher(line);
                    if (address.find()) {
                        listening.complete(URI.create(address.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process is gone; what it printed until then is kept
            }
            listening.completeExceptionally(new IllegalStateException("coach " + args[0] + " stopped before listening:\n"
                    + log));
        }, "coach-serve-output");
        reader.setDaemon(true);
        reader.start();
        // A guard against a server that never starts, not a wait for time to pass.
        return new Server(process, listening.get(2, TimeUnit.MINUTES), log, reader);
    }

    private static List<String> command(Object... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), CoachCommand.class.getName()));
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        return command;
    }
}
