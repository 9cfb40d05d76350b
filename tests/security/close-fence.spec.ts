import { Decimal } from '@billing/engine';
import type { BillingApi } from '../support/api/billing-api';
import type { Schemas } from '../support/api/schemas';
import { type APIResponse, expect, test } from '../support/api-test';
import type { IngestBody, MeteringFixtures } from '../support/fixtures/metering';

/**
 * The close fence (DOMAIN §2, §6): writes racing a month's close either commit before the close's
 * snapshot and are in the statement, or after it and are refused 409 `period-closed`. Accepted
 * means billed. Each round aims a burst of writes, a few milliseconds apart, at the close's window,
 * fires the close in the middle of it, and then compares what was accepted with what was billed.
 */

const MONTH = '2026-11';
const ROUNDS = 5;

/** How a round fires its writes: `writes` of them, `gapMs` apart, the close after the `closeAfter`-th. */
interface Burst {
  writes: number;
  gapMs: number;
  closeAfter: number;
}
/** The measurement of the issue: 30 batches of 25 events, one every 4 ms, the close after the 11th. */
const BATCHES: Burst = { writes: 30, gapMs: 4, closeAfter: 11 };
/** Single writes are quicker than batches, so they come thicker to fill the close's window. */
const SINGLES: Burst = { writes: 60, gapMs: 2, closeAfter: 10 };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type StatementBody = Schemas['Statement'];

/** Fires the burst's writes and the close among them; every request is out before any answer is read. */
async function raceAClose(
  api: BillingApi,
  billingGroupId: string,
  burst: Burst,
  write: (index: number) => Promise<APIResponse>,
): Promise<{ writes: APIResponse[]; close: APIResponse }> {
  const writes: Promise<APIResponse>[] = [];
  let close: Promise<APIResponse> | null = null;
  for (let index = 0; index < burst.writes; index += 1) {
    writes.push(write(index));
    if (index === burst.closeAfter - 1) {
      close = api.post(`/v1/billing-groups/${billingGroupId}/statements/${MONTH}/close`);
    }
    await pause(burst.gapMs);
  }
  return { writes: await Promise.all(writes), close: await (close as Promise<APIResponse>) };
}

/**
 * 2000 usage lines (one resource each), so the close has real work between its snapshot and its
 * commit. On local workerd single writes still do not land inside that window (the fence-disabled
 * run passes too); close-fence-interleaved.spec.ts forces them into it on SQLite.
 */
async function manyUsageLines(usageEvents: MeteringFixtures['usageEvents'], billingGroupId: string) {
  for (let batch = 0; batch < 2; batch += 1) {
    await usageEvents.ingest(
      billingGroupId,
      Array.from({ length: 1000 }, (_, index) =>
        usageEvents.build({
          timestamp: '2026-11-02T00:00:00Z',
          volume: '1',
          resourceId: `vm-${batch}-${index}`,
        }),
      ),
    );
  }
}

async function closedStatement(api: BillingApi, billingGroupId: string): Promise<StatementBody> {
  return api.read<StatementBody>(`/v1/billing-groups/${billingGroupId}/statements/${MONTH}`);
}

test.describe('the close fence: accepted means billed', () => {
  test('usage ingested in bursts around a close is billed exactly when it was accepted', async ({
    api,
    billingGroups,
    usageEvents,
    securitySummary,
  }) => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      await test.step(`round ${round}: 30 batches of 25 events race the close of ${MONTH}`, async () => {
        const group = await billingGroups.create();
        await usageEvents.ingest(group.id, [
          usageEvents.build({ timestamp: '2026-11-02T00:00:00Z', volume: '1' }),
        ]);
        const { writes, close } = await raceAClose(api, group.id, BATCHES, (batch) =>
          usageEvents.send(
            group.id,
            Array.from({ length: 25 }, (_, index) =>
              usageEvents.build({
                eventId: `r${round}-b${batch}-e${index}`,
                timestamp: `2026-11-${String(3 + (index % 25)).padStart(2, '0')}T12:00:00Z`,
                volume: '1',
              }),
            ),
          ),
        );
        expect(close.status(), await close.text()).toBe(201);

        let accepted = 1;
        for (const response of writes) {
          expect(response.status()).toBe(200);
          const { verdicts } = (await response.json()) as IngestBody;
          accepted += verdicts.filter((verdict) => verdict.verdict === 'accepted').length;
          const refusals = verdicts.filter((verdict) => verdict.verdict === 'rejected').map((v) => v.reason);
          expect(new Set(refusals), 'the only refusal is the closed period').toEqual(
            new Set(refusals.length > 0 ? ['period-closed'] : []),
          );
        }
        const statement = await closedStatement(api, group.id);
        const billed = statement.result.lines.reduce((sum, line) => sum.plus(line.quantity), new Decimal(0));
        expect(billed.toString(), `round ${round}: accepted ${accepted} events`).toBe(String(accepted));
        securitySummary.count('close fence', 'usage events raced', BATCHES.writes * 25);
      });
    }
  });

  test('adjustments created around a close are in the statement exactly when they were created', async ({
    api,
    billingGroups,
    usageEvents,
    securitySummary,
  }) => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      await test.step(`round ${round}: 60 adjustments race the close of ${MONTH}`, async () => {
        const group = await billingGroups.create();
        await manyUsageLines(usageEvents, group.id);
        const { writes, close } = await raceAClose(api, group.id, SINGLES, (index) =>
          api.post(`/v1/billing-groups/${group.id}/adjustments`, {
            month: MONTH,
            level: 'BILLING_GROUP',
            type: 'SURCHARGE',
            method: 'FIXED',
            value: '1',
            description: `round ${round} adjustment ${index}`,
          }),
        );
        expect(close.status(), await close.text()).toBe(201);

        const created: string[] = [];
        for (const response of writes) {
          expect([201, 409]).toContain(response.status());
          const body = await response.json();
          if (response.status() === 201) created.push(body.id);
          else expect(body.type).toMatch(/period-closed$/);
        }
        const statement = await closedStatement(api, group.id);
        const billed = statement.result.billingGroupAdjustments.map((adjustment) => adjustment.adjustmentId);
        expect(billed.sort(), `round ${round}`).toEqual(created.sort());
        securitySummary.count('close fence', 'adjustments raced', SINGLES.writes);
      });
    }
  });

  test('credit granted around a close is consumed exactly when its grant committed before the close', async ({
    api,
    billingGroups,
    usageEvents,
    credits,
    securitySummary,
  }) => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      await test.step(`round ${round}: 60 grants race the close of ${MONTH}`, async () => {
        const group = await billingGroups.create();
        // Far more usage than every grant together, so each grant in the snapshot burns whole.
        await manyUsageLines(usageEvents, group.id);
        await credits.grant(group.id, { amount: '1' });
        const { writes, close } = await raceAClose(api, group.id, SINGLES, () =>
          api.post(`/v1/billing-groups/${group.id}/credits`, {
            type: 'PROMOTIONAL',
            amount: '1',
            grantedAt: '2026-11-01T00:00:00Z',
          }),
        );
        expect(close.status(), await close.text()).toBe(201);
        for (const response of writes) expect(response.status()).toBe(201);

        const statement = await closedStatement(api, group.id);
        const consumed = new Set(statement.result.credits.map((credit) => credit.grantId));
        // The ledger is in commit order: every grant written before the close's CONSUME entries was in
        // its snapshot and burned; every grant written after them is untouched.
        const ledger = await credits.ledger(group.id);
        const firstConsume = ledger.findIndex((entry) => entry.kind === 'CONSUME');
        expect(firstConsume).toBeGreaterThan(0);
        const grantedBefore = ledger
          .slice(0, firstConsume)
          .filter((entry) => entry.kind === 'GRANT')
          .map((entry) => entry.grantId);
        expect([...consumed].sort(), `round ${round}`).toEqual(grantedBefore.sort());
        securitySummary.count('close fence', 'credit grants raced', SINGLES.writes);
      });
    }
  });
});
