-- NB-IoT devices reporting through a carrier's IoT platform (OneNET, CTWing): the device is a row of
-- devices (kind SmokeAlarm), and its platform identity is bound to it by the installer: the platform's id
-- for it (OneNET dev_id, CTWing deviceId), its IMEI, and the product of the carrier product file that
-- reads its reports. One binding per device; taking the device out of service removes the binding with it.
CREATE TABLE carrier_devices (
    platform            text NOT NULL CHECK (platform IN ('onenet', 'ctwing')),
    platform_device_id  text NOT NULL CHECK (length(platform_device_id) BETWEEN 1 AND 64),
    imei                text NOT NULL UNIQUE CHECK (imei ~ '^[0-9]{15}$'),
    product             text NOT NULL,
    device_id           text NOT NULL UNIQUE REFERENCES devices (device_id) ON DELETE CASCADE,
    bound_at            timestamptz NOT NULL,
    bound_by            text NOT NULL,
    PRIMARY KEY (platform, platform_device_id)
);
