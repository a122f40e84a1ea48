-- IMAP keywords the rep set on messages to overrule Tickler ($TicklerProposal, $TicklerIgnore).
-- Re-read every pass (keywords change on old messages), replaced per folder.
CREATE TABLE message_keyword (
    mailbox_id  VARCHAR(64)  NOT NULL,
    folder      VARCHAR(512) NOT NULL,
    uid         BIGINT       NOT NULL,
    keyword     VARCHAR(64)  NOT NULL,
    PRIMARY KEY (mailbox_id, folder, uid, keyword)
);
