-- A relative is a user bound to one household: they see that elder's status page and nothing else.
ALTER TABLE users ADD COLUMN household_id text REFERENCES households (household_id) ON DELETE CASCADE;
ALTER TABLE users ADD CONSTRAINT relative_has_one_household CHECK ((role = 'relative') = (household_id IS NOT NULL));
