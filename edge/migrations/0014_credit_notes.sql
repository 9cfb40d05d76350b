-- Credit notes (DOMAIN §6): immutable, numbered `CN-<year>-<NNNNNN>` like statements, each lowering
-- its statement's outstanding amount by `applied`; what exceeds it is `refunded` as a REFUND grant
-- written in the same batch. `credited_minor` on the statement is the sum of what they applied: the
-- payment cap and the balance forward count it, as the engine's outstanding amount does.
ALTER TABLE statements ADD COLUMN credited_minor INTEGER NOT NULL DEFAULT 0;

CREATE TABLE credit_notes (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants (id),
  billing_group_id TEXT NOT NULL REFERENCES billing_groups (id),
  statement_id TEXT NOT NULL REFERENCES statements (id),
  number TEXT NOT NULL,
  net TEXT NOT NULL,
  vat TEXT NOT NULL,
  total TEXT NOT NULL,
  total_minor INTEGER NOT NULL CHECK (total_minor > 0),
  applied TEXT NOT NULL,
  applied_minor INTEGER NOT NULL CHECK (applied_minor >= 0),
  refunded TEXT NOT NULL,
  -- Written after the note in the same batch (its grant moves the group's revision, which the note's
  -- fence reads), so no foreign key: the batch writes both or neither.
  refund_grant_id TEXT,
  reason TEXT NOT NULL,
  line_id TEXT,
  created_at TEXT NOT NULL,
  -- The group's revision the note was computed from (the close fence's): a payment, a close or
  -- another credit note that committed since aborts it, so its split is never stale.
  fence_revision INTEGER NOT NULL,
  UNIQUE (tenant_id, number)
);
CREATE INDEX credit_notes_by_statement ON credit_notes (statement_id, created_at);

CREATE TRIGGER credit_notes_fence
BEFORE INSERT ON credit_notes
WHEN (SELECT revision FROM billing_groups WHERE id = NEW.billing_group_id) != NEW.fence_revision
BEGIN
  SELECT RAISE(ABORT, 'credit-note-inputs-changed');
END;

CREATE TRIGGER credit_notes_live_statements_only
BEFORE INSERT ON credit_notes
WHEN (SELECT voided_at IS NOT NULL OR carried_forward_by IS NOT NULL FROM statements WHERE id = NEW.statement_id)
BEGIN
  SELECT RAISE(ABORT, 'not-creditable');
END;

CREATE TRIGGER credit_notes_within_total
BEFORE INSERT ON credit_notes
WHEN (SELECT COALESCE(SUM(total_minor), 0) FROM credit_notes WHERE statement_id = NEW.statement_id) + NEW.total_minor
  > (SELECT total_minor FROM statements WHERE id = NEW.statement_id)
BEGIN
  SELECT RAISE(ABORT, 'credit-notes-exceed-total');
END;

CREATE TRIGGER credit_notes_apply
AFTER INSERT ON credit_notes
BEGIN
  UPDATE statements SET credited_minor = credited_minor + NEW.applied_minor WHERE id = NEW.statement_id;
  UPDATE billing_groups SET revision = revision + 1 WHERE id = NEW.billing_group_id;
END;

-- The payment cap and the balance forward count what credit notes took off.
DROP TRIGGER payments_never_exceed_total;
CREATE TRIGGER payments_never_exceed_total
BEFORE INSERT ON payments
WHEN NEW.state IN ('PENDING', 'SUCCEEDED')
  AND (SELECT total_minor - credited_minor FROM statements WHERE id = NEW.statement_id)
    - (SELECT COALESCE(SUM(amount_minor), 0) FROM payments
       WHERE statement_id = NEW.statement_id AND state IN ('PENDING', 'SUCCEEDED'))
    < NEW.amount_minor
BEGIN
  SELECT RAISE(ABORT, 'payment-exceeds-outstanding');
END;

DROP TRIGGER statements_carry_current_balance;
CREATE TRIGGER statements_carry_current_balance
BEFORE UPDATE OF carried_forward_by ON statements
WHEN NEW.carried_forward_by IS NOT NULL
  AND (
    EXISTS (SELECT 1 FROM payments WHERE statement_id = OLD.id AND state = 'PENDING')
    OR (SELECT unpaid_minor FROM statements WHERE id = NEW.carried_forward_by)
      != OLD.total_minor - OLD.credited_minor - (SELECT COALESCE(SUM(amount_minor), 0) FROM payments
                            WHERE statement_id = OLD.id AND state = 'SUCCEEDED')
  )
BEGIN
  SELECT RAISE(ABORT, 'balance-forward-changed');
END;
