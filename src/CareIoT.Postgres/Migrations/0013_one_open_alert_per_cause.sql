-- Defence in depth: one open alert per site and cause (per device for the technical causes), held
-- by the database and not only by the site grain's single activation — two activations during a
-- failover, or two silos raising at the same moment, still open one alert. The journal treats the
-- conflict as a repeat of the open alert.

-- The key of an open alert, as AlertCauses.KeyOf has it.
CREATE FUNCTION open_alert_device(cause text, device_id text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN cause IN ('DeviceOffline', 'LowBattery', 'Tamper', 'DeviceFault') THEN device_id ELSE '' END
$$;

-- A journal written before this rule may hold two open alerts for one key: the later ones are
-- closed into the earliest, and the journal says so.
WITH ranked AS (
    SELECT alert_id, first_value(alert_id) OVER w AS kept, row_number() OVER w AS n
    FROM alerts
    WHERE status IN ('Raised', 'Acknowledged', 'Dispatched')
    WINDOW w AS (PARTITION BY site_kind, site_id, cause, open_alert_device(cause, device_id) ORDER BY raised_at, alert_id)
), merged AS (
    UPDATE alerts a SET status = 'Resolved', closed_at = now()
    FROM ranked r WHERE a.alert_id = r.alert_id AND r.n > 1
    RETURNING a.alert_id, r.kept
)
INSERT INTO alert_events (alert_id, kind, actor, at, detail)
SELECT alert_id, 'MergedIntoOpen', 'system', now(), jsonb_build_object('into', kept) FROM merged;

CREATE UNIQUE INDEX alerts_one_open_per_cause ON alerts (site_kind, site_id, cause, open_alert_device(cause, device_id))
    WHERE status IN ('Raised', 'Acknowledged', 'Dispatched');
