-- Outage storms: when many devices of one area go offline within a short window, their offline alerts
-- become members of one incident (each still its own alert, journaled per device) and the console shows
-- the incident instead of a row per device. Life-safety alerts are never members.
CREATE TABLE outage_incidents (
    incident_id  uuid PRIMARY KEY,
    area         text NOT NULL,
    opened_at    timestamptz NOT NULL,
    closed_at    timestamptz
);
ALTER TABLE alerts ADD COLUMN incident_id uuid REFERENCES outage_incidents (incident_id);
CREATE INDEX alerts_by_incident ON alerts (incident_id) WHERE incident_id IS NOT NULL;
