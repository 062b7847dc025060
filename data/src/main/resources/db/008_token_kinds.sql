-- Schema 8: besides API tokens, one-time sign-in links for the web app (WEB.md) and secret calendar
-- feed addresses (REACH.md), listed and revoked like every token. A link expires (expires_at) and is
-- used once (used_at); a feed and an API token never expire. Revoking deletes the row.
ALTER TABLE api_tokens ADD COLUMN kind TEXT NOT NULL DEFAULT 'api';
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN used_at TEXT;
CREATE INDEX api_tokens_person_idx ON api_tokens (person_id);
