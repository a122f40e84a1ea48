-- How each mailbox's last pass ended, for `status`: a mailbox whose login fails (parked, retried hourly) or whose
-- server is unreachable (backing off) shows there, not only in the logs. Written by `run` and `scan`, never by a dry run.
CREATE TABLE mailbox_health (
    mailbox_id      VARCHAR(64)   NOT NULL PRIMARY KEY,
    last_ok_at      BIGINT,
    failing_since   BIGINT,
    failures        INTEGER       NOT NULL,
    failure_kind    VARCHAR(16),
    problem         VARCHAR(1000),
    next_attempt_at BIGINT,
    updated_at      BIGINT        NOT NULL
);
