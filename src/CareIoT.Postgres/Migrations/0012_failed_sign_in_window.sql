-- Failed sign-ins count toward a lockout only while they are recent: when the last one was more
-- than the lockout's length ago, the count starts again (four mistakes last month and one today do
-- not lock an account).
ALTER TABLE users ADD COLUMN last_failed_at timestamptz;
