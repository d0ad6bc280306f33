-- Each bed's nights ([6/8]): the night's summary for the bed page, the facility's morning report and the
-- relative's page, and the profile (resting values by hour, as counts) its resident's baseline is learned from.
CREATE TABLE bed_nights (
    bed_id                  text NOT NULL,
    night                   date NOT NULL,
    in_bed_minutes          integer NOT NULL,
    bed_exits               integer NOT NULL,
    longest_exit_minutes    integer NOT NULL,
    movement_minutes        integer NOT NULL,
    out_of_range_minutes    integer NOT NULL,
    resting_heart_rate      double precision,
    resting_respiration     double precision,
    heart_rate_above_usual  double precision,
    respiration_above_usual double precision,
    minutes_measured        integer NOT NULL,
    profile                 jsonb NOT NULL,
    recorded_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (bed_id, night)
);
CREATE INDEX bed_nights_by_night ON bed_nights (night);
