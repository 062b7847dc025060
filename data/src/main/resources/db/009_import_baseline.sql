-- Schema 9: what the last import brought (docs/CSV.md, "Re-import and the app"), so that a re-import
-- merges field by field with what the pairs changed in the app instead of undoing it.
-- imported: 1 for a record an import wrote (and so a later sync may delete), 0 for one created in the app.
-- Records stored before schema 9 are 0: nothing says an import brought them, so no sync deletes them until
-- an import names them again.
ALTER TABLE people ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pairings ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE objectives ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE milestones ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE checkins ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reciprocity_entries ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activities ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE resources ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE engagements ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;

-- An imported record as its last import brought it, kept only while the app has changed it since: until
-- then the record itself is what the import brought, and copying every row of every import would double
-- an import's writes. The app's first change to an imported record copies it here (RecordWriter); the
-- next import merges with it and drops it again once the record is what that import brought.
-- record_key: the key columns' values as a JSON array (["P05-O1-M2"]; engagements ["P05","R12"]);
-- fields: the CSV columns' values, in CSV.md's order, as a JSON array; app_changed_on: the store's today
-- of the app's last change.
CREATE TABLE import_baselines (
    cohort_id      TEXT NOT NULL,
    file           TEXT NOT NULL,
    record_key     TEXT NOT NULL,
    fields         TEXT NOT NULL,
    app_changed_on TEXT,
    PRIMARY KEY (cohort_id, file, record_key)
);
