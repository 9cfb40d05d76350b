import type { Problem } from '@/api/types';
import type { Messages } from '@/i18n/messages';
import { controlIdOf } from '@/lib/pricing-draft';
import { fieldAdvice } from './calculator-errors';

/**
 * A refused body's field errors placed beside their controls: by control id (`controlIdOf(prefix,
 * field)`), in the page's words. Errors that name no control of the form (a rule about a whole list
 * of tiers, say) stay in `unplaced`, listed above the form with the API's own message.
 */
export function placeFieldErrors(
  problem: Problem | null,
  prefix: string,
  controlIds: ReadonlySet<string>,
  t: Messages,
): { placed: ReadonlyMap<string, string>; unplaced: NonNullable<Problem['errors']> } {
  const placed = new Map<string, string>();
  const unplaced: NonNullable<Problem['errors']> = [];
  for (const error of problem?.errors ?? []) {
    const id = controlIdOf(prefix, controlFieldOf(error.field));
    if (controlIds.has(id)) {
      if (!placed.has(id)) placed.set(id, adviceFor(error.field, error.rule, t));
    } else unplaced.push(error);
  }
  return { placed, unplaced };
}

/**
 * The field of the control a refused value is typed in. A tier's start is not a control: the form
 * derives it from the tier before's upper bound (DOMAIN §3, contiguous tiers), so that is where an
 * error about it belongs.
 */
function controlFieldOf(field: string): string {
  return field.replace(/tiers\[(\d+)\]\.from$/, (whole, index: string) =>
    Number(index) > 0 ? `tiers[${Number(index) - 1}].to` : whole,
  );
}

/** A name too short is a name left empty; every other rule is advised as the calculator advises it. */
function adviceFor(field: string, rule: string, t: Messages): string {
  if (rule === 'too_small' && /(^|\.)name$/.test(field)) return t.calculator.fieldErrors.required;
  return fieldAdvice(rule, t);
}
