-- The payment provider's id of each charge (and, once refunded, of the refund), kept for refunds
-- and reconciliation with the provider. NULL until the provider has answered.
ALTER TABLE payments ADD COLUMN provider_reference TEXT;
