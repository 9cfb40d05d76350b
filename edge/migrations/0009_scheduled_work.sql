-- A billing group may opt into autoClose (DOMAIN §7): the scheduled run closes its previous month.
ALTER TABLE billing_groups ADD COLUMN auto_close INTEGER NOT NULL DEFAULT 0 CHECK (auto_close IN (0, 1));
CREATE INDEX billing_groups_auto_close ON billing_groups (auto_close, tenant_id) WHERE auto_close = 1;

-- The scheduled run finds RUNNING jobs whose progress stopped moving, across tenants.
CREATE INDEX jobs_running_by_update ON jobs (updated_at) WHERE status = 'RUNNING';

-- The daily run finds grants past their expiry, and the months' statements to sweep, across tenants.
CREATE INDEX credit_grants_by_expiry ON credit_grants (expires_at) WHERE voided_at IS NULL AND expires_at IS NOT NULL;
CREATE INDEX statements_live_by_month ON statements (month, tenant_id) WHERE voided_at IS NULL;

-- The daily sweep reconciles the same closed statements every day: a difference already recorded for
-- a statement is not recorded again (the earliest copy of any recorded twice before this is kept).
DELETE FROM reconciliation_findings
WHERE rowid NOT IN (SELECT MIN(rowid) FROM reconciliation_findings GROUP BY statement_id, differences_json);
CREATE UNIQUE INDEX reconciliation_findings_once ON reconciliation_findings (statement_id, differences_json);
