-- Sessions that end when they should: every session cookie carries its user's security stamp, checked
-- on each request and hub call. Logging out, an admin disabling the account, a password change and a
-- role change all draw a new stamp, so every session of that user ends at once, on every silo.
ALTER TABLE users
    ADD COLUMN security_stamp uuid NOT NULL DEFAULT gen_random_uuid(),
    ADD COLUMN disabled_at timestamptz;

-- A session that was logged out: its cookie (and every copy of it) is refused from then on. Kept
-- for a day, far longer than an idle session can live.
CREATE TABLE ended_sessions (
    session_id uuid PRIMARY KEY,
    ended_at   timestamptz NOT NULL DEFAULT now()
);
