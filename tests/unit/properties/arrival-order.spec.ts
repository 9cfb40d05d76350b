import { computeStatement } from '@billing/engine';
import { arbShuffled, arbStatementInput } from '@billing/fixtures';
import fc from 'fast-check';
import { expect, test } from '../../support/api-test';

/** A statement input and the same input with its usage, adjustments and credits in another order. */
const arbReordered = arbStatementInput().chain((input) =>
  fc.tuple(
    fc.constant(input),
    fc
      .record({
        usage: arbShuffled(input.usage),
        adjustments: arbShuffled(input.adjustments),
        credits: arbShuffled(input.credits),
      })
      .map((lists) => ({ ...input, ...lists })),
  ),
);

/** The adjustments with their ids dealt out again: the engine applies them in id order, so this reorders the work. */
const arbRenumbered = arbStatementInput().chain((input) =>
  fc.tuple(
    fc.constant(input),
    arbShuffled(input.adjustments.map((adjustment) => adjustment.id)).map((ids) => ({
      ...input,
      adjustments: input.adjustments.map((adjustment, index) => ({
        ...adjustment,
        id: ids[index] as string,
      })),
    })),
  ),
);

test.describe('properties: order never matters (DOMAIN §2, §4)', () => {
  test('property: arrival order (shuffled usage, adjustments, credits) never changes the statement', async ({
    checkProperty,
  }) => {
    await checkProperty(arbReordered, ([input, reordered]) => {
      expect(computeStatement(reordered)).toEqual(computeStatement(input));
    });
  });

  test('property: same-level adjustments commute (any order of application gives the same totals)', async ({
    checkProperty,
  }) => {
    await checkProperty(arbRenumbered, ([input, renumbered]) => {
      const totals = ({
        subtotal,
        contractTotal,
        adjustmentTotal,
        chargeBeforeCredits,
        creditTotal,
        charge,
        vat,
        total,
      }: ReturnType<typeof computeStatement>) => ({
        subtotal,
        contractTotal,
        adjustmentTotal,
        chargeBeforeCredits,
        creditTotal,
        charge,
        vat,
        total,
      });
      expect(totals(computeStatement(renumbered))).toEqual(totals(computeStatement(input)));
    });
  });
});
