-- Schema 6: dismissals are personal (RULES.md): a next step one person dismissed is hidden for that
-- person alone, so the key holds the person. Dismissals made so far stay their dismisser's. A pairing
-- that is deleted takes its dismissals with it.
CREATE TABLE dismissals (
    cohort_id    TEXT NOT NULL,
    pairing_id   TEXT NOT NULL,
    person_id    TEXT NOT NULL,
    rule_id      TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    objective_id TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    dismissed_at TEXT NOT NULL,
    PRIMARY KEY (cohort_id, pairing_id, person_id, rule_id, subject_id, objective_id),
    FOREIGN KEY (cohort_id, pairing_id) REFERENCES pairings (cohort_id, id) ON DELETE CASCADE
);
INSERT INTO dismissals (cohort_id, pairing_id, person_id, rule_id, subject_id, objective_id, fingerprint,
                        dismissed_at)
    SELECT cohort_id, pairing_id, dismissed_by, rule_id, subject_id, objective_id, fingerprint, dismissed_at
    FROM dismissed_suggestions;
DROP TABLE dismissed_suggestions;
