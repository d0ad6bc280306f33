-- The wall: where sites are (community groups households; coordinates place them on the map) and
-- what the rotation showed (coverage) or failed to show in time (notices).
ALTER TABLE households
    ADD COLUMN community text NOT NULL DEFAULT '',
    ADD COLUMN latitude  double precision CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    ADD COLUMN longitude double precision CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180);
CREATE INDEX households_by_community ON households (community);

ALTER TABLE facilities
    ADD COLUMN latitude  double precision CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    ADD COLUMN longitude double precision CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180);
CREATE INDEX beds_by_facility ON beds (facility_id);

CREATE TABLE rotation_coverage (
    site_key   text NOT NULL,
    shown_from timestamptz NOT NULL,
    shown_to   timestamptz NOT NULL CHECK (shown_to > shown_from),
    operators  text[] NOT NULL,
    PRIMARY KEY (site_key, shown_from)
);
CREATE INDEX rotation_coverage_by_time ON rotation_coverage (shown_to);

CREATE TABLE rotation_notices (
    notice_id   bigserial PRIMARY KEY,
    site_key    text NOT NULL,
    noticed_at  timestamptz NOT NULL,
    last_shown  timestamptz
);
CREATE INDEX rotation_notices_by_time ON rotation_notices (noticed_at);
