-- Schema 1: cohorts, one table per file of shared/spec/CSV.md, and per-cohort policy overrides.
-- Every record is scoped by its cohort: keys are (cohort_id, id) and references stay in the cohort.
-- Column names are the CSV headers. Dates are ISO-8601 TEXT (yyyy-MM-dd). Decimal numbers are TEXT
-- holding the exact decimal as imported (1.50 stays 1.50; NUMERIC affinity would turn it into the
-- binary double 1.5). Lists are ;-joined lower-case TEXT, '' when empty. Enumerated values are their
-- lower-case codes (in_progress). Portable SQL only: a PostgreSQL backend reuses this schema.

CREATE TABLE cohorts (
    id         TEXT NOT NULL PRIMARY KEY,
    name       TEXT NOT NULL,
    start_date TEXT,
    end_date   TEXT
);

CREATE TABLE people (
    cohort_id                TEXT    NOT NULL REFERENCES cohorts (id),
    id                       TEXT    NOT NULL,
    name                     TEXT    NOT NULL,
    role                     TEXT    NOT NULL,
    email                    TEXT,
    title                    TEXT,
    department               TEXT,
    strengths                TEXT    NOT NULL,
    gaps                     TEXT    NOT NULL,
    ambitions                TEXT,
    capacity_hours_per_month INTEGER,
    max_mentees              INTEGER,
    PRIMARY KEY (cohort_id, id)
);

CREATE TABLE pairings (
    cohort_id                 TEXT    NOT NULL,
    id                        TEXT    NOT NULL,
    mentee_id                 TEXT    NOT NULL,
    mentor_id                 TEXT    NOT NULL,
    start_date                TEXT    NOT NULL,
    end_date                  TEXT,
    cadence_days              INTEGER NOT NULL,
    status                    TEXT    NOT NULL,
    agreement_roles           TEXT,
    agreement_boundaries      TEXT,
    agreement_cadence         TEXT,
    agreement_success_metrics TEXT,
    reciprocity_plan          TEXT,
    PRIMARY KEY (cohort_id, id),
    FOREIGN KEY (cohort_id) REFERENCES cohorts (id),
    FOREIGN KEY (cohort_id, mentee_id) REFERENCES people (cohort_id, id),
    FOREIGN KEY (cohort_id, mentor_id) REFERENCES people (cohort_id, id)
);
-- cohortsOfPairing: pairing ids are unique within a cohort only.
CREATE INDEX pairings_id_idx ON pairings (id, cohort_id);
-- Foreign-key checks when a person is replaced.
CREATE INDEX pairings_mentee_idx ON pairings (cohort_id, mentee_id);
CREATE INDEX pairings_mentor_idx ON pairings (cohort_id, mentor_id);

CREATE TABLE objectives (
    cohort_id     TEXT NOT NULL,
    id            TEXT NOT NULL,
    pairing_id    TEXT NOT NULL,
    title         TEXT NOT NULL,
    description   TEXT,
    competency    TEXT,
    skill_type    TEXT,
    metric        TEXT,
    baseline      TEXT,
    target        TEXT,
    current       TEXT,
    unit          TEXT,
    due_date      TEXT,
    evidence_plan TEXT,
    status        TEXT NOT NULL,
    last_reviewed TEXT,
    PRIMARY KEY (cohort_id, id),
    FOREIGN KEY (cohort_id, pairing_id) REFERENCES pairings (cohort_id, id)
);
-- Loading the roadmaps of a range of pairings, children in id order.
CREATE INDEX objectives_pairing_idx ON objectives (cohort_id, pairing_id, id);

CREATE TABLE milestones (
    cohort_id     TEXT NOT NULL,
    id            TEXT NOT NULL,
    objective_id  TEXT NOT NULL,
    stage         TEXT NOT NULL,
    title         TEXT,
    due_date      TEXT,
    status        TEXT NOT NULL,
    last_progress TEXT,
    completed_on  TEXT,
    reflection    TEXT,
    PRIMARY KEY (cohort_id, id),
    FOREIGN KEY (cohort_id, objective_id) REFERENCES objectives (cohort_id, id)
);
CREATE INDEX milestones_objective_idx ON milestones (cohort_id, objective_id, id);

CREATE TABLE checkins (
    cohort_id          TEXT NOT NULL,
    id                 TEXT NOT NULL,
    pairing_id         TEXT NOT NULL,
    date               TEXT NOT NULL,
    type               TEXT NOT NULL,
    status             TEXT NOT NULL,
    minutes            INTEGER,
    feedback_to_mentee TEXT,
    feedback_to_mentor TEXT,
    notes              TEXT,
    PRIMARY KEY (cohort_id, id),
    FOREIGN KEY (cohort_id, pairing_id) REFERENCES pairings (cohort_id, id)
);
CREATE INDEX checkins_pairing_idx ON checkins (cohort_id, pairing_id, id);

CREATE TABLE reciprocity_entries (
    cohort_id   TEXT NOT NULL,
    id          TEXT NOT NULL,
    pairing_id  TEXT NOT NULL,
    date        TEXT NOT NULL,
    giver       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    hours       TEXT,
    description TEXT,
    PRIMARY KEY (cohort_id, id),
    FOREIGN KEY (cohort_id, pairing_id) REFERENCES pairings (cohort_id, id)
);
CREATE INDEX reciprocity_entries_pairing_idx ON reciprocity_entries (cohort_id, pairing_id, id);

CREATE TABLE activities (
    cohort_id  TEXT NOT NULL,
    id         TEXT NOT NULL,
    pairing_id TEXT NOT NULL,
    date       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    title      TEXT,
    hours      TEXT,
    outcome    TEXT,
    PRIMARY KEY (cohort_id, id),
    FOREIGN KEY (cohort_id, pairing_id) REFERENCES pairings (cohort_id, id)
);
CREATE INDEX activities_pairing_idx ON activities (cohort_id, pairing_id, id);

CREATE TABLE resources (
    cohort_id    TEXT NOT NULL REFERENCES cohorts (id),
    id           TEXT NOT NULL,
    title        TEXT NOT NULL,
    type         TEXT NOT NULL,
    competencies TEXT NOT NULL,
    level        TEXT,
    stages       TEXT NOT NULL,
    hours        TEXT,
    url          TEXT,
    cost         TEXT,
    PRIMARY KEY (cohort_id, id)
);

CREATE TABLE engagements (
    cohort_id   TEXT NOT NULL,
    pairing_id  TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    status      TEXT,
    date        TEXT,
    takeaway    TEXT,
    -- Also serves loading the engagements of a range of pairings.
    PRIMARY KEY (cohort_id, pairing_id, resource_id),
    FOREIGN KEY (cohort_id, pairing_id) REFERENCES pairings (cohort_id, id),
    FOREIGN KEY (cohort_id, resource_id) REFERENCES resources (cohort_id, id)
);
CREATE INDEX engagements_resource_idx ON engagements (cohort_id, resource_id);

-- Thresholds a coordinator changed for a cohort; keys and values as in PolicyKey.
CREATE TABLE policies (
    cohort_id TEXT NOT NULL REFERENCES cohorts (id),
    key       TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (cohort_id, key)
);
