-- What the duty operator must know about the person: age, medical notes, who to call.
ALTER TABLE households
    ADD COLUMN birth_year         integer CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
    ADD COLUMN medical_notes      text NOT NULL DEFAULT '',
    ADD COLUMN emergency_contacts jsonb NOT NULL DEFAULT '[]';
