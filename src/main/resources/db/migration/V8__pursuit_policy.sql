-- The cadence policy a pursuit's state was derived under (CadencePolicy.describe()). PursuitState's table describes the moves under one
-- policy: raising policy.maxAgeDays or policy.maxTouches legitimately wakes a DORMANT pursuit, which must not be
-- reported as a bug. Null for states recorded before this column: the next pass records it.
ALTER TABLE pursuit ADD COLUMN policy VARCHAR(1000);
