import type { LoadScenario } from './load';
import { STANDARD } from './standard';

/**
 * Usage ingestion in batches of `size`, the standard statement's lines over and over in `month`,
 * every request with new event ids (`<eventIdPrefix>-<n>`): each event is really stored, none is
 * answered as a duplicate.
 */
export interface IngestionOptions {
  size: number;
  billingGroupId: string;
  month: string;
  eventIdPrefix: string;
}

export function ingestionScenario(options: IngestionOptions): LoadScenario {
  const { size, billingGroupId, month, eventIdPrefix } = options;
  let next = 0;
  const lines = STANDARD.usage;
  const batch = () => {
    const events = Array.from({ length: size }, () => {
      next += 1;
      const line = lines[next % lines.length] as (typeof lines)[number];
      return {
        eventId: `${eventIdPrefix}-${next}`,
        projectId: line.projectId,
        counterName: line.counterName,
        counterType: line.counterType,
        unit: line.unit,
        volume: '1.5',
        timestamp: `${month}-${String((next % 28) + 1).padStart(2, '0')}T12:00:00Z`,
        resourceId: `${line.resourceId ?? 'shared'}-${next % 50}`,
      };
    });
    return JSON.stringify({ events });
  };
  return {
    name: `ingest, batches of ${size}`,
    method: 'POST',
    path: `/v1/billing-groups/${billingGroupId}/usage-events`,
    body: batch,
    acceptedItems: (body) => (JSON.parse(body) as { counts: { accepted: number } }).counts.accepted,
  };
}
