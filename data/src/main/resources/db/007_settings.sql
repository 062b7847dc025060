-- Schema 7: settings of the whole database. 'today' pins the date evaluations default to (API.md: the
-- store's today), as coach demo does with the sample's 2026-06-15.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
