-- A site's alerts over a period (the relative's daily summary, a home's history) without a scan of the journal.
CREATE INDEX alerts_by_site_and_time ON alerts (site_kind, site_id, raised_at);
