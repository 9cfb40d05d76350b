-- Test clocks (DOMAIN §8a): a tenant's simulated "now" for the billing groups attached to it. Its
-- advance is a resumable run of steps (edge/TEST-CLOCKS.md): `frozen_time` moves from one scheduled
-- run (02:00 UTC) to the next, `ran_through` says whose tasks have run, and only the runner holding
-- `lease_id` may write either.
CREATE TABLE test_clocks (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  name TEXT NOT NULL,
  frozen_time TEXT NOT NULL,
  -- The instant whose scheduled tasks have run; below `frozen_time` while the step that moved the
  -- clock onto a run has not run its tasks yet (a crash in between runs them on resume).
  ran_through TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('READY', 'ADVANCING')),
  advancing_to TEXT,
  runs_total INTEGER NOT NULL DEFAULT 0,
  runs_done INTEGER NOT NULL DEFAULT 0,
  -- A task of the last run failed: the next run is not passed over, so it tries again. What failed,
  -- per group (JSON), for the client to read on the clock.
  run_failed INTEGER NOT NULL DEFAULT 0,
  run_errors TEXT NOT NULL DEFAULT '[]',
  lease_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((status = 'ADVANCING') = (advancing_to IS NOT NULL))
);
CREATE INDEX test_clocks_by_tenant ON test_clocks (tenant_id, id);
-- The sweep of advances whose runner died.
CREATE INDEX test_clocks_advancing ON test_clocks (updated_at) WHERE status = 'ADVANCING';

-- A clock never moves backwards, whoever writes it.
CREATE TRIGGER test_clocks_never_backwards
BEFORE UPDATE OF frozen_time ON test_clocks
WHEN NEW.frozen_time < OLD.frozen_time
BEGIN
  SELECT RAISE(ABORT, 'test-clock-backwards');
END;

-- What the next runs of a clock's groups have to do: their grants' expiries.
CREATE INDEX credit_grants_expiring_by_group ON credit_grants (tenant_id, billing_group_id, expires_at)
  WHERE voided_at IS NULL AND expires_at IS NOT NULL;

-- A group is attached when it is created, and lives in its clock's time from then on. The handler
-- reads the clock within the tenant first; the foreign key refuses a clock deleted in between. (No
-- trigger on the insert: one would make every insert of a group plan scans of its child tables.)
ALTER TABLE billing_groups ADD COLUMN test_clock_id TEXT REFERENCES test_clocks (id);
CREATE INDEX billing_groups_by_test_clock ON billing_groups (test_clock_id);

-- Deleting a clock detaches nothing silently: refused while a group lives in its time, even when
-- the group was attached between the handler's check and the delete.
CREATE TRIGGER test_clocks_delete_in_use
BEFORE DELETE ON test_clocks
WHEN EXISTS (SELECT 1 FROM billing_groups WHERE test_clock_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'test-clock-in-use');
END;

-- An event about a group on a test clock carries the clock's time (DOMAIN §8b), but its deliveries
-- are due, and retried, in real time: the fan-out takes the database's own clock, not the event's.
DROP TRIGGER events_fan_out;
CREATE TRIGGER events_fan_out AFTER INSERT ON events
BEGIN
  INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_seq, object_id, state,
    attempts, next_attempt_at, window_start, created_at, updated_at)
  SELECT 'whd_' || lower(hex(randomblob(16))), NEW.tenant_id, e.id, NEW.id, NEW.seq, NEW.object_id,
    'PENDING', 0, now.at, now.at, now.at, now.at
  FROM webhook_endpoints e, (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at) AS now
  WHERE e.tenant_id = NEW.tenant_id AND e.enabled = 1
    AND (e.event_types = '*' OR instr(',' || e.event_types || ',', ',' || NEW.type || ',') > 0);
END;
