-- Migration 014: compact stored runs, written in short transactions and visible only when complete (issue 18).
-- A pairing's findings are one compressed value (RunFindingsCodec): the text a pairing's findings repeat
-- (rule ids, evidence keys, the wording of messages) is stored once per pairing, and each distinct next
-- step once per run (health_check_texts). At 20,000 pairings a run was 288 MB of rows and indexes.
-- Runs stored before it are dropped: the next health check stores a new one (and says that every
-- finding is new, having nothing to compare with).
DELETE FROM health_check_findings;
DELETE FROM health_check_pairings;
DELETE FROM health_check_runs;
DROP TABLE health_check_findings;
ALTER TABLE health_check_pairings ADD COLUMN findings BLOB NOT NULL DEFAULT x'';

-- A run is written in many transactions and shown to readers only once complete is 1; the counts and
-- the size are those of `coach runs`.
ALTER TABLE health_check_runs ADD COLUMN complete INTEGER NOT NULL DEFAULT 0;
ALTER TABLE health_check_runs ADD COLUMN pairing_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE health_check_runs ADD COLUMN finding_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE health_check_runs ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;

-- The distinct next steps of a run, numbered within it.
CREATE TABLE health_check_texts (
    run_id  INTEGER NOT NULL REFERENCES health_check_runs (id) ON DELETE CASCADE,
    id      INTEGER NOT NULL,
    text    TEXT NOT NULL,
    PRIMARY KEY (run_id, id)
) WITHOUT ROWID;

-- What the coordinator's cohort page filters and counts by (WEB.md), kept beside the compressed findings so
-- that a page of a 100,000-pairing run reads only the rows it shows: per pairing, its counts, its first
-- (worst) finding and its health as a rank (0 red, 1 amber, 2 green: the page's order); per pairing and
-- rule, the worst severity (0 critical, 1 warning, 2 info) and whether any finding of the rule is new since
-- the run before. The board index covers every filter and the order, so choosing a page never reads a
-- pairing's row (and its compressed findings) but for the rows it shows.
ALTER TABLE health_check_pairings ADD COLUMN criticals INTEGER NOT NULL DEFAULT 0;
ALTER TABLE health_check_pairings ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;
ALTER TABLE health_check_pairings ADD COLUMN new_findings INTEGER NOT NULL DEFAULT 0;
ALTER TABLE health_check_pairings ADD COLUMN top_rule TEXT;
ALTER TABLE health_check_pairings ADD COLUMN top_severity TEXT;
ALTER TABLE health_check_pairings ADD COLUMN top_message TEXT;
ALTER TABLE health_check_pairings ADD COLUMN health_rank INTEGER NOT NULL DEFAULT 0;
CREATE INDEX health_check_pairings_board ON health_check_pairings
    (run_id, health_rank, pairing_id, new_findings, mentee_id, mentor_id);

CREATE TABLE health_check_rules (
    run_id      INTEGER NOT NULL REFERENCES health_check_runs (id) ON DELETE CASCADE,
    rule_id     TEXT NOT NULL,
    pairing_id  TEXT NOT NULL,
    severity    INTEGER NOT NULL,
    is_new      INTEGER NOT NULL,
    PRIMARY KEY (run_id, rule_id, pairing_id)
) WITHOUT ROWID;
