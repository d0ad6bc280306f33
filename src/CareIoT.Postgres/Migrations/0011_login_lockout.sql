-- Sign-in lockout: consecutive failed sign-ins since the last success or lock, and until when the
-- account refuses every sign-in (even with the right password). Times come from the server's clock
-- (TimeProvider), never from now() here, so tests can move time.
ALTER TABLE users ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0);
ALTER TABLE users ADD COLUMN locked_until timestamptz;
