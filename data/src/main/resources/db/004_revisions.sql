-- Schema 4: revisions, so that a stored health check can answer a suggestions call in place of a live
-- evaluation exactly when nothing it read has changed since.
-- A cohort's revision moves with every change that reaches all of its pairings (an import, a policy);
-- a pairing's moves with every record written for it through the API (check-ins, reciprocity,
-- activities, milestones). Both only ever grow.
ALTER TABLE cohorts ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pairings ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

-- What a run evaluated: the cohort's revision and the rule base's version (null for runs stored before
-- schema 4, which are never reused), and each pairing's revision.
ALTER TABLE health_check_runs ADD COLUMN revision INTEGER;
ALTER TABLE health_check_runs ADD COLUMN rule_base TEXT;
ALTER TABLE health_check_pairings ADD COLUMN revision INTEGER;
-- The pairing's first next-step suggestions (as many as a call shows by default) as the API shows them,
-- one JSON object a line: a suggestions call answered from the run reads this one value.
ALTER TABLE health_check_pairings ADD COLUMN suggestions TEXT;
-- The reusable run of a cohort as of a date.
CREATE INDEX health_check_runs_by_as_of ON health_check_runs (cohort_id, as_of, id);
