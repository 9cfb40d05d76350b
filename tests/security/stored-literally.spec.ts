import { expect, test } from '../support/api-test';
import {
  CONTROL_STRINGS,
  INJECTION_STRINGS,
  isWellFormedText,
  UNICODE_STRINGS,
} from './support/hostile-values';
import { mapConcurrently } from './support/http';

/**
 * SQL, markup and template injections, right-to-left and invisible text, control characters: every
 * text field stores them as data (bound parameters, no interpretation) and answers them back
 * byte for byte, on the create, on a read and in a list. Text that has no UTF-8 form (a lone
 * surrogate) cannot be stored as sent, so it is refused with a 422 naming the field instead of
 * being silently changed.
 */

const WELL_FORMED = [...INJECTION_STRINGS, ...UNICODE_STRINGS, ...CONTROL_STRINGS].filter(isWellFormedText);
const ILL_FORMED = [...UNICODE_STRINGS].filter((text) => !isWellFormedText(text));

/** Text fields allow 1–100 characters at least: the long injections are cut to fit. */
const fitting = (text: string) => text.slice(0, 100) || '-';

test.describe('hostile text is stored and answered literally', () => {
  test('billing group names: created, read, listed and changed exactly as sent', async ({
    createTenant,
    securitySummary,
  }) => {
    const tenant = await createTenant();
    for (const text of WELL_FORMED.map(fitting)) {
      const created = await tenant.api.create<{ id: string; name: string }>('/v1/billing-groups', {
        name: text,
      });
      expect(created.name).toBe(text);
      expect((await tenant.api.read<{ name: string }>(`/v1/billing-groups/${created.id}`)).name).toBe(text);
    }
    const listed = await tenant.api.read<{ items: { name: string }[] }>('/v1/billing-groups?limit=100');
    expect(listed.items.map((group) => group.name).sort()).toEqual(WELL_FORMED.map(fitting).sort());

    const renamed = await tenant.api.create<{ id: string }>('/v1/billing-groups', { name: 'to rename' });
    const changed = await tenant.api.patch(`/v1/billing-groups/${renamed.id}`, {
      name: INJECTION_STRINGS[0],
    });
    expect(changed.status()).toBe(200);
    expect((await tenant.api.read<{ name: string }>(`/v1/billing-groups/${renamed.id}`)).name).toBe(
      INJECTION_STRINGS[0],
    );
    securitySummary.count('storedLiterally', 'strings', WELL_FORMED.length);
  });

  test('every other text field keeps hostile text as data', async ({ createTenant }) => {
    const tenant = await createTenant();
    const { api } = tenant;
    const group = await api.create<{ id: string }>('/v1/billing-groups', { name: 'texts' });
    const groupPath = `/v1/billing-groups/${group.id}`;
    await mapConcurrently(WELL_FORMED, 6, async (raw, index) => {
      const text = fitting(raw);
      await test.step(`text ${index}: ${JSON.stringify(text).slice(0, 40)}`, async () => {
        const project = await api.create<{ name: string }>(`${groupPath}/projects`, { name: text });
        expect(project.name).toBe(text);

        const priceBook = await api.create<{ id: string }>('/v1/price-books', {
          name: text,
          currency: 'KRW',
          entries: [
            { counterName: 'compute.c2.c8m8', unit: 'HOURS', pricing: { model: 'PER_UNIT', unitPrice: '1' } },
          ],
        });
        expect((await api.read<{ name: string }>(`/v1/price-books/${priceBook.id}`)).name).toBe(text);

        const contract = await api.create<{ id: string }>('/v1/contracts', { name: text });
        expect((await api.read<{ name: string }>(`/v1/contracts/${contract.id}`)).name).toBe(text);

        const grant = await api.create<{ id: string }>(`${groupPath}/credits`, {
          type: 'FREE',
          amount: '1',
          name: text,
          campaignId: text,
        });
        const storedGrant = await api.read<{ name: string; campaignId: string }>(
          `${groupPath}/credits/${grant.id}`,
        );
        expect([storedGrant.name, storedGrant.campaignId]).toEqual([text, text]);

        const adjustment = await api.create<{ id: string; description: string }>(`${groupPath}/adjustments`, {
          month: '2026-04',
          type: 'SURCHARGE',
          method: 'FIXED',
          value: '1',
          level: 'PROJECT',
          targetProjectId: text,
          description: text,
        });
        expect(adjustment.description).toBe(text);

        const ingested = await api.post(`${groupPath}/usage-events`, {
          events: [
            {
              eventId: `${index}-${text}`,
              projectId: text,
              counterName: 'compute.c2.c8m8',
              counterType: 'DELTA',
              unit: 'HOURS',
              volume: '1',
              timestamp: '2026-04-10T00:00:00Z',
              resourceId: text,
              resourceName: text,
            },
          ],
        });
        expect(ingested.status()).toBe(200);
        const key = await api.create<{ name: string }>('/v1/api-keys', { name: text });
        expect(key.name).toBe(text);
      });
    });

    const events = await api.read<{ items: { eventId: string; projectId: string; resourceName: string }[] }>(
      `${groupPath}/usage-events?limit=100`,
    );
    expect(events.items.map((event) => event.resourceName).sort()).toEqual(WELL_FORMED.map(fitting).sort());
    const adjustments = await api.read<{ items: { description: string; targetProjectId: string }[] }>(
      `${groupPath}/adjustments?limit=100`,
    );
    expect(adjustments.items.map((adjustment) => adjustment.targetProjectId).sort()).toEqual(
      WELL_FORMED.map(fitting).sort(),
    );
  });

  test('text with no UTF-8 form (a lone surrogate) is refused with a 422 naming the field, not stored altered', async ({
    createTenant,
  }) => {
    const tenant = await createTenant();
    for (const text of ILL_FORMED) {
      const response = await tenant.api.post('/v1/billing-groups', { name: text });
      expect(response.status()).toBe(422);
      const problem = await response.json();
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'name', rule: 'unicode' })]);
    }
    const listed = await tenant.api.read<{ items: unknown[] }>('/v1/billing-groups');
    expect(listed.items).toEqual([]);
  });
});
