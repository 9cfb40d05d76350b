import { expect, test } from '../support/api-test';

interface Statement {
  statementId: string | null;
  state: string;
  total: string;
  outstanding: string;
  result: { subtotal: string; adjustmentTotal: string; creditTotal: string; charge: string; vat: string };
}

const MONTH = '2026-09';

test('a billing month end to end: ingest, draft, adjust, grant, close, pay, replay', {
  tag: ['@smoke'],
}, async ({ api, billingGroups }) => {
  const group = await billingGroups.create();
  const base = `/v1/billing-groups/${group.id}`;

  await test.step('ingest 100 hours of c2 compute for project web', async () => {
    const ingested = await api.create<{ verdicts: { verdict: string }[] }>(
      `${base}/usage-events`,
      {
        events: [
          {
            eventId: 'web-c2-sep',
            projectId: 'web',
            counterName: 'compute.c2.c8m8',
            counterType: 'DELTA',
            unit: 'HOURS',
            volume: '100',
            timestamp: `${MONTH}-10T12:00:00Z`,
          },
        ],
      },
      200,
    );
    expect(ingested.verdicts.map((verdict) => verdict.verdict)).toEqual(['accepted']);
  });

  await test.step('the draft prices it: 100 × 397 = 39700, plus 10% VAT', async () => {
    const draft = await api.read<Statement>(`${base}/statements/${MONTH}`);
    expect(draft).toMatchObject({ state: 'DRAFT', statementId: null, total: '43670' });
  });

  await test.step('a 10% discount on project web and a 5000 promotional credit', async () => {
    await api.create(`${base}/adjustments`, {
      month: MONTH,
      type: 'DISCOUNT',
      method: 'RATE',
      value: '10',
      level: 'PROJECT',
      targetProjectId: 'web',
    });
    await api.create(`${base}/credits`, {
      type: 'PROMOTIONAL',
      amount: '5000',
      grantedAt: `${MONTH}-01T00:00:00Z`,
    });
  });

  const closed =
    await test.step('close September: 39700 − 3970 − 5000 = 30730, VAT 3073, total 33803', async () => {
      const statement = await api.create<Statement>(`${base}/statements/${MONTH}/close`, {});
      expect(statement.result).toMatchObject({
        subtotal: '39700',
        adjustmentTotal: '-3970',
        creditTotal: '5000',
        charge: '30730',
        vat: '3073',
      });
      expect(statement).toMatchObject({ state: 'ISSUED', total: '33803' });
      return statement;
    });

  await test.step('pay it in full with the sandbox success token', async () => {
    const payment = await api.post(
      `/v1/statements/${closed.statementId}/payments`,
      { amount: '33803', source: 'tok_success' },
      { headers: { 'Idempotency-Key': `pay-${closed.statementId}` } },
    );
    expect(payment.status()).toBe(201);
    expect(await payment.json()).toMatchObject({ state: 'SUCCEEDED', amount: '33803' });
    expect(await api.read<Statement>(`${base}/statements/${MONTH}`)).toMatchObject({
      state: 'PAID',
      outstanding: '0',
    });
  });

  await test.step('replaying the closed statement gives the same result and hash', async () => {
    const replay = await api.create<{ identical: boolean; expectedHash: string; actualHash: string }>(
      `/v1/statements/${closed.statementId}/replay`,
      {},
      200,
    );
    expect(replay.identical).toBe(true);
    expect(replay.actualHash).toBe(replay.expectedHash);
  });
});
