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

/** Rules of the forms outside the calculator (webhooks, budgets, test clocks, groups), in the page's words. */
const FORM_RULES: Record<string, keyof Messages['calculator']['fieldErrors']> = {
  'webhook-url': 'webhookUrl',
  positive: 'positive',
  'not-allowed': 'notAllowed',
  'exceeds-total': 'exceedsTotal',
  'after-frozen-time': 'clockForward',
  'max-advance': 'clockMaxAdvance',
  'max-groups': 'clockFull',
};

/**
 * A name or URL too short is one left empty, and a list of event types too short is one with none
 * chosen; every other rule is advised as the calculator advises it.
 */
function adviceFor(field: string, rule: string, t: Messages): string {
  if (rule === 'too_small' && /(^|\.)(name|url)$/.test(field)) return t.calculator.fieldErrors.required;
  if (rule === 'too_small' && field === 'eventTypes') return t.calculator.fieldErrors.eventTypes;
  const formRule = FORM_RULES[rule];
  if (formRule) return t.calculator.fieldErrors[formRule];
  // A test clock's time comes from selects: a refusal of its form means the day is not complete.
  if (field === 'frozenTime' || field === 'to') return t.calculator.fieldErrors.dateTime;
  return fieldAdvice(rule, t);
}
