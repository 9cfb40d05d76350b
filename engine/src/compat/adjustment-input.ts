import { compatMessages } from './messages';
import { accept, type Checked, isOneOf, isRecord, readAmount, readOptionalStrings, reject } from './read';
import {
  COMPAT_ADJUSTMENT_LEVELS,
  COMPAT_ADJUSTMENT_METHODS,
  COMPAT_ADJUSTMENT_TYPES,
  type CompatAdjustmentLevel,
  type CompatAdjustmentMethod,
  type CompatAdjustmentType,
} from './types';

/** An adjustment after reading, whichever shape it came in. */
export interface CompatAdjustment {
  type: CompatAdjustmentType;
  method: CompatAdjustmentMethod;
  value: number;
  description?: string;
  level: CompatAdjustmentLevel;
  targetProjectId?: string;
}

/**
 * The two shapes differ only in the names of two fields, and each message names the field the way
 * the client spelled it. The older shape is recognised, as the older system did, by the presence
 * of an `adjustmentType` key, whatever else the object holds.
 */
const CURRENT_SHAPE = { typeKey: 'type', valueKey: 'value' } as const;
const OLDER_SHAPE = { typeKey: 'adjustmentType', valueKey: 'adjustmentValue' } as const;

/**
 * Checks in the older system's order: type, method, value (present, a finite number, at least 0).
 * A RATE above 100 is accepted, as it was: the charge is clamped at 0 anyway.
 */
export function readAdjustment(item: unknown, index: number): Checked<CompatAdjustment> {
  if (!isRecord(item)) return reject(compatMessages.notAnObject(`adjustments[${index}]`, item));
  const shape = Object.hasOwn(item, OLDER_SHAPE.typeKey) ? OLDER_SHAPE : CURRENT_SHAPE;

  const type = item[shape.typeKey];
  if (!isOneOf(COMPAT_ADJUSTMENT_TYPES, type)) return reject(compatMessages.invalidType(shape.typeKey, type));
  const method = item.method;
  if (!isOneOf(COMPAT_ADJUSTMENT_METHODS, method)) return reject(compatMessages.invalidMethod(method));
  const value = readAmount(shape.valueKey, item[shape.valueKey]);
  if (!value.ok) return value;
  const texts = readOptionalStrings(
    item,
    ['description', 'targetProjectId'],
    (key) => `adjustments[${index}].${key}`,
  );
  if (!texts.ok) return texts;

  return accept({
    type,
    method,
    value: value.value,
    description: texts.value.description,
    level: levelOf(item.level),
    targetProjectId: texts.value.targetProjectId,
  });
}

/** An absent or unknown level, of whatever type, is a billing-group adjustment (DOMAIN §9). */
function levelOf(level: unknown): CompatAdjustmentLevel {
  return isOneOf(COMPAT_ADJUSTMENT_LEVELS, level) ? level : 'BILLING_GROUP';
}
