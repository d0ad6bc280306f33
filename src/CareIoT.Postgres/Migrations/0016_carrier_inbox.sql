-- Verified carrier pushes (OneNET, CTWing) kept from the moment before they are answered 200 until their
-- records are processed: what a crash between the answer and the processing leaves is processed at the
-- next start, or by a peer silo's sweep.
CREATE TABLE carrier_inbox (
    id           bigserial PRIMARY KEY,
    platform     text NOT NULL CHECK (platform IN ('onenet', 'ctwing')),
    origin       text NOT NULL,
    received_at  timestamptz NOT NULL,
    body         bytea NOT NULL
);
CREATE INDEX carrier_inbox_received ON carrier_inbox (received_at);
