-- Reconcile (DOMAIN §6; edge/STATEMENTS.md "Reconcile"): what a sweep found when it recomputed closed
-- statements from what storage holds now. A finding is kept, never fixed: the remedy is void and reissue.
CREATE TABLE reconciliation_findings (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  sweep_id TEXT NOT NULL,
  statement_id TEXT NOT NULL REFERENCES statements (id),
  billing_group_id TEXT NOT NULL REFERENCES billing_groups (id),
  month TEXT NOT NULL,
  -- [{ field, closed, recomputed }]
  differences_json TEXT NOT NULL,
  found_at TEXT NOT NULL
);
CREATE INDEX reconciliation_findings_by_tenant ON reconciliation_findings (tenant_id, id);
CREATE INDEX reconciliation_findings_by_month ON reconciliation_findings (tenant_id, month, id);
