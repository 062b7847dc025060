-- Schema 3: what the HTTP API keeps: API tokens (only a hash of each, never the token) and
-- dismissed suggestions.

-- A token is shown once when created; only its SHA-256 is stored. The first 16 hex digits index the
-- row, so the whole hash is compared in constant time in Java, never by SQL.
CREATE TABLE api_tokens (
    id          INTEGER PRIMARY KEY,
    hash_prefix TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    person_id   TEXT NOT NULL,
    role        TEXT NOT NULL,
    -- null only for a coordinator of every cohort of the database
    cohort_id   TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX api_tokens_prefix_idx ON api_tokens (hash_prefix);

-- A suggestion dismissed by the pair, hidden while the fingerprint of its evidence stays the same.
-- objective_id is the finding's objectiveId evidence ('' when it has none): a resource recommended
-- for two objectives is two suggestions.
CREATE TABLE dismissed_suggestions (
    cohort_id    TEXT NOT NULL,
    pairing_id   TEXT NOT NULL,
    rule_id      TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    objective_id TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    dismissed_by TEXT NOT NULL,
    dismissed_at TEXT NOT NULL,
    PRIMARY KEY (cohort_id, pairing_id, rule_id, subject_id, objective_id),
    FOREIGN KEY (cohort_id, pairing_id) REFERENCES pairings (cohort_id, id)
);
