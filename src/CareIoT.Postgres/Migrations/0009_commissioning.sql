-- Commissioning: a device's serial, who fitted it and when; devices taken out of service; the
-- records of walk tests (what was proven to work, when, by whom).
ALTER TABLE devices
    ADD COLUMN serial       text UNIQUE,
    ADD COLUMN installed_at timestamptz,
    ADD COLUMN installed_by text;

CREATE TABLE decommissioned_devices (
    device_id          text NOT NULL,
    kind               text NOT NULL,
    serial             text,
    household_id       text,
    bed_id             text,
    installed_at       timestamptz,
    decommissioned_at  timestamptz NOT NULL,
    decommissioned_by  text NOT NULL
);
CREATE INDEX decommissioned_by_device ON decommissioned_devices (device_id);

CREATE TABLE installation_records (
    record_id   bigserial PRIMARY KEY,
    site_kind   text NOT NULL,
    site_id     text NOT NULL,
    installer   text NOT NULL,
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz NOT NULL,
    outcome     text NOT NULL CHECK (outcome IN ('Completed', 'Expired')),
    signals     jsonb NOT NULL,
    UNIQUE (site_kind, site_id, started_at)
);

CREATE INDEX households_search ON households (elder_name text_pattern_ops);
