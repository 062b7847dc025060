package org.roadmapcoach.data.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.roadmapcoach.data.store.Store;

/**
 * Health checks split into partitions that workers of any process claim with leases (PostgreSQL only;
 * API.md: {@code check --partitions}, {@code coach worker}). A job names the run being written, the snapshot
 * every partition is read at and the run it is compared with; each partition is a range of pairing ids.
 * A worker claims a partition ({@code FOR UPDATE SKIP LOCKED}) for {@code lease_seconds}, renewed by every
 * transaction that stores its pairings; a lease that runs out (its worker died) is claimed by another worker,
 * which first deletes what the first stored of it. Whoever stores a job's last partition marks the run
 * complete, in the same transaction: the run is visible only once every partition is in it. Jobs finished
 * a day before a new one is created are forgotten.
 */
public final class CheckJobs {

    /** At most this many partitions: each numbers its next steps apart ({@link RunWriter#TEXTS_PER_PART}). */
    public static final int MAX_PARTITIONS = 256;

    /** A partition that failed this many times (not by a lost lease) fails its job. */
    static final int MAX_ATTEMPTS = 3;

    /** A job's state. */
    public enum State { RUNNING, DONE, FAILED }

    /** A split health check: what its partitions need to know, and how far it is. */
    public record Job(long id, long runId, String cohortId, LocalDate asOf, String snapshot, Long previousRunId,
                      long pairings, int leaseSeconds, State state, String failure) {
    }

    /** A range of pairing ids, both included, and how many pairings (of any status) it holds. */
    public record Range(String first, String last, long pairings) {
    }

    /** A partition claimed by {@code owner} until its lease runs out. */
    public record Claim(Job job, int part, Range range, String owner) {

        /** The first next-step number of this partition's ({@link RunWriter#writePart}). */
        public int textBase() {
            return part * RunWriter.TEXTS_PER_PART;
        }
    }

    /** When a partition's lease was taken by another worker: what this one stored of it is no longer wanted. */
    public static final class LeaseLostException extends RuntimeException {
        LeaseLostException(Claim claim) {
            super("partition " + claim.part() + " of health-check job " + claim.job().id()
                    + " was claimed by another worker after this one's lease ran out");
        }
    }

    /** A partition {@code p} of a job {@code j} that may be claimed: waiting, or its lease ran out. */
    private static final String CLAIMABLE = "j.state = 'running' AND (p.state = 'pending'"
            + " OR (p.state = 'leased' AND p.lease_until < clock_timestamp()))";

    private static final String JOB_COLUMNS = "j.id, j.run_id, j.cohort_id, j.as_of, j.snapshot, j.previous_run,"
            + " j.pairings, j.lease_seconds, j.state, j.failure";

    private final Store store;

    public CheckJobs(Store store) {
        this.store = store;
    }

    /**
     * Creates a running job of {@code ranges} partitions for run {@code runId} (begun, not complete), read at
     * the exported {@code snapshot}; returns its id.
     */
    public long create(long runId, String cohortId, LocalDate asOf, String snapshot, Long previousRunId,
                       List<Range> ranges, int leaseSeconds) {
        if (ranges.isEmpty() || ranges.size() > MAX_PARTITIONS) {
            throw new IllegalArgumentException("from 1 to " + MAX_PARTITIONS + " partitions, not " + ranges.size());
        }
        return store.inTransaction(connection -> {
            try (PreparedStatement forget = connection.prepareStatement("DELETE FROM check_jobs"
                    + " WHERE state <> 'running' AND created_at < clock_timestamp() - interval '1 day'")) {
                forget.executeUpdate(); // finished a day ago: nobody follows them any more
            }
            long jobId;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO check_jobs (run_id, cohort_id,"
                    + " as_of, snapshot, previous_run, pairings, lease_seconds) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                insert.setLong(1, runId);
                insert.setString(2, cohortId);
                insert.setString(3, asOf.toString());
                insert.setString(4, snapshot);
                if (previousRunId == null) {
                    insert.setNull(5, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(5, previousRunId);
                }
                insert.setLong(6, ranges.stream().mapToLong(Range::pairings).sum());
                insert.setInt(7, leaseSeconds);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    jobId = keys.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO check_partitions (job_id, part,"
                    + " first_pairing, last_pairing, pairings) VALUES (?, ?, ?, ?, ?)")) {
                for (int part = 0; part < ranges.size(); part++) {
                    Range range = ranges.get(part);
                    insert.setLong(1, jobId);
                    insert.setInt(2, part);
                    insert.setString(3, range.first());
                    insert.setString(4, range.last());
                    insert.setLong(5, range.pairings());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return jobId;
        });
    }

    /**
     * Claims for {@code owner} the first partition of any running job that is waiting, or whose lease ran out
     * (deleting what its last owner stored of it), skipping those another worker is claiming at this moment.
     * A partition that failed {@link #MAX_ATTEMPTS} times fails its job instead.
     *
     * @return the claim, or empty when no partition is waiting
     */
    public Optional<Claim> claim(String owner) {
        // Looked for first in a read: a write transaction takes every server's writer turn and moves the
        // commit counter, which would make every server drop what it remembers, each time an idle worker looks.
        boolean waiting = store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM check_partitions p"
                    + " JOIN check_jobs j ON j.id = p.job_id WHERE " + CLAIMABLE + " LIMIT 1");
                 ResultSet row = query.executeQuery()) {
                return row.next();
            }
        });
        if (!waiting) {
            return Optional.empty();
        }
        return store.inTransaction(connection -> {
            while (true) {
                Optional<Claimable> next = nextClaimable(connection);
                if (next.isEmpty()) {
                    return Optional.<Claim>empty();
                }
                Claimable found = next.get();
                Claim claim = new Claim(found.job(), found.part(), found.range(), owner);
                if (found.failures() >= MAX_ATTEMPTS) {
                    fail(connection, found.job(), found.lastFailure());
                    continue;
                }
                if (found.leased()) {
                    deleteStored(connection, claim);
                }
                try (PreparedStatement lease = connection.prepareStatement("UPDATE check_partitions SET"
                        + " state = 'leased', owner = ?, written = 0, findings = 0, bytes = 0,"
                        + " lease_until = clock_timestamp() + ? * interval '1 second' WHERE job_id = ? AND part = ?")) {
                    lease.setString(1, owner);
                    lease.setInt(2, found.job().leaseSeconds());
                    lease.setLong(3, found.job().id());
                    lease.setInt(4, found.part());
                    lease.executeUpdate();
                }
                return Optional.of(claim);
            }
        });
    }

    /** A partition that may be claimed, with how many of its attempts failed and the last failure's reason. */
    private record Claimable(Job job, int part, Range range, boolean leased, long failures, String lastFailure) {
    }

    private static Optional<Claimable> nextClaimable(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + JOB_COLUMNS + ", p.part,"
                + " p.first_pairing, p.last_pairing, p.pairings AS part_pairings, p.state AS part_state, p.failures,"
                + " p.last_failure FROM check_partitions p JOIN check_jobs j ON j.id = p.job_id"
                + " WHERE " + CLAIMABLE + " ORDER BY p.job_id, p.part LIMIT 1 FOR UPDATE OF p SKIP LOCKED")) {
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Claimable(job(row), row.getInt("part"), new Range(row.getString("first_pairing"),
                        row.getString("last_pairing"), row.getLong("part_pairings")),
                        "leased".equals(row.getString("part_state")), row.getLong("failures"),
                        row.getString("last_failure")));
            }
        }
    }

    /**
     * What every transaction storing pairings of {@code claim}'s partition runs: it fails when the lease was
     * taken by another worker (so nothing more is stored by this one), else renews the lease and records the
     * progress; with the partition's last pairings it marks the partition done, and when it was the job's last,
     * completes the run and the job.
     */
    public RunWriter.PartGuard guard(Claim claim) {
        return (connection, soFar, last) -> {
            try (PreparedStatement renew = connection.prepareStatement("UPDATE check_partitions SET"
                    + " written = ?, findings = ?, bytes = ?, state = ?,"
                    + " lease_until = clock_timestamp() + ? * interval '1 second'"
                    + " WHERE job_id = ? AND part = ? AND owner = ? AND state = 'leased'")) {
                renew.setLong(1, soFar.pairings());
                renew.setLong(2, soFar.findings());
                renew.setLong(3, soFar.bytes());
                renew.setString(4, last ? "done" : "leased");
                renew.setInt(5, claim.job().leaseSeconds());
                renew.setLong(6, claim.job().id());
                renew.setInt(7, claim.part());
                renew.setString(8, claim.owner());
                if (renew.executeUpdate() == 0) {
                    throw new LeaseLostException(claim);
                }
            }
            if (last) {
                completeIfLast(connection, claim.job());
            }
        };
    }

    /** Completes the run and the job when every partition of the job is done. */
    private static void completeIfLast(Connection connection, Job job) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT state FROM check_jobs WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, job.id());
            lock.executeQuery().close();
        }
        try (PreparedStatement totals = connection.prepareStatement("SELECT count(*) FILTER (WHERE state <> 'done'),"
                + " coalesce(sum(written), 0), coalesce(sum(findings), 0), coalesce(sum(bytes), 0)"
                + " FROM check_partitions WHERE job_id = ?")) {
            totals.setLong(1, job.id());
            try (ResultSet row = totals.executeQuery()) {
                row.next();
                if (row.getLong(1) > 0) {
                    return;
                }
                RunWriter.complete(connection, job.runId(),
                        new RunWriter.Written(row.getLong(2), row.getLong(3), row.getLong(4)));
            }
        }
        try (PreparedStatement done = connection.prepareStatement(
                "UPDATE check_jobs SET state = 'done' WHERE id = ? AND state = 'running'")) {
            done.setLong(1, job.id());
            done.executeUpdate();
        }
    }

    /**
     * Gives {@code claim}'s partition back after its worker failed on it (not by a lost lease): another worker
     * may try it at once; after {@link #MAX_ATTEMPTS} failures the job fails, saying {@code reason}.
     */
    public void release(Claim claim, String reason) {
        store.inTransaction(connection -> {
            deleteStored(connection, claim);
            try (PreparedStatement release = connection.prepareStatement("UPDATE check_partitions SET"
                    + " state = 'pending', owner = NULL, lease_until = NULL, written = 0, findings = 0, bytes = 0,"
                    + " failures = failures + 1, last_failure = ? WHERE job_id = ? AND part = ? AND owner = ?"
                    + " AND state = 'leased'")) {
                release.setString(1, reason);
                release.setLong(2, claim.job().id());
                release.setInt(3, claim.part());
                release.setString(4, claim.owner());
                release.executeUpdate();
            }
            return null;
        });
    }

    /** Fails a running job (its partitions are no longer claimed) and deletes its run. */
    public void fail(Job job, String reason) {
        store.inTransaction(connection -> {
            fail(connection, job, reason);
            return null;
        });
    }

    private static void fail(Connection connection, Job job, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE check_jobs SET state = 'failed', failure = ? WHERE id = ? AND state = 'running'")) {
            update.setString(1, reason);
            update.setLong(2, job.id());
            if (update.executeUpdate() == 0) {
                return; // done or failed already
            }
        }
        RunRetention.delete(connection, job.runId());
    }

    /** Deletes what was stored of {@code claim}'s partition in its run: pairings, rules and next steps. */
    private static void deleteStored(Connection connection, Claim claim) throws SQLException {
        for (String table : List.of("health_check_pairings", "health_check_rules")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE run_id = ? AND pairing_id BETWEEN ? AND ?")) {
                delete.setLong(1, claim.job().runId());
                delete.setString(2, claim.range().first());
                delete.setString(3, claim.range().last());
                delete.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM health_check_texts WHERE run_id = ? AND id >= ? AND id < ?")) {
            delete.setLong(1, claim.job().runId());
            delete.setLong(2, claim.textBase());
            delete.setLong(3, (long) claim.textBase() + RunWriter.TEXTS_PER_PART);
            delete.executeUpdate();
        }
    }

    /** The job {@code jobId}, with its state. */
    public Optional<Job> find(long jobId) {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + JOB_COLUMNS + " FROM check_jobs j WHERE j.id = ?")) {
                query.setLong(1, jobId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(job(row)) : Optional.<Job>empty();
                }
            }
        });
    }

    /** How many of job {@code jobId}'s pairings are stored so far (by the current lease of each partition). */
    public long written(long jobId) {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT coalesce(sum(CASE WHEN state = 'done'"
                    + " THEN pairings ELSE written END), 0) FROM check_partitions WHERE job_id = ?")) {
                query.setLong(1, jobId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** A partition as it stands: waiting, leased (by whom, with how many pairings stored) or done. */
    public record PartitionState(int part, String state, String owner, long written) {
    }

    /** The partitions of job {@code jobId}, in order. */
    public List<PartitionState> partitions(long jobId) {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT part, state, owner, written"
                    + " FROM check_partitions WHERE job_id = ? ORDER BY part")) {
                query.setLong(1, jobId);
                List<PartitionState> parts = new java.util.ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        parts.add(new PartitionState(rows.getInt(1), rows.getString(2), rows.getString(3),
                                rows.getLong(4)));
                    }
                }
                return parts;
            }
        });
    }

    /** The running jobs, oldest first. */
    public List<Job> running() {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + JOB_COLUMNS + " FROM check_jobs j WHERE j.state = 'running' ORDER BY j.id")) {
                List<Job> running = new java.util.ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        running.add(job(rows));
                    }
                }
                return running;
            }
        });
    }

    private static Job job(ResultSet row) throws SQLException {
        long previous = row.getLong("previous_run");
        Long previousRunId = row.wasNull() ? null : previous;
        return new Job(row.getLong("id"), row.getLong("run_id"), row.getString("cohort_id"),
                LocalDate.parse(row.getString("as_of")), row.getString("snapshot"), previousRunId,
                row.getLong("pairings"), row.getInt("lease_seconds"),
                State.valueOf(row.getString("state").toUpperCase(java.util.Locale.ROOT)), row.getString("failure"));
    }
}
