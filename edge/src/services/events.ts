import type { AppDeps } from '../deps';
import type { EventRecord, EventType, NewEvent } from '../storage/ports/events';

/**
 * Tells the host's webhook dispatcher that a tenant's events were written (after their write
 * committed), so their deliveries go out now rather than at the next sweep. A lost call delays
 * them only: the deliveries are rows, and the scheduled sweep finds every one that is due.
 */
export interface OutboxNotifier {
  wrote(tenantId: string): Promise<void> | void;
}

/** Where no dispatcher listens: the deliveries wait for the sweep (or for no one, on a host without). */
export const QUIET_OUTBOX: OutboxNotifier = { wrote: () => undefined };

/**
 * A new event (DOMAIN §8b) about `object`, as the API shows it. `once`: a key that makes the event
 * once-only for the tenant (a change that happens once, or a condition reported once); by default
 * the event's own id, so every write of it is a new event.
 */
export function newEvent(
  deps: Pick<AppDeps, 'clock' | 'newId'>,
  tenantId: string,
  type: EventType,
  object: { id?: string; statementId?: string | null } & Record<string, unknown>,
  once?: string,
): NewEvent {
  const objectId = object.id ?? object.statementId;
  if (!objectId) throw new Error(`an event's object needs its id (${type})`);
  const id = deps.newId('evt');
  return {
    id,
    tenantId,
    type,
    objectId,
    createdAt: deps.clock().toISOString(),
    data: { object },
    dedupeKey: once ?? id,
  };
}

/** An event as the API and its deliveries show it. */
export const eventToWire = (event: EventRecord) => ({
  id: event.id,
  type: event.type,
  tenantId: event.tenantId,
  createdAt: event.createdAt,
  data: event.data,
});
