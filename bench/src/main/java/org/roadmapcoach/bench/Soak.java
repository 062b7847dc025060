package org.roadmapcoach.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The clients of {@code bench/soak.sh}: many at once against a {@code coach serve} of this machine for a
 * bounded time and a bounded number of requests. Client 0 runs health checks of the cohort back to back,
 * client 1 re-imports a slice of it back to back, every other client is a mentee (of the pairings of the
 * tokens file, in turn) who reads suggestions of random pairings (with the coordinator's token, stored and
 * live dates), their roadmap and their next steps, and writes check-ins and activities. Every write answered
 * 201 is appended to the acknowledged file (its table and id), which the script checks against an export
 * afterwards. Prints one summary; exits 1 on any 5xx or any answer other than the expected one.
 *
 * <p>Arguments: base URL, cohort, coordinator token, tokens file (lines {@code TOKEN PAIRING_ID}), cohort
 * folder (the generated CSV files), acknowledged file, seconds, clients, most requests, import pairings.
 */
public final class Soak {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(
            Long.parseLong(System.getProperty("soak.requestTimeoutSeconds", "300")));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String cohort;
    private final String coordinator;
    private final List<String[]> mentees;
    private final int pairings;
    private final byte[] importZip;
    private final long deadline;
    private final long maxRequests;
    private final AtomicLong sent = new AtomicLong();
    private final Map<String, List<Long>> nanosByKind = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();

    private Soak(String[] args) throws IOException {
        base = URI.create(args[0]);
        cohort = args[1];
        coordinator = args[2];
        mentees = Files.readAllLines(Path.of(args[3])).stream().filter(l -> !l.isBlank())
                .map(l -> l.trim().split("\\s+")).toList();
        Path folder = Path.of(args[4]);
        try (CSVParser rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(folder.resolve("pairings.csv")))) {
            pairings = (int) rows.stream().count();
        }
        importZip = slice(folder, Integer.parseInt(args[9]));
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[6]));
        maxRequests = Long.parseLong(args[8]);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 10) {
            System.err.println("usage: Soak URL COHORT COORDINATOR_TOKEN TOKENS_FILE COHORT_DIR ACKED_FILE SECONDS"
                    + " CLIENTS MAX_REQUESTS IMPORT_PAIRINGS");
            System.exit(2);
        }
        Soak soak = new Soak(args);
        int clients = Integer.parseInt(args[7]);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            int client = i;
            pool.submit(() -> soak.run(client));
        }
        pool.shutdown();
        // every client stops at the deadline; a request in flight then ends within its timeout
        if (!pool.awaitTermination(Long.parseLong(args[6]) + REQUEST_TIMEOUT.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        Files.write(Path.of(args[5]), soak.acknowledged);
        System.exit(soak.report((System.nanoTime() - start) / 1e9));
    }

    private void run(int client) {
        Random random = new Random(client);
        String[] mentee = mentees.get(client % mentees.size());
        long n = 0;
        while (System.nanoTime() < deadline && sent.incrementAndGet() <= maxRequests) {
            try {
                if (client == 0) {
                    healthCheck();
                } else if (client == 1) {
                    send("import", 200, "POST", "/api/cohorts/" + cohort + "/imports", coordinator, "application/zip",
                            importZip);
                } else {
                    mentee(random, mentee[0], mentee[1], client + "-" + n++);
                }
            } catch (RuntimeException e) {
                unexpected.add("client " + client + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void mentee(Random random, String token, String pairing, String tag) {
        int roll = random.nextInt(100);
        if (roll < 45) {
            // stored path as of the health checks' date, or live on a day of July no run covers
            String asOf = random.nextBoolean() ? "2026-06-15" : "2026-07-" + (10 + random.nextInt(20));
            String other = String.format("P%0" + Math.max(6, String.valueOf(pairings).length()) + "d",
                    1 + random.nextInt(pairings));
            send("suggestions", 200, "GET", "/api/pairings/" + other + "/suggestions?asOf=" + asOf, coordinator,
                    null, null);
        } else if (roll < 55) {
            send("roadmap", 200, "GET", "/api/pairings/" + pairing, token, null, null);
        } else if (roll < 65) {
            send("next steps", 200, "GET", "/api/me/next-steps?limit=20", token, null, null);
        } else if (roll < 90) {
            String body = send("check-in", 201, "POST", "/api/pairings/" + pairing + "/checkins", token,
                    "application/json", json("{\"date\":\"2026-06-15\",\"type\":\"checkin\",\"status\":\"held\","
                            + "\"minutes\":30,\"notes\":\"soak " + tag + "\"}"));
            acknowledge("checkins", body);
        } else {
            String body = send("activity", 201, "POST", "/api/pairings/" + pairing + "/activities", token,
                    "application/json", json("{\"date\":\"2026-06-15\",\"kind\":\"reflection\","
                            + "\"title\":\"Soak reflection " + tag + "\"}"));
            acknowledge("activities", body);
        }
    }

    private void acknowledge(String table, String body) {
        if (body != null) {
            Matcher id = ID.matcher(body);
            if (id.find()) {
                acknowledged.add(table + " " + id.group(1));
            } else {
                unexpected.add(table + ": a 201 without an id: " + body);
            }
        }
    }

    private static final Pattern JOB_ID = Pattern.compile("\"jobId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern JOB_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");

    /**
     * A health check as a coordinator's client runs one on a cohort this large: in the background
     * ({@code Prefer: respond-async}), following its job once a second until it is done. (Asked to wait, the
     * server answers with the whole check, every pairing's findings: hundreds of megabytes at 20,000 pairings.)
     */
    private void healthCheck() throws InterruptedException {
        String started = send("health check", 202, "POST", "/api/cohorts/" + cohort
                + "/health-checks?asOf=2026-06-15", coordinator, null, null, "Prefer", "respond-async");
        Matcher job = started == null ? null : JOB_ID.matcher(started);
        if (job == null || !job.find()) {
            return;
        }
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            String polled = send("health check job", 200, "GET", "/api/cohorts/" + cohort + "/health-checks/jobs/"
                    + job.group(1), coordinator, null, null);
            Matcher status = polled == null ? null : JOB_STATUS.matcher(polled);
            if (status == null || !status.find()) {
                return;
            }
            if (status.group(1).equals("failed")) {
                unexpected.add("health check job " + job.group(1) + " failed");
                return;
            }
            if (status.group(1).equals("done")) {
                statuses.computeIfAbsent("health check done", k -> new AtomicLong()).incrementAndGet();
                return;
            }
        }
    }

    /** Sends one request; the body of the answer when it has the expected status, else null (and counted). */
    private String send(String kind, int expected, String method, String path, String token, String type,
                        byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            statuses.computeIfAbsent(kind + " failed", k -> new AtomicLong()).incrementAndGet();
            unexpected.add(kind + " " + path + ": " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long nanos = System.nanoTime() - start;
        nanosByKind.computeIfAbsent(kind, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(nanos);
        statuses.computeIfAbsent(kind + " " + response.statusCode(), k -> new AtomicLong()).incrementAndGet();
        if (response.statusCode() != expected) {
            String text = response.body();
            unexpected.add(kind + " " + method + " " + path + " -> " + response.statusCode() + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
            return null;
        }
        return response.body();
    }

    private int report(double seconds) {
        long fiveXx = statuses.entrySet().stream().filter(e -> e.getKey().matches(".* 5\\d\\d"))
                .mapToLong(e -> e.getValue().get()).sum();
        long requests = nanosByKind.values().stream().mapToLong(List::size).sum();
        System.out.printf("soak: %d requests in %.0f s (%.0f/s), %d 5xx, %d unexpected answers, %d writes"
                + " acknowledged%n", requests, seconds, requests / seconds, fiveXx, unexpected.size(),
                acknowledged.size());
        new TreeMap<>(nanosByKind).forEach((kind, list) -> {
            long[] sorted;
            synchronized (list) {
                sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            System.out.printf("soak: %-12s %7d  p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms%n", kind, sorted.length,
                    at(sorted, 0.50), at(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        });
        System.out.println("soak: statuses " + new TreeMap<>(statuses));
        unexpected.stream().limit(20).forEach(u -> System.out.println("soak: unexpected: " + u));
        return fiveXx == 0 && unexpected.isEmpty() ? 0 : 1;
    }

    private static double at(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]
                / 1e6;
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A zip of the first {@code count} pairings of the cohort with their objectives and check-ins, which the
     * store already holds: a re-import that writes as much as a real one and changes nothing.
     */
    private static byte[] slice(Path folder, int count) throws IOException {
        java.util.Set<String> ids = new java.util.HashSet<>();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String file : Arrays.asList("pairings.csv", "objectives.csv", "checkins.csv")) {
                boolean pairingsFile = file.equals("pairings.csv");
                StringBuilder text = new StringBuilder();
                try (CSVParser rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(Files.newBufferedReader(folder.resolve(file)));
                     CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder()
                             .setHeader(rows.getHeaderNames().toArray(String[]::new)).get())) {
                    for (CSVRecord row : rows) {
                        boolean keep = pairingsFile ? ids.size() < count && ids.add(row.get("id"))
                                : ids.contains(row.get("pairing_id"));
                        if (keep) {
                            printer.printRecord(row.values());
                        }
                    }
                }
                entry(out, file, text.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    private static void entry(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
