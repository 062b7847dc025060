-- Schema 5: a stored run keeps findings only. The next steps of a pairing depend on who asks (RULES.md,
-- audiences) and are chosen from the run's findings; the API-shaped JSON that schema 4 kept beside
-- them is no longer written or read.
ALTER TABLE health_check_pairings DROP COLUMN suggestions;
