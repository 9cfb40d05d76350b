import fc from 'fast-check';
import { oracleCreditNoteAmounts } from '../regression/oracle/credit-notes';
import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';
import { apiRuns } from '../support/fixtures/random';
import { settleAll } from '../support/settle-all';

/**
 * Property of credit notes (DOMAIN §6, issue 22): whatever payments, refunds and credit notes a
 * statement takes, one after another or racing, it never owes less than 0: outstanding = total −
 * credited − paid ≥ 0, its notes add up to no more than its total, each note's VAT is at the
 * statement's rate and rounding point (the regression oracle's arithmetic), applied + refunded = its
 * total, each refund is a REFUND grant of exactly that much, and it is PAID exactly when nothing is
 * outstanding. Each run bills a billing group of its own in the worker's tenant.
 */

type Statement = Schemas['Statement'];
type CreditNote = Schemas['CreditNote'];
type RoundingMode = 'HALF_UP' | 'HALF_EVEN' | 'FLOOR' | 'CEIL';

/**
 * A payment of `share`% of what the statement owed when the step began, a credit note of net
 * `share`% of its total (over 100: more than can fit), or a refund of its newest succeeded payment.
 */
type Operation = { kind: 'pay' | 'credit'; share: number } | { kind: 'refund' };

interface Scenario {
  hours: string;
  vatRate: string;
  roundingMode: RoundingMode;
  /** Steps one after another; the operations of a step race one another. */
  steps: Operation[][];
}

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('pay' as const), share: fc.integer({ min: 1, max: 120 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('credit' as const), share: fc.integer({ min: 1, max: 130 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refund' as const) }) },
);

const scenario: fc.Arbitrary<Scenario> = fc.record({
  // 397 won an hour: from 397 to 79400 before VAT, halves included.
  hours: fc.constantFrom('1', '12.5', '33.3', '100', '200'),
  vatRate: fc.constantFrom('10', '7.7', '0'),
  roundingMode: fc.constantFrom('HALF_UP', 'HALF_EVEN', 'FLOOR', 'CEIL'),
  steps: fc.array(fc.array(operation, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 8 }),
});

const won = (text: string) => BigInt(text);

/** Every answer a step may get: done, refused (409 conflict, 422 over the total), never a 5xx. */
const EXPECTED_STATUSES = [200, 201, 409, 422];

test.describe('properties: credit notes', () => {
  test('property: credit notes never push a statement below zero, whatever payments and refunds race them', async ({
    api,
    checkApiProperty,
    dataName,
    payments,
  }) => {
    let run = 0;
    // A run is a group, a close and up to 24 requests: a handful keeps the suite fast. Shrinking a
    // failure reruns it dozens of times, hence the time beyond the runs themselves.
    test.setTimeout(60_000 + apiRuns * 5_000);
    await checkApiProperty(scenario, async ({ hours, vatRate, roundingMode, steps }) => {
      run += 1;
      const group = await api.create<{ id: string }>('/v1/billing-groups', {
        name: `${dataName}-cn-property-${run}`,
        vatRate,
        roundingMode,
      });
      await api.create(
        `/v1/billing-groups/${group.id}/usage-events`,
        {
          events: [
            {
              eventId: `${dataName}-cn-${run}`,
              projectId: 'p-cn',
              counterName: 'compute.c2.c8m8',
              counterType: 'DELTA',
              unit: 'HOURS',
              volume: hours,
              timestamp: '2026-03-10T00:00:00Z',
            },
          ],
        },
        200,
      );
      const closed = await api.create<Statement>(
        `/v1/billing-groups/${group.id}/statements/2026-03/close`,
        {},
      );
      const statementId = closed.statementId as string;
      const total = won(closed.total);
      const facts = { currency: 'KRW' as const, vatRate, roundingMode };

      const operate = async (op: Operation, before: Statement, succeeded: string[]) => {
        if (op.kind === 'refund') {
          const paymentId = succeeded.at(-1);
          if (!paymentId) return;
          const response = await payments.refund(paymentId);
          expect(EXPECTED_STATUSES, `refund: ${await response.text()}`).toContain(response.status());
          return;
        }
        if (op.kind === 'pay') {
          const owed = won(before.outstanding);
          const amount = (owed * BigInt(op.share)) / 100n || 1n;
          const response = await payments.pay(statementId, { amount: String(amount), source: 'tok_success' });
          expect(EXPECTED_STATUSES, `pay ${amount}: ${await response.text()}`).toContain(response.status());
          return;
        }
        const net = (total * BigInt(op.share)) / 100n || 1n;
        const response = await api.post(`/v1/statements/${statementId}/credit-notes`, {
          net: String(net),
          reason: `property ${op.share}%`,
        });
        const body = await response.json();
        expect(EXPECTED_STATUSES, `credit net ${net}: ${JSON.stringify(body)}`).toContain(response.status());
        if (response.status() === 422) {
          expect(body.errors, 'refused on its net, as more than is left to credit').toEqual([
            expect.objectContaining({ field: 'net', rule: 'exceeds-total' }),
          ]);
        }
        if (response.status() === 201) {
          const amounts = oracleCreditNoteAmounts(String(net), facts);
          expect(
            { vat: won(body.vat), total: won(body.total) },
            'VAT at the statement’s rate and rounding',
          ).toEqual({
            vat: amounts.vat,
            total: amounts.total,
          });
        }
      };

      const standing = async (when: string) => {
        const [statement, notes, paid, grants] = await Promise.all([
          api.read<Statement>(`/v1/statements/${statementId}`),
          api.read<{ items: CreditNote[] }>(`/v1/statements/${statementId}/credit-notes`),
          payments.list(statementId),
          api.read<{ items: { id: string; type: string; amount: string }[] }>(
            `/v1/billing-groups/${group.id}/credits?limit=100`,
          ),
        ]);
        const outstanding = won(statement.outstanding);
        const credited = won(statement.credited);
        const succeeded = paid.filter((payment) => payment.state === 'SUCCEEDED');
        const paidSum = succeeded.reduce((sum, payment) => sum + won(payment.amount), 0n);
        const notesSum = notes.items.reduce((sum, note) => sum + won(note.total), 0n);
        expect(outstanding >= 0n, `${when}: outstanding ${outstanding} ≥ 0`).toBe(true);
        expect(notesSum <= total, `${when}: credit notes ${notesSum} ≤ total ${total}`).toBe(true);
        expect(
          { outstanding, credited, paid: won(statement.paid), paidState: statement.state === 'PAID' },
          `${when}: outstanding = total − credited − paid, PAID exactly when it is 0`,
        ).toEqual({
          outstanding: total - credited - paidSum,
          credited: notes.items.reduce((sum, note) => sum + won(note.applied), 0n),
          paid: paidSum,
          paidState: outstanding === 0n,
        });
        for (const note of notes.items) {
          expect(won(note.applied) + won(note.refunded), `${note.number}: applied + refunded`).toBe(
            won(note.total),
          );
          const grant = grants.items.find((entry) => entry.id === note.refundGrantId);
          expect(
            grant ? { type: grant.type, amount: won(grant.amount) } : null,
            `${note.number}: its refund is a REFUND grant of exactly the excess`,
          ).toEqual(won(note.refunded) > 0n ? { type: 'REFUND', amount: won(note.refunded) } : null);
        }
        return { statement, succeeded: succeeded.map((payment) => payment.id) };
      };

      let now = await standing('after the close');
      for (const [index, step] of steps.entries()) {
        const before = now;
        await settleAll(step.map((op) => operate(op, before.statement, before.succeeded)));
        now = await standing(`after step ${index + 1} (${step.map(describeOperation).join(' racing ')})`);
      }
    });
  });
});

const describeOperation = (op: Operation) => (op.kind === 'refund' ? 'refund' : `${op.kind} ${op.share}%`);
