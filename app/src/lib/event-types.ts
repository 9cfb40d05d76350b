import type { EventType } from '@/api/types';

/** Every event type an endpoint may receive (edge/openapi.json `EventType`), in the order the UI lists them. */
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
] as const satisfies readonly EventType[];

/** Fails to compile when the API gains an event type the list above lacks. */
type Missing = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
export const EVERY_EVENT_TYPE_LISTED: Missing extends never ? true : never = true;
