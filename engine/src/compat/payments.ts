import { parseNow } from './clock';
import { compatFailure, compatSuccess } from './envelope';
import { compatMessages } from './messages';
import { isRecord, readOptionalAmount, readOptionalString } from './read';
import type {
  CompatDeps,
  CompatPayment,
  CompatPaymentStatements,
  CompatResult,
  CompatSuccess,
} from './types';

const UUID_PREFIX_LENGTH = 8;
const DEFAULT_UUID = 'default';
const DEFAULT_PAYMENT_GROUP_ID = 'PG-default';

/**
 * GET /api/billing/payments/:month/statements: the older system's stub, kept as it was. It reads
 * nothing and persists nothing: one empty PENDING statement for the caller's `uuid` header (an
 * absent or empty header is `default`). The month is echoed as given, like the older stub did.
 */
export function compatPaymentStatements(
  month: string,
  uuidHeader?: string | null,
): CompatSuccess<CompatPaymentStatements> {
  const uuid = uuidHeader || DEFAULT_UUID;
  const shortUuid = uuid.slice(0, UUID_PREFIX_LENGTH);
  return compatSuccess({
    paymentGroupId: `PG-${shortUuid}`,
    paymentStatus: 'PENDING',
    statements: [
      {
        statementId: `stmt-${month}`,
        uuid,
        billingGroupId: `BG-${shortUuid}`,
        month,
        currency: 'KRW',
        subtotal: 0,
        billingGroupDiscount: 0,
        adjustmentTotal: 0,
        creditApplied: 0,
        vat: 0,
        unpaidAmount: 0,
        lateFee: 0,
        charge: 0,
        amount: 0,
        totalAmount: 0,
        status: 'PENDING',
        lineItems: [],
        appliedCredits: [],
        appliedAdjustments: [],
      },
    ],
  });
}

/**
 * POST /api/billing/payments/:month: the older mock payment, which always succeeds and moves no
 * money. paymentGroupId defaults to `PG-default` (also when empty) and amount to 0; an amount that is
 * present must be a finite number at least 0, and the body must be a JSON object.
 */
export function compatCreatePayment(body: unknown, deps: CompatDeps): CompatResult<CompatPayment> {
  if (!isRecord(body)) return compatFailure(compatMessages.notAnObject('request body', body));
  const paymentGroupId = readOptionalString('paymentGroupId', body.paymentGroupId);
  if (!paymentGroupId.ok) return compatFailure(paymentGroupId.message);
  const amount = readOptionalAmount('amount', body.amount, 0);
  if (!amount.ok) return compatFailure(amount.message);
  return compatSuccess({
    paymentId: `PAY-${deps.newId()}`,
    paymentGroupId: paymentGroupId.value || DEFAULT_PAYMENT_GROUP_ID,
    amount: amount.value,
    status: 'SUCCESS',
    method: 'MOCK',
    // The older system's `toISOString()` form, whatever ISO form the caller's clock uses.
    transactionDate: parseNow(deps.now).toISOString(),
  });
}
