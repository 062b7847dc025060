-- Schema 12: the web app's sessions (WEB.md), in the database so that several servers over one store
-- share them. Only the SHA-256 of a session's secret is stored; the CSRF token every form carries belongs
-- to its session. A session ends at sign-out, or after 8 hours without a request (last_seen_at).
CREATE TABLE web_sessions (
    id INTEGER PRIMARY KEY,
    session_hash TEXT NOT NULL UNIQUE,
    person_id TEXT NOT NULL,
    role TEXT NOT NULL,
    cohort_id TEXT,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX web_sessions_last_seen_idx ON web_sessions (last_seen_at);
