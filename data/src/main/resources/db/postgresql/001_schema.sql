-- The PostgreSQL schema: the one SQLite's migrations 001-014 reached, in one file (there were no PostgreSQL
-- databases before it). From here on, as on SQLite: append a numbered file to Migrations.POSTGRESQL, never
-- edit a released one. The column names, their order and their meaning are SQLite's (see db/0NN_*.sql for
-- each table's story); what differs:
--  * text sorts and compares byte by byte (COLLATE "C"), as SQLite's BINARY: every list, every range of
--    ids (pairing_id BETWEEN ? AND ?) and every ORDER BY gives the same rows in the same order on both;
--  * the dates of records are date (the same yyyy-MM-dd text goes in and comes out); instants stay text;
--  * integers are bigint (SQLite's are 64-bit), generated ids are identity columns, bytes are bytea;
--  * store_commits holds the counter every write transaction moves (PostgresDialect.beginWrite).

CREATE TABLE store_commits (
    version BIGINT NOT NULL
);
INSERT INTO store_commits (version) VALUES (0);

CREATE TABLE cohorts (
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    name       TEXT COLLATE "C" NOT NULL,
    start_date DATE,
    end_date   DATE,
    revision   BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE people (
    cohort_id                TEXT COLLATE "C" NOT NULL REFERENCES cohorts (id),
    id                       TEXT COLLATE "C" NOT NULL,
    name                     TEXT COLLATE "C" NOT NULL,
    role                     TEXT COLLATE "C" NOT NULL,
    email                    TEXT COLLATE "C",
    title                    TEXT COLLATE "C",
    department               TEXT COLLATE "C",
    strengths                TEXT COLLATE "C" NOT NULL,
    gaps                     TEXT COLLATE "C" NOT NULL,
    ambitions                TEXT COLLATE "C",
    capacity_hours_per_month BIGINT,
    max_mentees              BIGINT,
    imported                 BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (cohort_id, id)
);

CREATE TABLE pairings (
    cohort_id                 TEXT COLLATE "C" NOT NULL,
    id                        TEXT COLLATE "C" NOT NULL,
    mentee_id                 TEXT COLLATE "C" NOT NULL,
    mentor_id                 TEXT COLLATE "C" NOT NULL,
    start_date                DATE NOT NULL,
    end_date                  DATE,
    cadence_days              BIGINT NOT NULL,
    status                    TEXT COLLATE "C" NOT NULL,
    agreement_roles           TEXT COLLATE "C",
    agreement_boundaries      TEXT COLLATE "C",
    agreement_cadence         TEXT COLLATE "C",
    agreement_success_metrics TEXT COLLATE "C",
    reciprocity_plan          TEXT COLLATE "C",
    revision                  BIGINT NOT NULL DEFAULT 0,
    imported                  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (cohort_id, id),
    FOREIGN KEY (cohort_id) REFERENCES cohorts (id),
    FOREIGN KEY (cohort_id, mentee_id) REFERENCES people (cohort_id, id),
    FOREIGN KEY (cohort_id, mentor_id) REFERENCES people (cohort_id, id)
);
CREATE INDEX pairings_id_idx ON pairings (id, cohort_id);
CREATE INDEX pairings_mentee_idx ON pairings (cohort_id, mentee_id);
CREATE INDEX pairings_mentor_idx ON pairings (cohort_id, mentor_id);

CREATE TABLE objectives (
    cohort_id     TEXT COLLATE "C" NOT NULL,
    id            TEXT COLLATE "C" NOT NULL,
    pairing_id    TEXT COLLATE "C" NOT NULL,
    title         TEXT COLLATE "C" NOT NULL,
    description   TEXT COLLATE "C",
    competency    TEXT COLLATE "C",
    skill_type    TEXT COLLATE "C",
    metric        TEXT COLLATE "C",
    baseline      TEXT COLLATE "C",
    target        TEXT COLLATE "C",
    current       TEXT COLLATE "C",
    unit          TEXT COLLATE "C",
    due_date      DATE,
    evidence_plan TEXT COLLATE "C",
    status        TEXT COLLATE "C" NOT NULL,
    last_reviewed DATE,
    imported      BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (cohort_id, id),
    FOREIGN KEY (cohort_id, pairing_id) REFERENCES pairings (cohort_id, id)
);
CREATE INDEX objectives_pairing_idx ON objectives (cohort_id, pairing_id, id);

CREATE TABLE milestones (
    cohort_id     TEXT COLLATE "C" NOT NULL,
    id            TEXT COLLATE "C" NOT NULL,
    objective_id  TEXT COLLATE "C" NOT NULL,
    stage         TEXT COLLATE "C" NOT NULL,
    title         TEXT COLLATE "C",
    due_date      DATE,
    status        TEXT COLLATE "C" NOT NULL,
    last_progress DATE,
    completed_on  DATE,
    reflection    TEXT COLLATE "C",
    imported      BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (cohort_id, id),
    FOREIGN KEY (cohort_id, objective_id) REFERENCES objectives (cohort_id, id)
);
CREATE INDEX milestones_objective_idx ON milestones (cohort_id, objective_id, id);

CREATE TABLE checkins (
    cohort_id          TEXT COLLATE "C" NOT NULL,
    id                 TEXT COLLATE "C" NOT NULL,
    pairing_id         TEXT COLLATE "C" NOT NULL,
    date               DATE NOT NULL,
    type               TEXT COLLATE "C" NOT NULL,
    status             TEXT COLLATE "C" NOT NULL,
    minutes            BIGINT,
    feedback_to_mentee TEXT COLLATE "C",
    feedback_to_mentor TEXT COLLATE "C",
    notes              TEXT COLLATE "C",
    imported           BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (cohort_id, id),
    FOREIGN KEY (cohort_id, pairing_id) REFERENCES pairings (cohort_id, id)
);
CREATE INDEX checkins_pairing_idx ON checkins (cohort_id, pairing_id, id);

CREATE TABLE reciprocity_entries (
    cohort_id   TEXT COLLATE "C" NOT NULL,
    id          TEXT COLLATE "C" NOT NULL,
    pairing_id  TEXT COLLATE "C" NOT NULL,
    date        DATE NOT NULL,
    giver       TEXT COLLATE "C" NOT NULL,
    kind        TEXT COLLATE "C" NOT NULL,
    hours       TEXT COLLATE "C",
    description TEXT COLLATE "C",
    imported    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (cohort_id, id),
    FOREIGN KEY (cohort_id, pairing_id) REFERENCES pairings (cohort_id, id)
);
CREATE INDEX reciprocity_entries_pairing_idx ON reciprocity_entries (cohort_id, pairing_id, id);

CREATE TABLE activities (
    cohort_id  TEXT COLLATE "C" NOT NULL,
    id         TEXT COLLATE "C" NOT NULL,
    pairing_id TEXT COLLATE "C" NOT NULL,
    date       DATE NOT NULL,
    kind       TEXT COLLATE "C" NOT NULL,
    title      TEXT COLLATE "C",
    hours      TEXT COLLATE "C",
    outcome    TEXT COLLATE "C",
    imported   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (cohort_id, id),
    FOREIGN KEY (cohort_id, pairing_id) REFERENCES pairings (cohort_id, id)
);
CREATE INDEX activities_pairing_idx ON activities (cohort_id, pairing_id, id);

CREATE TABLE resources (
    cohort_id    TEXT COLLATE "C" NOT NULL REFERENCES cohorts (id),
    id           TEXT COLLATE "C" NOT NULL,
    title        TEXT COLLATE "C" NOT NULL,
    type         TEXT COLLATE "C" NOT NULL,
    competencies TEXT COLLATE "C" NOT NULL,
    level        TEXT COLLATE "C",
    stages       TEXT COLLATE "C" NOT NULL,
    hours        TEXT COLLATE "C",
    url          TEXT COLLATE "C",
    cost         TEXT COLLATE "C",
    imported     BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (cohort_id, id)
);

CREATE TABLE engagements (
    cohort_id   TEXT COLLATE "C" NOT NULL,
    pairing_id  TEXT COLLATE "C" NOT NULL,
    resource_id TEXT COLLATE "C" NOT NULL,
    status      TEXT COLLATE "C",
    date        DATE,
    takeaway    TEXT COLLATE "C",
    imported    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (cohort_id, pairing_id, resource_id),
    FOREIGN KEY (cohort_id, pairing_id) REFERENCES pairings (cohort_id, id),
    FOREIGN KEY (cohort_id, resource_id) REFERENCES resources (cohort_id, id)
);
CREATE INDEX engagements_resource_idx ON engagements (cohort_id, resource_id);

CREATE TABLE policies (
    cohort_id TEXT COLLATE "C" NOT NULL REFERENCES cohorts (id),
    key       TEXT COLLATE "C" NOT NULL,
    value     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (cohort_id, key)
);

CREATE TABLE health_check_runs (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    cohort_id     TEXT COLLATE "C" NOT NULL REFERENCES cohorts (id),
    as_of         DATE NOT NULL,
    created_at    TEXT COLLATE "C" NOT NULL,
    policy        TEXT COLLATE "C" NOT NULL,
    revision      BIGINT,
    rule_base     TEXT COLLATE "C",
    complete      BIGINT NOT NULL DEFAULT 0,
    pairing_count BIGINT NOT NULL DEFAULT 0,
    finding_count BIGINT NOT NULL DEFAULT 0,
    bytes         BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX health_check_runs_by_cohort ON health_check_runs (cohort_id, id);
CREATE INDEX health_check_runs_by_as_of ON health_check_runs (cohort_id, as_of, id);

CREATE TABLE health_check_pairings (
    run_id       BIGINT NOT NULL REFERENCES health_check_runs (id) ON DELETE CASCADE,
    pairing_id   TEXT COLLATE "C" NOT NULL,
    mentee_id    TEXT COLLATE "C" NOT NULL,
    mentor_id    TEXT COLLATE "C" NOT NULL,
    health       TEXT COLLATE "C" NOT NULL,
    revision     BIGINT,
    findings     BYTEA NOT NULL DEFAULT ''::bytea,
    criticals    BIGINT NOT NULL DEFAULT 0,
    warnings     BIGINT NOT NULL DEFAULT 0,
    new_findings BIGINT NOT NULL DEFAULT 0,
    top_rule     TEXT COLLATE "C",
    top_severity TEXT COLLATE "C",
    top_message  TEXT COLLATE "C",
    health_rank  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, pairing_id)
);
CREATE INDEX health_check_pairings_board ON health_check_pairings
    (run_id, health_rank, pairing_id, new_findings, mentee_id, mentor_id);

CREATE TABLE health_check_texts (
    run_id  BIGINT NOT NULL REFERENCES health_check_runs (id) ON DELETE CASCADE,
    id      BIGINT NOT NULL,
    text    TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (run_id, id)
);

CREATE TABLE health_check_rules (
    run_id      BIGINT NOT NULL REFERENCES health_check_runs (id) ON DELETE CASCADE,
    rule_id     TEXT COLLATE "C" NOT NULL,
    pairing_id  TEXT COLLATE "C" NOT NULL,
    severity    BIGINT NOT NULL,
    is_new      BIGINT NOT NULL,
    PRIMARY KEY (run_id, rule_id, pairing_id)
);

CREATE TABLE api_tokens (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    hash_prefix TEXT COLLATE "C" NOT NULL,
    token_hash  TEXT COLLATE "C" NOT NULL UNIQUE,
    person_id   TEXT COLLATE "C" NOT NULL,
    role        TEXT COLLATE "C" NOT NULL,
    cohort_id   TEXT COLLATE "C",
    created_at  TEXT COLLATE "C" NOT NULL,
    kind        TEXT COLLATE "C" NOT NULL DEFAULT 'api',
    expires_at  TEXT COLLATE "C",
    used_at     TEXT COLLATE "C"
);
CREATE INDEX api_tokens_prefix_idx ON api_tokens (hash_prefix);
CREATE INDEX api_tokens_person_idx ON api_tokens (person_id);

CREATE TABLE dismissals (
    cohort_id    TEXT COLLATE "C" NOT NULL,
    pairing_id   TEXT COLLATE "C" NOT NULL,
    person_id    TEXT COLLATE "C" NOT NULL,
    rule_id      TEXT COLLATE "C" NOT NULL,
    subject_id   TEXT COLLATE "C" NOT NULL,
    objective_id TEXT COLLATE "C" NOT NULL,
    fingerprint  TEXT COLLATE "C" NOT NULL,
    dismissed_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (cohort_id, pairing_id, person_id, rule_id, subject_id, objective_id),
    FOREIGN KEY (cohort_id, pairing_id) REFERENCES pairings (cohort_id, id) ON DELETE CASCADE
);

CREATE TABLE settings (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);

CREATE TABLE import_baselines (
    cohort_id      TEXT COLLATE "C" NOT NULL,
    file           TEXT COLLATE "C" NOT NULL,
    record_key     TEXT COLLATE "C" NOT NULL,
    fields         TEXT COLLATE "C" NOT NULL,
    app_changed_on DATE,
    PRIMARY KEY (cohort_id, file, record_key)
);

CREATE TABLE web_sessions (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    session_hash TEXT COLLATE "C" NOT NULL UNIQUE,
    person_id    TEXT COLLATE "C" NOT NULL,
    role         TEXT COLLATE "C" NOT NULL,
    cohort_id    TEXT COLLATE "C",
    csrf_token   TEXT COLLATE "C" NOT NULL,
    created_at   TEXT COLLATE "C" NOT NULL,
    last_seen_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX web_sessions_last_seen_idx ON web_sessions (last_seen_at);

CREATE TABLE digest_outbox (
    id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    cohort_id       TEXT COLLATE "C" NOT NULL REFERENCES cohorts (id),
    person_id       TEXT COLLATE "C" NOT NULL,
    week            TEXT COLLATE "C" NOT NULL,
    recipient       TEXT COLLATE "C" NOT NULL,
    message_id      TEXT COLLATE "C" NOT NULL UNIQUE,
    message         TEXT COLLATE "C" NOT NULL,
    created_at      TEXT COLLATE "C" NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    last_attempt_at TEXT COLLATE "C",
    last_error      TEXT COLLATE "C",
    sent_at         TEXT COLLATE "C",
    server_reply    TEXT COLLATE "C",
    UNIQUE (cohort_id, person_id, week)
);
CREATE INDEX digest_outbox_unsent_idx ON digest_outbox (cohort_id, sent_at);
CREATE TABLE digest_history (
    cohort_id TEXT COLLATE "C" NOT NULL REFERENCES cohorts (id),
    person_id TEXT COLLATE "C" NOT NULL,
    item_key  TEXT COLLATE "C" NOT NULL,
    severity  TEXT COLLATE "C" NOT NULL,
    sent_on   DATE NOT NULL,
    PRIMARY KEY (cohort_id, person_id, item_key)
);
CREATE TABLE digest_unsubscribe_tokens (
    token_hash TEXT COLLATE "C" PRIMARY KEY,
    cohort_id  TEXT COLLATE "C" NOT NULL REFERENCES cohorts (id),
    person_id  TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
);
CREATE TABLE digest_unsubscribes (
    cohort_id       TEXT COLLATE "C" NOT NULL REFERENCES cohorts (id),
    person_id       TEXT COLLATE "C" NOT NULL,
    unsubscribed_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (cohort_id, person_id)
);
