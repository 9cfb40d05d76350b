-- The close fence (DOMAIN §2, §6; edge/STATEMENTS.md "The close fence"). A close reads its inputs in
-- several queries, computes the statement, then writes it in one batch. A write that commits in
-- between would be answered as accepted yet left out of the statement. So the close remembers what
-- its snapshot saw, and its batch aborts when anything it read has changed since:
--   * usage: the group's highest event `seq` when the snapshot began; any event of the closing month
--     or an earlier one stored after it (seq only grows, in commit order) aborts the close;
--   * everything else a statement reads (adjustments, credit grants and voids, contract assignments,
--     payments, statements closed or voided, the group's settings): a per-group `revision` that
--     triggers raise on every such write.
-- An aborted close reads again and retries; a write after a close's commit finds the month closed.
-- Nothing is locked, so a crash leaves nothing behind.

ALTER TABLE billing_groups ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE statements ADD COLUMN fence_revision INTEGER;
ALTER TABLE statements ADD COLUMN fence_usage_seq INTEGER;

-- The group's events in `seq` order: the newest seq and the events stored after a snapshot, found
-- without reading the group's history.
CREATE INDEX usage_events_by_group_seq ON usage_events (tenant_id, billing_group_id, seq);

CREATE TRIGGER statements_close_fence
BEFORE INSERT ON statements
WHEN NEW.fence_revision IS NULL
  OR NEW.fence_usage_seq IS NULL
  OR (SELECT revision FROM billing_groups WHERE id = NEW.billing_group_id) != NEW.fence_revision
  OR EXISTS (
    SELECT 1 FROM usage_events
    WHERE tenant_id = NEW.tenant_id AND billing_group_id = NEW.billing_group_id
      AND seq > NEW.fence_usage_seq AND +month <= NEW.month
  )
BEGIN
  SELECT RAISE(ABORT, 'close-inputs-changed');
END;

-- Every write a statement reads, other than usage, moves its group's revision.
CREATE TRIGGER adjustments_insert_revision AFTER INSERT ON adjustments
BEGIN
  UPDATE billing_groups SET revision = revision + 1 WHERE id = NEW.billing_group_id;
END;
CREATE TRIGGER adjustments_delete_revision AFTER DELETE ON adjustments
BEGIN
  UPDATE billing_groups SET revision = revision + 1 WHERE id = OLD.billing_group_id;
END;
CREATE TRIGGER contract_assignments_insert_revision AFTER INSERT ON contract_assignments
BEGIN
  UPDATE billing_groups SET revision = revision + 1 WHERE id = NEW.billing_group_id;
END;
CREATE TRIGGER contract_assignments_delete_revision AFTER DELETE ON contract_assignments
BEGIN
  UPDATE billing_groups SET revision = revision + 1 WHERE id = OLD.billing_group_id;
END;
CREATE TRIGGER credit_grants_insert_revision AFTER INSERT ON credit_grants
BEGIN
  UPDATE billing_groups SET revision = revision + 1 WHERE id = NEW.billing_group_id;
END;
CREATE TRIGGER credit_grants_void_revision AFTER UPDATE OF voided_at ON credit_grants
BEGIN
  UPDATE billing_groups SET revision = revision + 1 WHERE id = NEW.billing_group_id;
END;
CREATE TRIGGER payments_insert_revision AFTER INSERT ON payments
BEGIN
  UPDATE billing_groups SET revision = revision + 1 WHERE id = NEW.billing_group_id;
END;
CREATE TRIGGER payments_state_revision AFTER UPDATE OF state ON payments
BEGIN
  UPDATE billing_groups SET revision = revision + 1 WHERE id = NEW.billing_group_id;
END;
CREATE TRIGGER statements_insert_revision AFTER INSERT ON statements
BEGIN
  UPDATE billing_groups SET revision = revision + 1 WHERE id = NEW.billing_group_id;
END;
CREATE TRIGGER statements_void_revision AFTER UPDATE OF voided_at ON statements
BEGIN
  UPDATE billing_groups SET revision = revision + 1 WHERE id = NEW.billing_group_id;
END;
CREATE TRIGGER billing_groups_settings_revision
AFTER UPDATE OF name, currency, vat_rate, rounding_mode, payment_terms_days, late_fee_rate, price_book_id
ON billing_groups
BEGIN
  UPDATE billing_groups SET revision = revision + 1 WHERE id = NEW.id;
END;
