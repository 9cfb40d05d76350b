-- Voiding a credit grant (DOMAIN §5) happens once. The void writes voided_at and a VOID ledger entry of
-- the remaining balance in one batch; this trigger aborts the whole batch when another request voided
-- the grant first, so two concurrent voids never both take the balance.
CREATE TRIGGER credit_grants_void_once
BEFORE UPDATE OF voided_at ON credit_grants
WHEN OLD.voided_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'credit-grant-voided');
END;

-- A voided grant stays empty. When a statement that consumed from it is voided later, its RELEASE
-- gives the credit back to the ledger (so the statement's consumption is undone exactly once) and the
-- same write voids it again, so a voided grant never regains a spendable balance.
CREATE TRIGGER credit_ledger_release_to_voided_grant
AFTER INSERT ON credit_ledger
WHEN NEW.kind = 'RELEASE'
  AND (SELECT voided_at FROM credit_grants WHERE id = NEW.grant_id) IS NOT NULL
BEGIN
  INSERT INTO credit_ledger (tenant_id, billing_group_id, grant_id, kind, amount, amount_minor, at, statement_id)
  VALUES (NEW.tenant_id, NEW.billing_group_id, NEW.grant_id, 'VOID', '-' || NEW.amount, -NEW.amount_minor, NEW.at, NULL);
END;

-- The ledger of a billing group, read in order (GET …/credit-ledger).
CREATE INDEX credit_ledger_by_group ON credit_ledger (tenant_id, billing_group_id, seq);
