import Decimal from 'decimal.js';
import type { StatementCalculation } from '@/api/types';
import type { Locale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';
import { formatDay } from '@/lib/months';

type TraceStep = StatementCalculation['trace'][number];
type RoundingMode = StatementCalculation['roundingMode'];

export interface ExplainContext {
  locale: Locale;
  /** An amount as the reader sees it ("KRW 39,700" in the PDF, "₩39,700" on a page). */
  money: (amount: string) => string;
  /** A credit grant's name, never its id. */
  creditName: (grantId: string) => string;
  /** A project's name, else its id. */
  projectName: (projectId: string) => string;
}

/**
 * The explain trace (DOMAIN §8) in plain words: one sentence per step, with the statement's own
 * figures, in the reader's language. The usage lines are the line-item table, so their steps are
 * told once, by the subtotal. A step of a rule this does not know keeps the engine's description.
 */
export function explainInWords(trace: readonly TraceStep[], context: ExplainContext): string[] {
  return trace
    .filter((step) => step.rule !== 'usage-line')
    .map((step) => {
      const sentence = sentenceFor(step, trace, context);
      return step.rounding && !new Decimal(step.rounding.before).equals(step.rounding.after)
        ? withRounding(sentence, step.rounding.before, step.rounding.mode, context)
        : sentence;
    });
}

function sentenceFor(step: TraceStep, trace: readonly TraceStep[], context: ExplainContext): string {
  const { locale, money } = context;
  const t = messages[locale];
  const steps = t.pdf.steps;
  const input = (name: string) => String(step.inputs[name] ?? '');
  switch (step.rule) {
    case 'subtotal':
      return steps.subtotal(trace.filter(({ rule }) => rule === 'usage-line').length, money(step.result));
    case 'contract':
      return step.result === 'applies' ? steps.contractApplies : steps.contractIgnored;
    case 'contract-discount':
      return steps.contractDiscount(input('discountRate'), money(step.result));
    case 'minimum-commitment':
      return isZero(step.result)
        ? steps.minimumMet(money(input('minimumCharge')), money(input('discountedUsage')))
        : steps.minimumTrueUp(
            money(input('minimumCharge')),
            money(input('discountedUsage')),
            money(step.result),
          );
    case 'project-adjustment':
    case 'billing-group-adjustment': {
      const type = input('type') === 'SURCHARGE' ? 'SURCHARGE' : 'DISCOUNT';
      const how =
        input('method') === 'RATE'
          ? t.pdf.rateOf(input('value'), money(input('base')))
          : t.pdf.fixed(money(input('value')));
      const target = step.inputs.targetProjectId
        ? t.pdf.projectTarget(context.projectName(input('targetProjectId')))
        : t.pdf.groupTarget;
      return steps.adjustment(
        t.enums.adjustmentType[type],
        how,
        target,
        money(step.result),
        step.notes.length > 0,
      );
    }
    case 'charge-before-credits':
      return steps.chargeBeforeCredits(money(step.result), step.notes.length > 0);
    case 'credit-burn':
      return steps.creditBurn(
        context.creditName(input('grantId')),
        money(step.result),
        money(input('remainingCharge')),
        money(input('balance')),
      );
    case 'credit-skipped': {
      const reason = input('reason') as keyof typeof t.enums.skippedReason;
      return steps.creditSkipped(
        context.creditName(input('grantId')),
        t.enums.skippedReason[reason] ?? reason,
      );
    }
    case 'charge':
      return steps.charge(money(step.result));
    case 'vat':
      return steps.vat(input('vatRate'), money(input('charge')), money(step.result));
    case 'unpaid':
      return step.inputs.previousStatementId ? steps.unpaid(money(step.result)) : steps.noUnpaid;
    case 'late-fee':
      return step.inputs.dueAt && !isZero(step.result)
        ? steps.lateFee(
            input('lateFeeRate'),
            money(input('unpaid')),
            formatDay(input('dueAt'), locale),
            money(step.result),
          )
        : steps.noLateFee;
    case 'total':
      return steps.total(money(step.result));
    default:
      return `${step.description}: ${step.result}`;
  }
}

function withRounding(sentence: string, before: string, mode: RoundingMode, context: ExplainContext): string {
  const t = messages[context.locale].pdf;
  const clause = t.rounded(context.money(before), t.roundingModes[mode]);
  return sentence.endsWith('.') ? `${sentence.slice(0, -1)}${clause}.` : `${sentence}${clause}`;
}

function isZero(amount: string): boolean {
  return /^-?0*(\.0*)?$/.test(amount);
}
