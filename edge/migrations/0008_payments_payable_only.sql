-- Payments and the close (DOMAIN §6; edge/PAYMENTS.md). A payment's request checks that its statement
-- is payable, then inserts; a close of the next month can commit in between and carry the statement's
-- outstanding amount forward, and the customer would pay it twice. So the insert itself refuses a
-- statement that is voided or carried forward, whatever committed meanwhile.
CREATE TRIGGER payments_to_payable_statements_only
BEFORE INSERT ON payments
WHEN NEW.state IN ('PENDING', 'SUCCEEDED')
  AND EXISTS (
    SELECT 1 FROM statements
    WHERE id = NEW.statement_id AND (voided_at IS NOT NULL OR carried_forward_by IS NOT NULL)
  )
BEGIN
  SELECT RAISE(ABORT, 'not-payable');
END;

-- A later statement carries the outstanding amount as it was at its close; refunding a payment of the
-- carried statement afterwards would leave the refunded amount billed nowhere. Void the statement that
-- carries it first (its month reopens), then refund.
CREATE TRIGGER payments_refund_uncarried_only
BEFORE UPDATE OF state ON payments
WHEN NEW.state = 'REFUNDED'
  AND EXISTS (SELECT 1 FROM statements WHERE id = NEW.statement_id AND carried_forward_by IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'carried-forward');
END;
