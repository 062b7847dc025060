-- Schema 13 (REACH.md): the weekly digests. The outbox holds each digest as the exact message sent, at
-- most one per person and week (the unique key), written before it is sent; sent_at and server_reply
-- say the server accepted it, and a row without them is retried with the same Message-ID. The history
-- keeps, per person, what their digests held and when (nothing repeated within digest.resendDays
-- unless its severity rose). Unsubscribe tokens (only their SHA-256) and opt-outs per person.
CREATE TABLE digest_outbox (
    id              INTEGER PRIMARY KEY,
    cohort_id       TEXT NOT NULL REFERENCES cohorts (id),
    person_id       TEXT NOT NULL,
    week            TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    message_id      TEXT NOT NULL UNIQUE,
    message         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_attempt_at TEXT,
    last_error      TEXT,
    sent_at         TEXT,
    server_reply    TEXT,
    UNIQUE (cohort_id, person_id, week)
);
CREATE INDEX digest_outbox_unsent_idx ON digest_outbox (cohort_id, sent_at);
CREATE TABLE digest_history (
    cohort_id TEXT NOT NULL REFERENCES cohorts (id),
    person_id TEXT NOT NULL,
    item_key  TEXT NOT NULL,
    severity  TEXT NOT NULL,
    sent_on   TEXT NOT NULL,
    PRIMARY KEY (cohort_id, person_id, item_key)
);
CREATE TABLE digest_unsubscribe_tokens (
    token_hash TEXT PRIMARY KEY,
    cohort_id  TEXT NOT NULL REFERENCES cohorts (id),
    person_id  TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE digest_unsubscribes (
    cohort_id       TEXT NOT NULL REFERENCES cohorts (id),
    person_id       TEXT NOT NULL,
    unsubscribed_at TEXT NOT NULL,
    PRIMARY KEY (cohort_id, person_id)
);
