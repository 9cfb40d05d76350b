import { createHash } from 'node:crypto';
import {
  canonicalJson,
  closeStatement,
  computeStatement,
  replayStatement,
  type StatementInput,
} from '@billing/engine';
import { contentHash, diffValues } from '@billing/engine/internal';
import { expect, test } from '../../support/api-test';
import { asyncValidationIssues, credit, statementInput, usage } from './support';

const CLOSE = { statementId: 'stmt-2026-03', closedAt: '2026-04-01T09:00:00Z' };

/** March: 100 c2 hours and a 10000 promotional credit, with February's 20000 due on March 15. */
function march(overrides: Partial<StatementInput> = {}): StatementInput {
  return statementInput({
    usage: [usage({ quantity: '100' })],
    credits: [credit()],
    previousStatement: {
      statementId: 'stmt-2026-02',
      month: '2026-02',
      outstanding: '20000',
      dueAt: '2026-04-05T00:00:00Z',
    },
    asOf: '2026-03-20T00:00:00Z',
    ...overrides,
  });
}

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, entry]) => [key, reverseKeys(entry)]),
  );
}

test.describe('close: freezing a statement', () => {
  test('closing computes the statement as of the close time, whatever asOf the input had', async () => {
    const closed = await closeStatement(march(), { ...CLOSE, closedAt: '2026-04-06T00:00:00Z' });

    expect(closed.inputs.asOf).toBe('2026-04-06T00:00:00Z');
    expect(closed.result.isOverdue).toBe(true);
    expect(closed.result.lateFee).toBe('1000');
  });

  test('the frozen result is the statement computed from the frozen inputs', {
    tag: ['@smoke'],
  }, async () => {
    const closed = await closeStatement(march(), CLOSE);

    expect(closed.result).toEqual(computeStatement({ ...march(), asOf: CLOSE.closedAt }));
    expect(closed).toMatchObject({
      statementId: 'stmt-2026-03',
      billingGroupId: 'bg-1',
      month: '2026-03',
      closedAt: CLOSE.closedAt,
    });
  });

  test('the due date is the close date plus the default 14 days of payment terms', async () => {
    const closed = await closeStatement(march(), CLOSE);

    expect(closed.dueAt).toBe('2026-04-15T09:00:00.000Z');
  });

  test("the due date follows the billing group's own payment terms", async () => {
    const closed = await closeStatement(march({ billingGroup: { id: 'bg-1', paymentTermsDays: 30 } }), CLOSE);

    expect(closed.dueAt).toBe('2026-05-01T09:00:00.000Z');
  });

  test('the frozen inputs are a copy: changing the original afterwards changes nothing', async () => {
    const input = march();
    const closed = await closeStatement(input, CLOSE);

    (input.usage[0] as { quantity: string }).quantity = '999';

    expect(closed.inputs.usage[0]?.quantity).toBe('100');
  });

  test('closing plans the CONSUME entries of the credits it applied', async () => {
    const closed = await closeStatement(march(), CLOSE);

    expect(closed.creditConsumption).toEqual([
      {
        grantId: 'credit-1',
        kind: 'CONSUME',
        amount: '-10000',
        at: CLOSE.closedAt,
        statementId: 'stmt-2026-03',
      },
    ]);
  });

  test('closing without a statement id or with a malformed close time is refused', async () => {
    const issues = await asyncValidationIssues(() =>
      closeStatement(march(), { statementId: '', closedAt: '2026-04-01' }),
    );

    expect(issues.map((issue) => [issue.field, issue.rule])).toEqual([
      ['statementId', 'non-empty-string'],
      ['closedAt', 'instant'],
    ]);
  });
});

test.describe('close: the content hash', () => {
  test('the content hash is a SHA-256 in hex', async () => {
    const closed = await closeStatement(march(), CLOSE);

    expect(closed.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('the content hash is the SHA-256 of the canonical JSON of inputs and result', async () => {
    const closed = await closeStatement(march(), CLOSE);

    expect(closed.contentHash).toBe(await contentHash({ inputs: closed.inputs, result: closed.result }));
  });

  test('the same input closed twice gives the same hash', async () => {
    const first = await closeStatement(march(), CLOSE);
    const second = await closeStatement(march(), CLOSE);

    expect(second.contentHash).toBe(first.contentHash);
  });

  test('the key order of the input does not change the hash', async () => {
    const ordered = await closeStatement(march(), CLOSE);
    const reordered = await closeStatement(reverseKeys(march()) as StatementInput, CLOSE);

    expect(reordered.contentHash).toBe(ordered.contentHash);
  });

  test('a different input gives a different hash', async () => {
    const hundred = await closeStatement(march(), CLOSE);
    const hundredAndOne = await closeStatement(march({ usage: [usage({ quantity: '101' })] }), CLOSE);

    expect(hundredAndOne.contentHash).not.toBe(hundred.contentHash);
  });

  test('the hash agrees with an independent SHA-256 of the canonical JSON', async () => {
    const closed = await closeStatement(march(), CLOSE);
    const canonical = canonicalJson({ inputs: closed.inputs, result: closed.result });

    expect(closed.contentHash).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
    expect(await contentHash({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });
});

test.describe('replay: recomputing a closed statement', () => {
  test('replaying a closed statement gives the identical result and hash', async () => {
    const closed = await closeStatement(march(), CLOSE);

    const report = await replayStatement(closed);

    expect(report).toEqual({
      identical: true,
      expectedHash: closed.contentHash,
      actualHash: closed.contentHash,
      differences: [],
    });
  });

  test('a tampered total is reported by its path', async () => {
    const closed = await closeStatement(march(), CLOSE);

    const report = await replayStatement({ ...closed, result: { ...closed.result, total: '1' } });

    expect(report.identical).toBe(false);
    expect(report.differences).toEqual([
      { path: 'result.total', expected: '1', actual: closed.result.total },
    ]);
  });

  test('a tampered line amount is reported field by field', async () => {
    const closed = await closeStatement(march(), CLOSE);
    const lines = closed.result.lines.map((line) => ({ ...line, amount: '39000' }));

    const report = await replayStatement({ ...closed, result: { ...closed.result, lines } });

    expect(report.differences.map((difference) => difference.path)).toEqual(['result.lines[0].amount']);
  });

  test('a tampered hash alone is reported as a contentHash difference', async () => {
    const closed = await closeStatement(march(), CLOSE);

    const report = await replayStatement({ ...closed, contentHash: '0'.repeat(64) });

    expect(report.identical).toBe(false);
    expect(report.differences).toEqual([
      { path: 'contentHash', expected: '0'.repeat(64), actual: closed.contentHash },
    ]);
  });
});

test.describe('canonical JSON and diffs', () => {
  test('canonical JSON sorts keys at every depth and leaves no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: true, e: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"e":null,"f":true}]},"b":1}',
    );
  });

  test('canonical JSON drops undefined members and writes undefined array items as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  test('objects equal up to key order have the same canonical JSON', () => {
    expect(canonicalJson(reverseKeys(march()))).toBe(canonicalJson(march()));
  });

  test('diffValues lists each differing leaf by its path', () => {
    const differences = diffValues(
      { total: '100', lines: [{ amount: '10' }, { amount: '20' }], currency: 'KRW' },
      { total: '101', lines: [{ amount: '10' }, { amount: '21' }, { amount: '5' }], currency: 'KRW' },
    );

    expect(differences).toEqual([
      { path: 'lines[1].amount', expected: '20', actual: '21' },
      { path: 'lines[2]', expected: undefined, actual: { amount: '5' } },
      { path: 'total', expected: '100', actual: '101' },
    ]);
  });

  test('diffValues of equal values is empty, and of differing scalars names the root', () => {
    expect(diffValues({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
    expect(diffValues('1', '2')).toEqual([{ path: '$', expected: '1', actual: '2' }]);
  });
});
