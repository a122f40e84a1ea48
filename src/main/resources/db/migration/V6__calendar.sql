-- Calendar awareness (issue 6). Portable SQL, as V1.

-- Invitations found in mail (text/calendar parts): the iCalendar text of each, without what people
-- wrote in it (summary, notes, location, attachments), read into meetings when deciding, so a
-- series is expanded over the window of that moment. Rows of a folder whose UIDVALIDITY has since
-- changed are ignored (the folder is read again).
CREATE TABLE calendar_invitation (
    mailbox_id    VARCHAR(64)     NOT NULL,
    folder        VARCHAR(512)    NOT NULL,
    uid           BIGINT          NOT NULL,
    uid_validity  BIGINT          NOT NULL,
    sent_at       BIGINT          NOT NULL,
    -- when its last occurrence ends (far future for an open series, a reply or a cancel): older ones are not read
    relevant_until BIGINT         NOT NULL,
    ics           VARCHAR(200000) NOT NULL,
    PRIMARY KEY (mailbox_id, folder, uid)
);

-- Meetings read from a calendar server (CalDAV; later Graph), replaced per source at each good read.
-- What the last good read saw stays when the server is down.
CREATE TABLE calendar_meeting (
    mailbox_id  VARCHAR(64)    NOT NULL,
    source      VARCHAR(64)    NOT NULL,
    seq         INTEGER        NOT NULL,
    start_at    BIGINT         NOT NULL,
    doc         VARCHAR(64000) NOT NULL,
    PRIMARY KEY (mailbox_id, source, seq)
);

-- When each calendar source was last read, and the last problem (shown by status).
CREATE TABLE calendar_source (
    mailbox_id  VARCHAR(64)   NOT NULL,
    source      VARCHAR(64)   NOT NULL,
    read_at     BIGINT,
    problem     VARCHAR(1000),
    updated_at  BIGINT        NOT NULL,
    PRIMARY KEY (mailbox_id, source)
);
