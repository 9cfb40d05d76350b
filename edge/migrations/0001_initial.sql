-- The billing API's schema. Every row belongs to a tenant and every query filters on tenant_id.
-- Money is stored twice where the database must enforce a rule: as the engine's decimal string
-- (what the API returns) and as integer minor units (*_minor), which triggers can compare exactly.
-- Timestamps are ISO 8601 text in UTC; months are 'YYYY-MM'.

CREATE TABLE tenants (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- API keys are stored as SHA-256 hashes: a key is 32 random bytes, so a fast hash is enough and a
-- database leak reveals no usable key.
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  key_prefix TEXT NOT NULL,
  rate_limit_per_minute INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, id);

CREATE TABLE price_books (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  name TEXT NOT NULL,
  currency TEXT NOT NULL,
  entries_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX price_books_by_tenant ON price_books (tenant_id, id);

CREATE TABLE billing_groups (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  name TEXT NOT NULL,
  currency TEXT NOT NULL,
  vat_rate TEXT NOT NULL,
  rounding_mode TEXT NOT NULL,
  payment_terms_days INTEGER NOT NULL,
  late_fee_rate TEXT NOT NULL,
  -- NULL: the built-in default price book of the group's currency.
  price_book_id TEXT REFERENCES price_books (id),
  created_at TEXT NOT NULL
);
CREATE INDEX billing_groups_by_tenant ON billing_groups (tenant_id, id);

CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  billing_group_id TEXT NOT NULL REFERENCES billing_groups (id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX projects_by_group ON projects (tenant_id, billing_group_id, id);

CREATE TABLE contracts (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  name TEXT NOT NULL,
  -- The engine's Contract terms: priceOverrides, discountRate, minimumCharge.
  terms_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX contracts_by_tenant ON contracts (tenant_id, id);

-- A contract applies to a billing group for a range of months (end inclusive, NULL open-ended).
CREATE TABLE contract_assignments (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  billing_group_id TEXT NOT NULL REFERENCES billing_groups (id),
  contract_id TEXT NOT NULL REFERENCES contracts (id),
  start_month TEXT NOT NULL,
  end_month TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX contract_assignments_by_group ON contract_assignments (tenant_id, billing_group_id, start_month);

-- Idempotent per (billing group, event id); `seq` keeps arrival order for the GAUGE tie rule.
CREATE TABLE usage_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  billing_group_id TEXT NOT NULL REFERENCES billing_groups (id),
  event_id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  counter_name TEXT NOT NULL,
  counter_type TEXT NOT NULL,
  unit TEXT NOT NULL,
  volume TEXT NOT NULL,
  timestamp TEXT NOT NULL,
  month TEXT NOT NULL,
  resource_id TEXT,
  resource_name TEXT,
  fingerprint TEXT NOT NULL,
  UNIQUE (billing_group_id, event_id)
);
CREATE INDEX usage_events_by_month ON usage_events (tenant_id, billing_group_id, month);

CREATE TABLE adjustments (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  billing_group_id TEXT NOT NULL REFERENCES billing_groups (id),
  month TEXT NOT NULL,
  type TEXT NOT NULL,
  method TEXT NOT NULL,
  value TEXT NOT NULL,
  level TEXT NOT NULL,
  target_project_id TEXT,
  description TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX adjustments_by_month ON adjustments (tenant_id, billing_group_id, month);

CREATE TABLE credit_grants (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  billing_group_id TEXT NOT NULL REFERENCES billing_groups (id),
  type TEXT NOT NULL,
  amount TEXT NOT NULL,
  priority INTEGER,
  expires_at TEXT,
  granted_at TEXT NOT NULL,
  campaign_id TEXT,
  name TEXT,
  voided_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX credit_grants_by_group ON credit_grants (tenant_id, billing_group_id, id);

-- Append-only. A balance is the sum of its grant's entries.
CREATE TABLE credit_ledger (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  billing_group_id TEXT NOT NULL REFERENCES billing_groups (id),
  grant_id TEXT NOT NULL REFERENCES credit_grants (id),
  kind TEXT NOT NULL CHECK (kind IN ('GRANT', 'CONSUME', 'EXPIRE', 'VOID', 'RELEASE')),
  amount TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  at TEXT NOT NULL,
  statement_id TEXT
);
CREATE INDEX credit_ledger_by_grant ON credit_ledger (tenant_id, grant_id, seq);
-- No grant is consumed, or released, twice for one statement.
CREATE UNIQUE INDEX credit_ledger_once_per_statement
  ON credit_ledger (grant_id, kind, statement_id) WHERE statement_id IS NOT NULL;
-- No balance ever goes below 0, whatever runs concurrently: checked inside the write itself.
CREATE TRIGGER credit_ledger_never_negative
BEFORE INSERT ON credit_ledger
WHEN (SELECT COALESCE(SUM(amount_minor), 0) FROM credit_ledger WHERE grant_id = NEW.grant_id) + NEW.amount_minor < 0
BEGIN
  SELECT RAISE(ABORT, 'insufficient-credit');
END;

CREATE TABLE statements (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  billing_group_id TEXT NOT NULL REFERENCES billing_groups (id),
  month TEXT NOT NULL,
  closed_at TEXT NOT NULL,
  due_at TEXT NOT NULL,
  voided_at TEXT,
  total TEXT NOT NULL,
  total_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  inputs_json TEXT NOT NULL,
  result_json TEXT NOT NULL,
  -- The later statement that took this one's outstanding amount over as its unpaid balance.
  carried_forward_by TEXT,
  close_job_id TEXT
);
CREATE INDEX statements_by_group ON statements (tenant_id, billing_group_id, month);
-- One live (not void) statement per group and month: concurrent closes close it once.
CREATE UNIQUE INDEX statements_one_live_per_month ON statements (billing_group_id, month) WHERE voided_at IS NULL;

CREATE TABLE payments (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  billing_group_id TEXT NOT NULL REFERENCES billing_groups (id),
  statement_id TEXT NOT NULL REFERENCES statements (id),
  amount TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED')),
  method TEXT NOT NULL,
  source TEXT NOT NULL,
  failure_reason TEXT,
  idempotency_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX payments_by_statement ON payments (tenant_id, statement_id, created_at);
-- Pending and succeeded payments together never exceed the statement's total, even when two
-- requests race: the check runs inside the insert.
CREATE TRIGGER payments_never_exceed_total
BEFORE INSERT ON payments
WHEN NEW.state IN ('PENDING', 'SUCCEEDED')
  AND (SELECT total_minor FROM statements WHERE id = NEW.statement_id)
    - (SELECT COALESCE(SUM(amount_minor), 0) FROM payments
       WHERE statement_id = NEW.statement_id AND state IN ('PENDING', 'SUCCEEDED'))
    < NEW.amount_minor
BEGIN
  SELECT RAISE(ABORT, 'payment-exceeds-outstanding');
END;

-- Replays of a request with the same Idempotency-Key answer the stored response.
CREATE TABLE idempotency_records (
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  idempotency_key TEXT NOT NULL,
  operation TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  response_status INTEGER NOT NULL,
  response_body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, idempotency_key)
);

-- The month-end batch: progress survives a crash, so a re-run resumes.
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  kind TEXT NOT NULL,
  month TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
  total INTEGER NOT NULL,
  done INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  errors_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX jobs_by_tenant ON jobs (tenant_id, kind, month);
