-- A counter per mailbox that every write of its facts (a stored batch, a deletion) raises in the same transaction. A
-- process that kept the pursuits it assembled from the facts reuses them while the counter stands still, instead of
-- reading and decoding every fact again for a pass that found no new mail; a write by any process moves it.
CREATE TABLE fact_version (
    mailbox_id VARCHAR(64) NOT NULL PRIMARY KEY,
    version    BIGINT      NOT NULL
);
