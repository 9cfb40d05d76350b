-- Indexes for what ran as full scans (tests/unit/storage/query-plans.spec.ts plans every query of
-- the request paths and every trigger). Each lookup below names no tenant, so the tenant-first
-- indexes could not serve it and SQLite read the whole table, inside writes that every tenant makes:
--   * credit_ledger by grant: the insufficient-credit trigger sums a grant's entries on every ledger
--     insert, and the foreign key from credit_ledger.grant_id is checked on every new grant;
--   * payments by statement: the payment cap and the carry-forward triggers sum a statement's
--     payments by state on every payment and every close, and the foreign key from
--     payments.statement_id is checked on every new statement.
-- Both carry the summed column, so the triggers read the index alone.
CREATE INDEX credit_ledger_by_grant_amount ON credit_ledger (grant_id, amount_minor);
CREATE INDEX payments_by_statement_state ON payments (statement_id, state, amount_minor);
