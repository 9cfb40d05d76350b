-- Webhooks (DOMAIN §8b). `events` is the outbox: a row is written in the same batch as the state
-- change it reports, so it exists exactly when the change committed. `seq` orders a tenant's events
-- (and deliveries per object); `dedupe_key` makes an event that reports a condition rather than a
-- write (a credit about to expire, a budget crossed) exist once however often it is found.
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  data_json TEXT NOT NULL,
  dedupe_key TEXT NOT NULL,
  UNIQUE (tenant_id, dedupe_key)
);
CREATE INDEX events_by_tenant ON events (tenant_id, seq);
CREATE INDEX events_by_tenant_type ON events (tenant_id, type, seq);

-- A tenant's receivers. `event_types` is a comma-separated list, or `*` for every type. The secret
-- must be kept to sign with; the API shows it only when it is made or rotated.
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  url TEXT NOT NULL,
  description TEXT,
  event_types TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX webhook_endpoints_by_tenant ON webhook_endpoints (tenant_id, id);

-- One delivery per event and endpoint, made in the event's own write by the trigger below, so no
-- event is ever left without the deliveries it owes. `lease_until` keeps two dispatchers off the same
-- delivery; a dispatcher that died leaves a lease that simply runs out.
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event_id TEXT NOT NULL REFERENCES events (id),
  event_seq INTEGER NOT NULL,
  object_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('PENDING', 'SUCCEEDED', 'FAILED')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  -- Retries go on for a day from here: the event's time, or a redelivery by hand.
  window_start TEXT NOT NULL,
  lease_until TEXT,
  last_status INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_deliveries_by_object ON webhook_deliveries (endpoint_id, object_id, event_seq)
  WHERE state = 'PENDING';
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (tenant_id, endpoint_id, event_seq);
-- The foreign key from deliveries to events is checked on every event's insert.
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id);

CREATE TRIGGER events_fan_out AFTER INSERT ON events
BEGIN
  INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_seq, object_id, state,
    attempts, next_attempt_at, window_start, created_at, updated_at)
  SELECT 'whd_' || lower(hex(randomblob(16))), NEW.tenant_id, e.id, NEW.id, NEW.seq, NEW.object_id,
    'PENDING', 0, NEW.created_at, NEW.created_at, NEW.created_at, NEW.created_at
  FROM webhook_endpoints e
  WHERE e.tenant_id = NEW.tenant_id AND e.enabled = 1
    AND (e.event_types = '*' OR instr(',' || e.event_types || ',', ',' || NEW.type || ',') > 0);
END;

-- Every try of a delivery, as the receiver answered it (or why no answer came).
CREATE TABLE webhook_attempts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  attempted_at TEXT NOT NULL,
  duration_ms INTEGER NOT NULL,
  status_code INTEGER,
  response_excerpt TEXT,
  error TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('SUCCEEDED', 'RETRYING', 'FAILED'))
);
CREATE INDEX webhook_attempts_by_endpoint ON webhook_attempts (endpoint_id, seq);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id);

-- Budgets (DOMAIN §8b): a threshold on a group's month, on its running total (`TOTAL`) or on one
-- counter's quantity (`QUANTITY`). A crossing is an event whose dedupe key names the budget and the
-- month, so it is reported once per month and threshold.
CREATE TABLE budgets (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  billing_group_id TEXT NOT NULL REFERENCES billing_groups (id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('TOTAL', 'QUANTITY')),
  counter_name TEXT,
  threshold TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK ((kind = 'QUANTITY') = (counter_name IS NOT NULL))
);
CREATE INDEX budgets_by_group ON budgets (tenant_id, billing_group_id, id);

-- `credit.low`: a grant may name the balance under which it is reported low, once.
ALTER TABLE credit_grants ADD COLUMN low_balance_threshold TEXT;
CREATE INDEX credit_grants_with_threshold ON credit_grants (tenant_id, billing_group_id)
  WHERE voided_at IS NULL AND low_balance_threshold IS NOT NULL;
