import type { Page, PageRequest } from './tenants';

/** The types of event the edge reports (DOMAIN §8b). */
export const EVENT_TYPES = [
  'statement.closed',
  'statement.voided',
  'credit_note.created',
  'payment.succeeded',
  'payment.failed',
  'payment.refunded',
  'credit.expiring',
  'credit.low',
  'budget.threshold_crossed',
  'job.finished',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** An event as stored and as the API shows it: `data.object` is its object as the API shows that. */
export interface EventRecord {
  id: string;
  tenantId: string;
  type: EventType;
  /** The id of the object it reports on: deliveries keep the order of one object's events. */
  objectId: string;
  createdAt: string;
  data: { object: Record<string, unknown> };
}

/**
 * An event to write. `dedupeKey` makes it once-only: an event whose key the tenant has is not
 * written again (a credit found expiring twice, a budget crossed again the same month).
 */
export interface NewEvent extends EventRecord {
  dedupeKey: string;
}

export interface EventFilter {
  type: EventType | null;
  /** Only events about this object. */
  objectId: string | null;
}

/** Events (owner: the event routes); written by the stores of the changes they report. */
export interface EventStore {
  /**
   * Writes events that report a condition found rather than a write (an expiring credit, a crossed
   * budget): each once per dedupe key; returns the ones that were new.
   */
  recordEvents(events: NewEvent[]): Promise<NewEvent[]>;
  getEvent(tenantId: string, eventId: string): Promise<EventRecord | null>;
  /** The tenant's events, newest first; the cursor is the last item's id. */
  listEvents(tenantId: string, filter: EventFilter, page: PageRequest): Promise<Page<EventRecord>>;
}
