/**
 * `@billing/engine/internal`: helpers below the public face (`index.ts`) that the unit tests check
 * on their own. Nothing outside tests/ imports this; a name moves to `index.ts` once a host needs it.
 */

// §6: the hash and field diff under close and replay; the payment transition table; the
// `period-closed` guard.
export { contentHash, diffValues } from './canonical';
// §9: how the `VAT_RATE` setting is read, and its default.
export { COMPAT_DEFAULT_VAT_RATE, compatVatRate } from './compat';
// §5: the ledger arithmetic under `appendToLedger` and `planStatementVoid`.
export { balanceOf, grantEntry, ledgerBalances, planRelease, validateLedgerEntry } from './ledger';
export { assertPeriodOpen, PAYMENT_TRANSITIONS } from './lifecycle';
// §1: each rounding mode and `allocate` (parts sum to the whole), tested below `roundMoneyTraced`.
export { allocate, roundCeil, roundFloor, roundHalfEven, roundHalfUp, roundMoney } from './money';
// The contract month range (`endMonth` inclusive), which the contract builders are checked against.
export { isMonthInRange } from './period';
// §2: one event's validation and canonical form, the rules `ingestBatch` applies per event.
export { canonicalUsageEvent, validateUsageEvent } from './usage-event';
