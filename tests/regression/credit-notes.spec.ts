import {
  type CreditableStatement,
  creditNoteAmounts,
  Decimal,
  settleCreditNote,
  ValidationError,
} from '@billing/engine';
import type { Schemas } from '../support/api/schemas';
import { expect, test } from '../support/api-test';
import type { BillingMonth, Currency, RoundingMode } from './billing-month';
import {
  OracleCreditedStatement,
  type OracleCreditNoteOutcome,
  oracleCreditNote,
  oracleCreditNoteAmounts,
  oracleLargestNet,
  oracleOutstanding,
} from './oracle/credit-notes';
import { formatMinor, MINOR_DIGITS } from './oracle/exact';
import { oracleStatement } from './oracle/statement';
import {
  type CreditNoteCase,
  CURRENCIES,
  creditNoteCases,
  STATEMENT_TOTAL_MINOR,
} from './support/credit-note-cases';

type CreditNote = Schemas['CreditNote'];
type Statement = Schemas['Statement'];

/** A wire amount equals `minor` minor units exactly ("1.10" and "1.1" are both 110 cents). */
function sameAmount(text: string | undefined, minor: bigint, currency: Currency): boolean {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text ?? '');
  if (!match) return false;
  const [, sign = '', whole = '', fraction = ''] = match;
  const value = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
  return value * 10n ** BigInt(MINOR_DIGITS[currency]) === minor * 10n ** BigInt(fraction.length);
}

// ---------------------------------------------------------------------------------------------
// The oracle against DOMAIN §6 and the hand-checked numbers of the integration tier

test.describe('credit notes: the oracle by docs/domain.md §6', () => {
  const krw = { currency: 'KRW', vatRate: '10', roundingMode: 'HALF_UP', total: 43_670n } as const;

  test('VAT at the statement’s rate and rounding point; the split against the outstanding amount', {
    tag: ['@regression'],
  }, () => {
    // 100 hours at 397 = 39700, VAT 10%: total 43670 (tests/integration/credit-notes.spec.ts).
    expect(oracleCreditNoteAmounts('10000', krw)).toEqual({ net: 10_000n, vat: 1_000n, total: 11_000n });
    expect(oracleCreditNote('10000', krw, 0n, 43_670n)).toMatchObject({ applied: 11_000n, refunded: 0n });
    // 40000 paid leaves 3670 outstanding: that much is applied, the other 7330 refunded.
    expect(oracleCreditNote('10000', krw, 0n, 3_670n)).toMatchObject({ applied: 3_670n, refunded: 7_330n });
    expect(oracleCreditNote('1000', krw, 0n, 0n)).toMatchObject({ applied: 0n, refunded: 1_100n });
    // 33000 credited leaves 10670 to credit: a note of 11000 is refused on its net.
    expect(oracleCreditNote('10000', krw, 33_000n, 10_670n)).toEqual({
      accepted: false,
      field: 'net',
      rule: 'exceeds-total',
      amounts: { net: 10_000n, vat: 1_000n, total: 11_000n },
      left: 10_670n,
    });
    expect(oracleOutstanding(43_670n, 33_000n, 0n)).toBe(10_670n);
    // The most a note can credit when 10670 is left: net 9700 comes to 10670 exactly.
    expect(oracleLargestNet(10_670n, krw)).toBe(9_700n);
    expect(oracleLargestNet(10_669n, krw)).toBe(9_699n);
    expect(oracleLargestNet(0n, krw)).toBe(0n);
  });

  test('VAT on halves follows the rounding mode; cents round at the cent', { tag: ['@regression'] }, () => {
    const vatOf = (net: string, currency: Currency, vatRate: string, roundingMode: RoundingMode) =>
      oracleCreditNoteAmounts(net, { currency, vatRate, roundingMode }).vat;
    // 5 won at 10% is 0.5 won.
    expect(vatOf('5', 'KRW', '10', 'HALF_UP')).toBe(1n);
    expect(vatOf('5', 'KRW', '10', 'HALF_EVEN')).toBe(0n);
    expect(vatOf('5', 'KRW', '10', 'FLOOR')).toBe(0n);
    expect(vatOf('5', 'KRW', '10', 'CEIL')).toBe(1n);
    // 15 won at 10% is 1.5 won: HALF_EVEN goes to 2.
    expect(vatOf('15', 'KRW', '10', 'HALF_EVEN')).toBe(2n);
    // 3.33 USD at 8.25% is 0.274725 USD: 27 cents, or 28 rounding up.
    expect(vatOf('3.33', 'USD', '8.25', 'HALF_UP')).toBe(27n);
    expect(vatOf('3.33', 'USD', '8.25', 'CEIL')).toBe(28n);
    expect(() => vatOf('0.001', 'USD', '10', 'HALF_UP')).toThrow(/minor unit/);
  });

  test('a statement’s life: credited and refunded against paid, PAID once nothing is outstanding', {
    tag: ['@regression'],
  }, () => {
    const statement = new OracleCreditedStatement(krw);
    expect(statement.creditNote('10000')).toMatchObject({ applied: 11_000n, refunded: 0n });
    expect(statement.pay(32_670n)).toBe(true);
    expect(statement.isPaid).toBe(true);
    expect(statement.pay(1n)).toBe(false);
    expect(statement.creditNote('20000')).toMatchObject({ applied: 0n, refunded: 22_000n });
    // 43670 − 33000 = 10670 left to credit: net 9700 comes to 10670 exactly.
    expect(statement.creditNote('9701')).toMatchObject({ accepted: false, left: 10_670n });
    expect(statement.creditNote('9700')).toMatchObject({ accepted: true, refunded: 10_670n });
    expect(statement.creditNote('1')).toMatchObject({ accepted: false, left: 0n });
    expect({ notes: statement.notes, credited: statement.credited, refunded: statement.refunded }).toEqual({
      notes: 43_670n,
      credited: 11_000n,
      refunded: 32_670n,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The engine's pure functions against the oracle, case by case

interface EngineAnswer {
  refused?: { field: string; rule: string }[];
  vat?: string;
  total?: string;
  applied?: string;
  refunded?: string;
}

function engineCreditNote(entry: CreditNoteCase): EngineAnswer {
  const { currency, standing } = entry;
  const facts: CreditableStatement = {
    currency,
    vatRate: entry.vatRate,
    roundingMode: entry.roundingMode,
    total: formatMinor(STATEMENT_TOTAL_MINOR, currency),
  };
  const amounts = creditNoteAmounts(new Decimal(entry.net), facts);
  const outstanding = oracleOutstanding(STATEMENT_TOTAL_MINOR, standing.credited, standing.paid);
  try {
    const settlement = settleCreditNote(
      facts,
      standing.notesBefore.map((total) => formatMinor(total, currency)),
      amounts,
      new Decimal(formatMinor(outstanding, currency)),
    );
    return { vat: amounts.vat, total: amounts.total, ...settlement };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return {
      vat: amounts.vat,
      total: amounts.total,
      refused: error.issues.map(({ field, rule }) => ({ field, rule })),
    };
  }
}

/** How the engine's answer differs from the oracle's, one line per figure. */
function differencesFrom(oracle: OracleCreditNoteOutcome, engine: EngineAnswer, currency: Currency) {
  const found: string[] = [];
  const figure = (name: string, expected: bigint, actual: string | undefined) => {
    if (!sameAmount(actual, expected, currency))
      found.push(`${name}: oracle ${formatMinor(expected, currency)}, engine ${actual ?? '(none)'}`);
  };
  figure('vat', oracle.amounts.vat, engine.vat);
  figure('total', oracle.amounts.total, engine.total);
  if (oracle.accepted) {
    if (engine.refused) found.push(`oracle accepts it, engine refuses it: ${JSON.stringify(engine.refused)}`);
    else {
      figure('applied', oracle.applied, engine.applied);
      figure('refunded', oracle.refunded, engine.refunded);
    }
  } else {
    const expected = [{ field: oracle.field, rule: oracle.rule }];
    if (JSON.stringify(engine.refused) !== JSON.stringify(expected))
      found.push(
        `oracle refuses it (${oracle.rule} on ${oracle.field}, ${formatMinor(oracle.left, currency)} left), ` +
          `engine answers ${JSON.stringify(engine)}`,
      );
  }
  return found;
}

test.describe('credit notes: the engine’s creditNoteAmounts and settleCreditNote agree with the oracle', () => {
  for (const currency of CURRENCIES) {
    const cases = creditNoteCases(currency);
    test(
      `${currency}: ${cases.length} credit notes (rounding × VAT rate × net × standing)`,
      {
        tag: ['@regression'],
      },
      async ({}, testInfo) => {
        const disagreements = cases.flatMap((entry) => {
          const oracle = oracleCreditNote(
            entry.net,
            {
              currency,
              vatRate: entry.vatRate,
              roundingMode: entry.roundingMode,
              total: STATEMENT_TOTAL_MINOR,
            },
            entry.standing.notesBefore.reduce((sum, total) => sum + total, 0n),
            oracleOutstanding(STATEMENT_TOTAL_MINOR, entry.standing.credited, entry.standing.paid),
          );
          let engine: EngineAnswer;
          try {
            engine = engineCreditNote(entry);
          } catch (error) {
            return [{ what: entry.what, differences: [`the engine threw ${String(error)}`] }];
          }
          const differences = differencesFrom(oracle, engine, currency);
          return differences.length > 0 ? [{ what: entry.what, differences }] : [];
        });
        if (disagreements.length > 0) {
          await testInfo.attach('disagreements with the oracle', {
            body: JSON.stringify(disagreements, null, 2),
            contentType: 'application/json',
          });
        }
        const shown = disagreements
          .slice(0, 15)
          .map((entry) => `${entry.what}\n    ${entry.differences.join('\n    ')}`);
        expect(
          disagreements.length,
          [
            `${disagreements.length} of ${cases.length} credit notes: the engine disagrees with the oracle`,
            ...shown,
          ].join('\n'),
        ).toBe(0);
      },
    );
  }
});

// ---------------------------------------------------------------------------------------------
// The API against the oracle: a statement's whole life under credit notes and payments

/**
 * Each scenario bills 100 hours of compute (39700) and 33.333 GPU hours (5555.61111) in March 2026
 * at its own VAT rate and rounding mode, so that the statement's total and every note's VAT round.
 */
const API_SCENARIOS: { roundingMode: RoundingMode; vatRate: string; firstNet: string }[] = [
  // VAT 123.5 → 124; 192.5 → 192 (to even); 101.8875 → 101; 234.65 → 235: each mode decides.
  { roundingMode: 'HALF_UP', vatRate: '10', firstNet: '1235' },
  { roundingMode: 'HALF_EVEN', vatRate: '7.7', firstNet: '2500' },
  { roundingMode: 'FLOOR', vatRate: '8.25', firstNet: '1235' },
  { roundingMode: 'CEIL', vatRate: '19', firstNet: '1235' },
];

const USAGE = [
  { projectId: 'p-cn', counterName: 'compute.c2.c8m8', unit: 'HOURS', quantity: '100' },
  { projectId: 'p-cn', counterName: 'compute.g2.t4.c8m64', unit: 'HOURS', quantity: '33.333' },
];

function oracleMonth(roundingMode: RoundingMode, vatRate: string): BillingMonth {
  return {
    month: '2026-03',
    billingGroup: { currency: 'KRW', vatRate, roundingMode, paymentTermsDays: 14, lateFeeRate: '5' },
    usage: USAGE,
    adjustments: [],
    credits: [],
    asOf: '2026-04-01T00:00:00Z',
  };
}

test.describe('credit notes through the API agree with the oracle', () => {
  for (const { roundingMode, vatRate, firstNet } of API_SCENARIOS) {
    test(`${roundingMode}, VAT ${vatRate}%: notes on an unpaid, a partly paid and a paid statement, to the brim`, {
      tag: ['@regression'],
    }, async ({ api, dataName, payments }) => {
      const group = await api.create<{ id: string }>('/v1/billing-groups', {
        name: `${dataName}-cn-${roundingMode}`,
        vatRate,
        roundingMode,
      });
      await api.create(
        `/v1/billing-groups/${group.id}/usage-events`,
        {
          events: USAGE.map((usage, index) => ({
            eventId: `${dataName}-${roundingMode}-ev-${index}`,
            projectId: usage.projectId,
            counterName: usage.counterName,
            counterType: 'DELTA',
            unit: usage.unit,
            volume: usage.quantity,
            timestamp: '2026-03-10T00:00:00Z',
          })),
        },
        200,
      );
      const closed = await api.create<Statement>(
        `/v1/billing-groups/${group.id}/statements/2026-03/close`,
        {},
      );
      const expectedTotal = oracleStatement(oracleMonth(roundingMode, vatRate)).total;
      expect(closed.total, 'the statement’s total is the oracle’s').toBe(formatMinor(expectedTotal, 'KRW'));
      const oracle = new OracleCreditedStatement({
        currency: 'KRW',
        vatRate,
        roundingMode,
        total: expectedTotal,
      });
      const path = `/v1/statements/${closed.statementId}`;

      const expectStanding = async (when: string) => {
        const statement = await api.read<Statement>(path);
        expect(
          {
            credited: statement.credited,
            paid: statement.paid,
            outstanding: statement.outstanding,
            paidState: statement.state === 'PAID',
          },
          `the statement ${when}`,
        ).toEqual({
          credited: formatMinor(oracle.credited, 'KRW'),
          paid: formatMinor(oracle.paid, 'KRW'),
          outstanding: formatMinor(oracle.outstanding, 'KRW'),
          paidState: oracle.isPaid,
        });
      };
      const creditNote = async (net: string, lineId: string | null = null) => {
        const expected = oracle.creditNote(net);
        const response = await api.post(`${path}/credit-notes`, { net, reason: `regression ${net}`, lineId });
        const body = await response.json();
        if (!expected.accepted) {
          expect(response.status(), `net ${net}: ${JSON.stringify(body)}`).toBe(422);
          expect(body.errors).toEqual([expect.objectContaining({ field: 'net', rule: 'exceeds-total' })]);
          await expectStanding(`after a refused note of net ${net}`);
          return null;
        }
        expect(response.status(), `net ${net}: ${JSON.stringify(body)}`).toBe(201);
        const note = body as CreditNote;
        expect(
          { net: note.net, vat: note.vat, total: note.total, applied: note.applied, refunded: note.refunded },
          `the credit note of net ${net} against the oracle`,
        ).toEqual({
          net: formatMinor(expected.amounts.net, 'KRW'),
          vat: formatMinor(expected.amounts.vat, 'KRW'),
          total: formatMinor(expected.amounts.total, 'KRW'),
          applied: formatMinor(expected.applied, 'KRW'),
          refunded: formatMinor(expected.refunded, 'KRW'),
        });
        if (expected.refunded > 0n) {
          const grant = await api.read<{ type: string; amount: string }>(
            `/v1/billing-groups/${group.id}/credits/${note.refundGrantId}`,
          );
          expect(grant, 'the refund is a REFUND grant of exactly the excess').toMatchObject({
            type: 'REFUND',
            amount: formatMinor(expected.refunded, 'KRW'),
          });
        } else {
          expect(note.refundGrantId, 'nothing refunded, no grant').toBeNull();
        }
        await expectStanding(`after a note of net ${net}`);
        return note;
      };
      const pay = async (amount: bigint) => {
        expect(oracle.pay(amount), `the oracle lets ${amount} be paid`).toBe(true);
        const response = await payments.pay(closed.statementId ?? '', {
          amount: formatMinor(amount, 'KRW'),
          source: 'tok_success',
        });
        expect(response.status(), `pay ${amount}: ${await response.text()}`).toBe(201);
        await expectStanding(`after paying ${amount}`);
      };

      await test.step('unpaid: a note tied to a usage line lowers the outstanding amount', async () => {
        const lineId = closed.result.lines[0]?.lineId ?? null;
        const note = await creditNote(firstNet, lineId);
        expect(note?.lineId).toBe(lineId);
      });
      await test.step('partly paid: half the outstanding amount paid, then a note larger than the rest', async () => {
        await pay(oracle.outstanding / 2n);
        await creditNote(String(oracle.outstanding + 777n));
        expect(oracle.outstanding, 'the note brought the outstanding amount to 0').toBe(0n);
      });
      await test.step('paid: a note is all refund, and no payment can follow', async () => {
        await creditNote('333');
        const refused = await payments.pay(closed.statementId ?? '', { amount: '1', source: 'tok_success' });
        expect(refused.status()).toBe(409);
      });
      await test.step('to the brim: the largest net that fits is accepted, one more is refused', async () => {
        const largest = oracleLargestNet(oracle.statement.total - oracle.notes, oracle.statement);
        await creditNote(String(largest + 1n));
        await creditNote(String(largest));
        await creditNote('1');
      });
      const listed = await api.read<{ items: CreditNote[] }>(`${path}/credit-notes`);
      const sum = listed.items.reduce((total, note) => total + BigInt(note.total), 0n);
      expect(sum, 'the notes listed add up to the oracle’s').toBe(oracle.notes);
      expect(sum <= expectedTotal, 'never more than the statement’s total').toBe(true);
    });
  }
});
