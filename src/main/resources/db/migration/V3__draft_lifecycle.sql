-- What became of each draft: SENT (it reached Sent), RETRACTED (Tickler removed it unsent because
-- the pursuit was answered, scheduled or bounced), DISMISSED (the rep deleted it unsent), EDITED
-- (the rep changed it, so Tickler leaves it alone even when it would otherwise retract it).
ALTER TABLE draft ADD COLUMN content_hash VARCHAR(64);
ALTER TABLE draft ADD COLUMN resolved_at BIGINT;
ALTER TABLE draft ADD COLUMN note VARCHAR(500);
