import { applyAdjustments } from './adjustments';
import { parseNow } from './clock';
import { compact } from './compact';
import { burnCredits } from './credits';
import { compatFailure, compatSuccess } from './envelope';
import { compatMessages } from './messages';
import { utcMonth } from './month';
import { compatLineAmount, compatUnitPrice } from './prices';
import type { CompatCalculateOptions, CompatLineItem, CompatResult, CompatStatement } from './types';
import { type CompatUsage, validateCalculateRequest } from './validate';
import { compatVatRate } from './vat';

/*
 * Why JS numbers here, when the rest of the engine computes every amount with decimal.js (DOMAIN §1):
 * this module reproduces the older calculator bit for bit, and that calculator computed in IEEE
 * doubles. Its clients hold its answers, e.g. 0.57 GB of SSD is floor(0.57 × 10000 / 100) =
 * floor(56.99999999999999) = 56 won, not 57, and two FIXED surcharges of 0.1 and 0.2 add up to
 * 0.30000000000000004. Exact decimals would be "more correct" and therefore incompatible, so every
 * expression below keeps the older operand order, and no value leaves this module for the rest of
 * the engine.
 */

const LATE_FEE_RATE = 0.05;

/**
 * POST /api/billing/admin/calculate: a stateless statement in the older system's arithmetic
 * (DOMAIN §9). Never throws on any body; a bad one answers 400 with the first problem found.
 */
export function compatCalculate(
  body: unknown,
  options: CompatCalculateOptions,
): CompatResult<CompatStatement> {
  const checked = validateCalculateRequest(body);
  if (!checked.ok) return compatFailure(checked.message);
  const request = checked.value;

  const lineItems = request.usage.map(toLineItem);
  const subtotal = lineItems.reduce((sum, line) => sum + line.amount, 0);
  const adjustments = applyAdjustments(request.adjustments, subtotal);
  const chargeBeforeCredits = Math.max(0, subtotal + adjustments.total);
  const credits = burnCredits(request.credits, chargeBeforeCredits);
  const charge = credits.remaining;
  const vat = Math.floor(charge * compatVatRate(options.vatRate));
  const unpaidAmount = request.unpaidAmount;
  const lateFee = request.isOverdue && unpaidAmount > 0 ? Math.floor(unpaidAmount * LATE_FEE_RATE) : 0;
  const totalAmount = charge + vat + unpaidAmount + lateFee;

  const statement: CompatStatement = compact({
    statementId: `stmt-${options.newId()}`,
    // An empty header is no header: `||`, as the older system wrote it.
    uuid: options.uuidHeader || request.uuid,
    billingGroupId: request.billingGroupId,
    month: utcMonth(request.targetDate ?? parseNow(options.now)),
    currency: 'KRW',
    subtotal,
    billingGroupDiscount: 0,
    adjustmentTotal: adjustments.total,
    creditApplied: chargeBeforeCredits - charge,
    vat,
    unpaidAmount,
    lateFee,
    charge,
    amount: totalAmount,
    totalAmount,
    status: 'PENDING',
    lineItems,
    appliedCredits: credits.applied,
    appliedAdjustments: adjustments.applied,
  });
  // Finite inputs can still overflow (a volume of 1e300); JSON would carry Infinity as null.
  if (!amountsOf(statement).every(Number.isFinite)) return compatFailure(compatMessages.outOfRange());
  return compatSuccess(statement);
}

/** `line-<i>`, `i` the 0-based position in the request, as the older system's `map` index. */
function toLineItem(usage: CompatUsage, index: number): CompatLineItem {
  return compact({
    id: `line-${index}`,
    counterName: usage.counterName,
    // An empty counterType is as good as none: `||`, as the older system wrote it.
    counterType: usage.counterType || 'DELTA',
    unit: usage.counterUnit,
    quantity: usage.counterVolume,
    unitPrice: compatUnitPrice(usage.counterName),
    amount: compatLineAmount(usage.counterName, usage.counterVolume),
    resourceId: usage.resourceId,
    resourceName: usage.resourceName,
    projectId: usage.projectId,
    appKey: usage.appKey,
  });
}

function amountsOf(statement: CompatStatement): number[] {
  return [
    statement.subtotal,
    statement.adjustmentTotal,
    statement.creditApplied,
    statement.charge,
    statement.vat,
    statement.lateFee,
    statement.totalAmount,
    ...statement.lineItems.map((line) => line.amount),
    ...statement.appliedAdjustments.map((adjustment) => adjustment.amount),
    ...statement.appliedCredits.flatMap((credit) => [credit.amountApplied, credit.remainingBalance]),
  ];
}
