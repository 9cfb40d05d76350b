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
    const id = controlIdOf(prefix, error.field);
    if (controlIds.has(id)) {
      if (!placed.has(id)) placed.set(id, fieldAdvice(error.rule, t));
    } else unplaced.push(error);
  }
  return { placed, unplaced };
}
