-- Portable SQL: runs unchanged on HSQLDB 2.7 and PostgreSQL 12+.

-- No query looks facts up by Message-ID: every one filters by mailbox (and folder, uid), which the
-- primary key serves. Keeping this index up to date was a quarter of the cost of storing a fact
-- (50,000 facts: 2.0 s of CPU with it, 1.4-1.5 s without; docs/BENCHMARKS.md).
DROP INDEX message_fact_by_message_id;
