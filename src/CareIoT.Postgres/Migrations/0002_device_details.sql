-- Device details for supervision and gateways: vendor/model, a per-device offline threshold,
-- and the gateway (Zigbee2MQTT) a device must speak through.
ALTER TABLE devices
    ADD COLUMN vendor                text,
    ADD COLUMN model                 text,
    ADD COLUMN gateway_id            text,
    ADD COLUMN offline_after_seconds integer CHECK (offline_after_seconds IS NULL OR offline_after_seconds >= 60);
