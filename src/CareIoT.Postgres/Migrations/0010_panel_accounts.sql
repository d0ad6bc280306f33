-- Home-alarm panels reporting over ANSI/SIA DC-09: a panel is a device of kind AlarmPanel, and its
-- DC-09 account (what it sends as #acct) is bound to that device by the installer, with the key the
-- panel encrypts with (if any). An account reports for one device only; taking the device out of
-- service removes the binding with it.
ALTER TABLE devices DROP CONSTRAINT devices_kind_check;
ALTER TABLE devices ADD CONSTRAINT devices_kind_check CHECK (kind IN ('CallButton', 'SmokeAlarm', 'Mattress', 'AlarmPanel'));

CREATE TABLE panel_accounts (
    account     text PRIMARY KEY CHECK (account ~ '^[0-9A-F]{3,16}$'),
    device_id   text NOT NULL UNIQUE REFERENCES devices (device_id) ON DELETE CASCADE,
    key         text,
    key_is_hex  boolean NOT NULL DEFAULT true,
    vendor      text,
    bound_at    timestamptz NOT NULL,
    bound_by    text NOT NULL
);
