-- Portable SQL: runs unchanged on HSQLDB 2.7 and PostgreSQL 12+. Times are epoch milliseconds (UTC).

-- One row per message read from a folder: the classified facts, never the body.
CREATE TABLE message_fact (
    mailbox_id  VARCHAR(64)     NOT NULL,
    folder      VARCHAR(512)    NOT NULL,
    uid         BIGINT          NOT NULL,
    message_id  VARCHAR(998),
    kind        VARCHAR(16)     NOT NULL,
    sent_at     BIGINT          NOT NULL,
    doc         VARCHAR(200000) NOT NULL,
    PRIMARY KEY (mailbox_id, folder, uid)
);
CREATE INDEX message_fact_by_message_id ON message_fact (mailbox_id, message_id);

-- Messages that could not be read (broken MIME and the like): counted and shown, not retried.
CREATE TABLE skipped_message (
    mailbox_id  VARCHAR(64)   NOT NULL,
    folder      VARCHAR(512)  NOT NULL,
    uid         BIGINT        NOT NULL,
    message_id  VARCHAR(998),
    reason      VARCHAR(1000) NOT NULL,
    seen_at     BIGINT        NOT NULL,
    PRIMARY KEY (mailbox_id, folder, uid)
);

-- How far each folder has been read; committed in the same transaction as the facts it covers.
CREATE TABLE folder_cursor (
    mailbox_id    VARCHAR(64)  NOT NULL,
    folder        VARCHAR(512) NOT NULL,
    uid_validity  BIGINT       NOT NULL,
    last_uid      BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL,
    PRIMARY KEY (mailbox_id, folder)
);

-- The latest decision per pursuit, for status and for operators' queries.
CREATE TABLE pursuit (
    id                  VARCHAR(32)   NOT NULL PRIMARY KEY,
    mailbox_id          VARCHAR(64)   NOT NULL,
    proposal_message_id VARCHAR(998)  NOT NULL,
    proposal_at         BIGINT        NOT NULL,
    state               VARCHAR(16)   NOT NULL,
    next_action         VARCHAR(16)   NOT NULL,
    next_step           INTEGER       NOT NULL,
    next_at             BIGINT,
    reason              VARCHAR(1000) NOT NULL,
    updated_at          BIGINT        NOT NULL
);

-- Every draft Tickler decided to write. INTENDED is recorded before the APPEND and PLACED after,
-- so a crash in between is resolved on the next pass by looking for the Message-ID in Drafts.
CREATE TABLE draft (
    message_id   VARCHAR(998) NOT NULL PRIMARY KEY,
    pursuit_id   VARCHAR(32)  NOT NULL,
    mailbox_id   VARCHAR(64)  NOT NULL,
    step         INTEGER      NOT NULL,
    action       VARCHAR(16)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    folder       VARCHAR(512),
    intended_at  BIGINT       NOT NULL,
    placed_at    BIGINT
);
CREATE INDEX draft_by_pursuit ON draft (pursuit_id);
