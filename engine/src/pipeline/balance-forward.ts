import { type Decimal, ZERO } from '../decimal';
import type { ParsedPrevious } from '../statement-input';
import { type StepContext, sumStep } from './context';

/**
 * Step 7 (DOMAIN §4, §6): the outstanding amount of the latest closed statement, carried forward.
 * It already carries everything older, so nothing is counted twice.
 */
export function carryBalanceForward(previous: ParsedPrevious | null, context: StepContext): Decimal {
  const unpaid = previous?.outstanding ?? ZERO;
  context.trace.record(() =>
    sumStep(
      'unpaid',
      previous
        ? `outstanding on ${previous.statementId} (${previous.month}), carried forward`
        : 'no earlier closed statement',
      { previousStatementId: previous?.statementId ?? null },
      context.money(unpaid),
    ),
  );
  return unpaid;
}
