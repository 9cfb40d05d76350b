-- The month-end batch runs once at a time per tenant and month: a second POST while a job is
-- RUNNING finds that job instead of starting another, even when both arrive at once.
CREATE UNIQUE INDEX jobs_one_running_per_month ON jobs (tenant_id, kind, month) WHERE status = 'RUNNING';

-- The worker that may write a job's progress. A job whose worker died is resumed under a new lease,
-- and a superseded worker's late writes are ignored.
ALTER TABLE jobs ADD COLUMN lease_id TEXT NOT NULL DEFAULT '';

-- The month-end batch looks up one month's live statements across all of a tenant's groups.
CREATE INDEX statements_by_tenant_month ON statements (tenant_id, month, billing_group_id);

-- A statement is voided once: when two voids race, the second write aborts with its whole batch, so
-- its credits are never released twice and the carry-forward mark is lifted once.
CREATE TRIGGER statements_void_once
BEFORE UPDATE OF voided_at ON statements
WHEN OLD.voided_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'statement-void');
END;

-- A statement that a later one carries forward cannot be voided (the later one's unpaid balance
-- counts it): void the later statement first, whatever request runs concurrently.
CREATE TRIGGER statements_void_uncarried_only
BEFORE UPDATE OF voided_at ON statements
WHEN NEW.voided_at IS NOT NULL AND OLD.carried_forward_by IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'carried-forward');
END;

-- Only a live statement is carried forward, and by one later statement: a close that read it as its
-- balance forward aborts when it was voided or taken over meanwhile, so no debt is counted twice or lost.
CREATE TRIGGER statements_carry_once
BEFORE UPDATE OF carried_forward_by ON statements
WHEN NEW.carried_forward_by IS NOT NULL AND (OLD.voided_at IS NOT NULL OR OLD.carried_forward_by IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'carried-forward');
END;

-- What a statement took over from the previous one as its unpaid balance, in minor units. A close
-- reads the previous statement's payments before its batch; if a payment succeeded or was started
-- meanwhile, the carried amount is stale and the batch aborts instead of billing a paid amount again.
ALTER TABLE statements ADD COLUMN unpaid_minor INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER statements_carry_current_balance
BEFORE UPDATE OF carried_forward_by ON statements
WHEN NEW.carried_forward_by IS NOT NULL
  AND (
    EXISTS (SELECT 1 FROM payments WHERE statement_id = OLD.id AND state = 'PENDING')
    OR (SELECT unpaid_minor FROM statements WHERE id = NEW.carried_forward_by)
      != OLD.total_minor - (SELECT COALESCE(SUM(amount_minor), 0) FROM payments
                            WHERE statement_id = OLD.id AND state = 'SUCCEEDED')
  )
BEGIN
  SELECT RAISE(ABORT, 'balance-forward-changed');
END;
