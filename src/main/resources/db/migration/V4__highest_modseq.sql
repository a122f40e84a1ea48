-- CONDSTORE (RFC 7162): the folder's HIGHESTMODSEQ at the last read. Unchanged UIDNEXT, UIDVALIDITY
-- and HIGHESTMODSEQ mean nothing changed, not even a flag: the folder costs one STATUS and no FETCH.
ALTER TABLE folder_cursor ADD COLUMN highest_modseq BIGINT DEFAULT 0 NOT NULL;
