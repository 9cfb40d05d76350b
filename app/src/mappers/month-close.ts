import type { Currency, StatementCalculation } from '@/api/types';
import type { Locale } from '@/i18n/locales';
import { formatMoney } from '@/lib/money';
import { formatDay } from '@/lib/months';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the close-month dialog tells before it closes: the figures that get frozen, in words. */
export interface CloseMonthFacts {
  month: string;
  total: string;
  /** The credit the close consumes, as a positive amount; null when none is. */
  creditsConsumed: string | null;
  /** The due date if the month were closed now (close date + the group's payment terms). */
  dueOn: string;
  paymentTermsDays: number;
  /** The month's last day, when the month has not ended yet; null for a finished month. */
  unfinishedUntil: string | null;
  /**
   * The month before, when it has activity and is still open (YYYY-MM): months close in order
   * (DOMAIN §6), so this one cannot close first. Null when nothing stands in the way.
   */
  blockedBy: string | null;
}

/** The last millisecond of a month (YYYY-MM), UTC. */
function monthEndMillis(month: string): number {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return Date.UTC(year, number, 1) - 1;
}

export function closeMonthFacts(
  draft: StatementCalculation,
  group: { currency: Currency; paymentTermsDays: number },
  nowMillis: number,
  locale: Locale,
  /** The month before's statement: its draft while it is open. */
  previous: { state: string; result: StatementCalculation } | null = null,
): CloseMonthFacts {
  const money = (amount: string) => formatMoney(amount, group.currency, locale);
  const credits = draft.creditTotal.replace(/^-/, '');
  const endMillis = monthEndMillis(draft.month);
  return {
    month: draft.month,
    total: money(draft.total),
    creditsConsumed: Number(credits) > 0 ? money(credits) : null,
    dueOn: formatDay(new Date(nowMillis + group.paymentTermsDays * DAY_MS).toISOString(), locale),
    paymentTermsDays: group.paymentTermsDays,
    unfinishedUntil: endMillis >= nowMillis ? formatDay(new Date(endMillis).toISOString(), locale) : null,
    blockedBy:
      previous && previous.state === 'DRAFT' && hasActivity(previous.result) ? previous.result.month : null,
  };
}

/** Usage or an adjustment: what makes an open month one that must close before the next. */
function hasActivity(draft: StatementCalculation): boolean {
  return (
    draft.lines.length > 0 || draft.projectAdjustments.length > 0 || draft.billingGroupAdjustments.length > 0
  );
}

/** The month before a month (YYYY-MM): the one a month-end batch usually closes. */
export function previousMonth(month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number - 2, 1)).toISOString().slice(0, 7);
}
