import { type CompatAdjustment, readAdjustment } from './adjustment-input';
import { compatMessages } from './messages';
import { readTargetDate } from './month';
import {
  accept,
  type Checked,
  isAbsent,
  isRecord,
  readAmount,
  readEach,
  readFiniteNumber,
  readOptionalAmount,
  readOptionalArray,
  readOptionalStrings,
  reject,
} from './read';

const USAGE_TEXTS = [
  'counterUnit',
  'counterType',
  'resourceId',
  'resourceName',
  'projectId',
  'appKey',
] as const;
const CREDIT_TEXTS = ['type', 'campaignId', 'name', 'creditCode', 'uuid'] as const;
const REQUEST_TEXTS = ['uuid', 'billingGroupId'] as const;

export type CompatUsage = { counterName: string; counterVolume: number } & Partial<
  Record<(typeof USAGE_TEXTS)[number], string>
>;
export type CompatCredit = { amount: number } & Partial<Record<(typeof CREDIT_TEXTS)[number], string>>;

/** A calculate request that passed every check, with its defaults filled in. */
export interface CompatRequest {
  uuid?: string;
  billingGroupId?: string;
  /** Absent means "now", which the caller supplies. */
  targetDate?: Date;
  unpaidAmount: number;
  isOverdue: boolean;
  usage: CompatUsage[];
  credits: CompatCredit[];
  adjustments: CompatAdjustment[];
}

/**
 * Checks a parsed JSON body and answers the first problem, like the older system. Order:
 * the body is an object; adjustments (the older system's own checks, first as there); targetDate
 * (second, as there); then the checks added for inputs on which the older system crashed: usage,
 * credits, unpaidAmount, uuid, billingGroupId. Every credit is checked, even one the charge would
 * never reach, so whether a request is valid does not depend on its amounts.
 */
export function validateCalculateRequest(body: unknown): Checked<CompatRequest> {
  if (!isRecord(body)) return reject(compatMessages.notAnObject('request body', body));

  const adjustmentList = readOptionalArray('adjustments', body.adjustments);
  if (!adjustmentList.ok) return adjustmentList;
  const adjustments = readEach(adjustmentList.value, readAdjustment);
  if (!adjustments.ok) return adjustments;

  const targetDate = readTargetDate(body.targetDate);
  if (!targetDate.ok) return targetDate;

  const usageList = readOptionalArray('usage', body.usage);
  if (!usageList.ok) return usageList;
  const usage = readEach(usageList.value, readUsage);
  if (!usage.ok) return usage;

  const creditList = readOptionalArray('credits', body.credits);
  if (!creditList.ok) return creditList;
  const credits = readEach(creditList.value, readCredit);
  if (!credits.ok) return credits;

  const unpaidAmount = readOptionalAmount('unpaidAmount', body.unpaidAmount, 0);
  if (!unpaidAmount.ok) return unpaidAmount;
  const ids = readOptionalStrings(body, REQUEST_TEXTS, (key) => key);
  if (!ids.ok) return ids;

  return accept({
    ...ids.value,
    targetDate: targetDate.value,
    unpaidAmount: unpaidAmount.value,
    // Only the JSON literal `true` makes a statement overdue; the string "true" does not.
    isOverdue: body.isOverdue === true,
    usage: usage.value,
    credits: credits.value,
    adjustments: adjustments.value,
  });
}

/**
 * counterName and counterVolume set the price, so they are required; a volume must be a finite
 * number, and may be negative: the older system priced it as a negative line, and so does this
 * API (DOMAIN §9), unlike a usage event's volume (DOMAIN §2). The other fields are only echoed
 * back, so they need only be strings when present.
 */
function readUsage(item: unknown, index: number): Checked<CompatUsage> {
  const path = `usage[${index}]`;
  if (!isRecord(item)) return reject(compatMessages.notAnObject(path, item));
  const counterName = item.counterName;
  const namePath = `${path}.counterName`;
  if (isAbsent(counterName)) return reject(compatMessages.missing(namePath));
  if (typeof counterName !== 'string') return reject(compatMessages.notAString(namePath, counterName));
  const counterVolume = readFiniteNumber(`${path}.counterVolume`, item.counterVolume);
  if (!counterVolume.ok) return counterVolume;
  const texts = readOptionalStrings(item, USAGE_TEXTS, (key) => `${path}.${key}`);
  if (!texts.ok) return texts;
  return accept({ counterName, counterVolume: counterVolume.value, ...texts.value });
}

/** A credit's amount is required (a finite number at least 0); its other fields are echoed back. */
function readCredit(item: unknown, index: number): Checked<CompatCredit> {
  const path = `credits[${index}]`;
  if (!isRecord(item)) return reject(compatMessages.notAnObject(path, item));
  const amount = readAmount(`${path}.amount`, item.amount);
  if (!amount.ok) return amount;
  const texts = readOptionalStrings(item, CREDIT_TEXTS, (key) => `${path}.${key}`);
  if (!texts.ok) return texts;
  return accept({ amount: amount.value, ...texts.value });
}
