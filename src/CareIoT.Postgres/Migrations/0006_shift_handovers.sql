-- Shift handover records (GB 38600 asks monitoring centres to keep them): who handed over, when,
-- what they said, and how many alerts were still open. Append-only.
CREATE TABLE shift_handovers (
    handover_id bigserial PRIMARY KEY,
    at          timestamptz NOT NULL,
    author      text NOT NULL,
    note        text NOT NULL,
    open_alerts integer NOT NULL
);

CREATE TRIGGER shift_handovers_append_only BEFORE UPDATE OR DELETE ON shift_handovers
    FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE INDEX alerts_closed_at ON alerts (closed_at) WHERE closed_at IS NOT NULL;
