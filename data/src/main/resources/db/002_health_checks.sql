-- Stored health checks: each run of `coach check` or POST .../health-checks, so that a coordinator
-- can compare this week with last week.
CREATE TABLE health_check_runs (
    id          INTEGER PRIMARY KEY,
    cohort_id   TEXT NOT NULL REFERENCES cohorts (id),
    as_of       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    policy      TEXT NOT NULL
);
CREATE INDEX health_check_runs_by_cohort ON health_check_runs (cohort_id, id);

CREATE TABLE health_check_pairings (
    run_id      INTEGER NOT NULL REFERENCES health_check_runs (id) ON DELETE CASCADE,
    pairing_id  TEXT NOT NULL,
    mentee_id   TEXT NOT NULL,
    mentor_id   TEXT NOT NULL,
    health      TEXT NOT NULL,
    PRIMARY KEY (run_id, pairing_id)
);

CREATE TABLE health_check_findings (
    run_id       INTEGER NOT NULL REFERENCES health_check_runs (id) ON DELETE CASCADE,
    pairing_id   TEXT NOT NULL,
    position     INTEGER NOT NULL,
    rule_id      TEXT NOT NULL,
    severity     TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    audience     TEXT NOT NULL,
    message      TEXT NOT NULL,
    next_step    TEXT NOT NULL,
    evidence     TEXT NOT NULL,
    key_date     TEXT,
    PRIMARY KEY (run_id, pairing_id, position)
);
