-- CareIoT schema, version 1: registry, users, alert journal, audit, dead letters.

CREATE TABLE facilities (
    facility_id  text PRIMARY KEY,
    name         text NOT NULL,
    address      text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE households (
    household_id text PRIMARY KEY,
    elder_name   text NOT NULL,
    address      text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE beds (
    bed_id       text PRIMARY KEY,
    facility_id  text REFERENCES facilities (facility_id),
    room         text NOT NULL DEFAULT '',
    label        text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE devices (
    device_id    text PRIMARY KEY,
    kind         text NOT NULL CHECK (kind IN ('CallButton', 'SmokeAlarm', 'Mattress')),
    household_id text REFERENCES households (household_id),
    bed_id       text REFERENCES beds (bed_id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((household_id IS NULL) <> (bed_id IS NULL))
);

CREATE TABLE users (
    user_id       bigserial PRIMARY KEY,
    username      text NOT NULL UNIQUE,
    password_hash text NOT NULL,
    role          text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE alerts (
    alert_id     uuid PRIMARY KEY,
    site_kind    text NOT NULL,
    site_id      text NOT NULL,
    device_id    text NOT NULL,
    cause        text NOT NULL,
    priority     smallint NOT NULL,
    status       text NOT NULL,
    raised_at    timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    occurrences  integer NOT NULL
);
CREATE INDEX alerts_open ON alerts (priority, raised_at)
    WHERE status IN ('Raised', 'Acknowledged', 'Dispatched');

-- Every device message that raised or repeated an alert: the idempotency key of the journal.
CREATE TABLE alert_sources (
    source_key  text PRIMARY KEY,
    alert_id    uuid NOT NULL REFERENCES alerts (alert_id) DEFERRABLE INITIALLY DEFERRED,
    recorded_at timestamptz NOT NULL
);

-- The journal proper: one row per transition, never updated, never deleted.
CREATE TABLE alert_events (
    event_id    bigserial PRIMARY KEY,
    alert_id    uuid NOT NULL REFERENCES alerts (alert_id),
    kind        text NOT NULL,
    actor       text NOT NULL,
    at          timestamptz NOT NULL,
    source_key  text,
    detail      jsonb
);
CREATE INDEX alert_events_alert ON alert_events (alert_id, event_id);

CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER alert_events_append_only BEFORE UPDATE OR DELETE ON alert_events
    FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE TABLE audit_log (
    audit_id bigserial PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    actor    text NOT NULL,
    action   text NOT NULL,
    target   text NOT NULL,
    detail   jsonb
);

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE TABLE dead_letters (
    dead_letter_id bigserial PRIMARY KEY,
    received_at    timestamptz NOT NULL,
    source         text NOT NULL,
    topic          text NOT NULL,
    device_id      text,
    reason         text NOT NULL,
    detail         text NOT NULL,
    payload        bytea NOT NULL,
    payload_size   integer NOT NULL
);
CREATE INDEX dead_letters_recent ON dead_letters (received_at DESC);
CREATE INDEX dead_letters_reason ON dead_letters (reason);
