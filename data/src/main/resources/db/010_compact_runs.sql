-- Schema 10: compact stored runs, written in short transactions and visible only when complete (issue 18).
-- A pairing's findings are one compressed value (RunFindingsCodec): the text a pairing's findings repeat
-- (rule ids, evidence keys, the wording of messages) is stored once per pairing, and each distinct next
-- step once per run (health_check_texts). At 20,000 pairings a run was 288 MB of rows and indexes.
-- Runs stored before schema 10 are dropped: the next health check stores a new one (and says that every
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
