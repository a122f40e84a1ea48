-- A number per mailbox that every change of its facts (a stored batch, a deletion) replaces with a new random one, in the
-- same transaction. A process that kept the pursuits it assembled from the facts reuses them while the number stands
-- still, instead of reading and decoding every fact again for a pass that found no new mail; a change by any Tickler
-- process moves it. A row for every mailbox that already has facts, so that two writers sharing a store never both insert
-- its first one (for a new mailbox they still may: one pass then fails with a duplicate key and is retried).
CREATE TABLE fact_version (
    mailbox_id VARCHAR(64) NOT NULL PRIMARY KEY,
    version    BIGINT      NOT NULL
);
INSERT INTO fact_version (mailbox_id, version) SELECT DISTINCT mailbox_id, 1 FROM message_fact;
