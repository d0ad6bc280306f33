-- A site grain without state rebuilds its open alerts from the journal: find them by site.
CREATE INDEX alerts_open_by_site ON alerts (site_kind, site_id)
    WHERE status IN ('Raised', 'Acknowledged', 'Dispatched');
