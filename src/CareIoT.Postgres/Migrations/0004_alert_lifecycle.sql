-- The alert lifecycle: who acknowledged and when, whom it was dispatched to, when it closed, and
-- how far it escalated. The journal (alert_events) keeps every step; these columns are its summary.
ALTER TABLE alerts
    ADD COLUMN escalation_level integer NOT NULL DEFAULT 0,
    ADD COLUMN acknowledged_at  timestamptz,
    ADD COLUMN acknowledged_by  text,
    ADD COLUMN dispatched_to    text,
    ADD COLUMN dispatched_at    timestamptz,
    ADD COLUMN closed_at        timestamptz;

CREATE INDEX alerts_raised_at ON alerts (raised_at);
