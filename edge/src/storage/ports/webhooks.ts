import type { EventRecord, EventType } from './events';
import type { Page, PageRequest } from './tenants';

/** A tenant's receiver of events. The secret is only ever shown by the call that makes it. */
export interface WebhookEndpointRecord {
  id: string;
  tenantId: string;
  url: string;
  description: string | null;
  /** The event types it receives; `['*']` for all. */
  eventTypes: (EventType | '*')[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewWebhookEndpoint extends WebhookEndpointRecord {
  secret: string;
}

export interface WebhookEndpointChange {
  url?: string;
  description?: string | null;
  eventTypes?: (EventType | '*')[];
  enabled?: boolean;
  updatedAt: string;
}

export type DeliveryState = 'PENDING' | 'SUCCEEDED' | 'FAILED';

/** One event owed to one endpoint. */
export interface WebhookDeliveryRecord {
  id: string;
  tenantId: string;
  endpointId: string;
  eventId: string;
  eventType: EventType;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A delivery a dispatcher has leased, with what it needs to send it. */
export interface LeasedDelivery extends WebhookDeliveryRecord {
  event: EventRecord;
  url: string;
  secret: string;
  /** Retries go on for a window from here: the event's time, or the last redelivery by hand. */
  windowStart: string;
  /** The lease this dispatcher holds: its attempt is recorded only while the lease is still its own. */
  leaseUntil: string;
}

export type AttemptOutcome = 'SUCCEEDED' | 'RETRYING' | 'FAILED';

/** One try of a delivery, as logged. */
export interface WebhookAttemptRecord {
  id: string;
  endpointId: string;
  deliveryId: string;
  eventId: string;
  attemptedAt: string;
  durationMs: number;
  /** The receiver's HTTP status; null when no answer came (refused, timed out). */
  statusCode: number | null;
  /** The start of the receiver's answer, capped. */
  responseExcerpt: string | null;
  /** Why no usable answer came, when none did. */
  error: string | null;
  outcome: AttemptOutcome;
}

/** What a try decided for its delivery, written with the attempt in one batch. */
export interface AttemptWrite {
  tenantId: string;
  attempt: WebhookAttemptRecord;
  /** PENDING with the next try's time, SUCCEEDED or FAILED. */
  state: DeliveryState;
  nextAttemptAt: string;
  /**
   * The lease the attempt was made under: a redelivery by hand, or a dispatcher that took the
   * delivery over once this one's lease ran out, has reset it, and then this attempt changes nothing.
   */
  leaseUntil: string;
}

/** Webhook endpoints, their deliveries and the log of attempts (owner: the webhook routes). */
export interface WebhookStore {
  createWebhookEndpoint(endpoint: NewWebhookEndpoint): Promise<void>;
  getWebhookEndpoint(tenantId: string, endpointId: string): Promise<WebhookEndpointRecord | null>;
  listWebhookEndpoints(tenantId: string, page: PageRequest): Promise<Page<WebhookEndpointRecord>>;
  updateWebhookEndpoint(
    tenantId: string,
    endpointId: string,
    change: WebhookEndpointChange,
  ): Promise<WebhookEndpointRecord | null>;
  rotateWebhookSecret(tenantId: string, endpointId: string, secret: string, at: string): Promise<boolean>;
  /** Removes the endpoint with its deliveries and attempts; false when there was none. */
  deleteWebhookEndpoint(tenantId: string, endpointId: string): Promise<boolean>;
  /** The endpoint's deliveries, newest event first; the cursor is the last item's id. */
  listWebhookDeliveries(
    tenantId: string,
    endpointId: string,
    page: PageRequest,
  ): Promise<Page<WebhookDeliveryRecord>>;
  /** The endpoint's attempts, newest first, of one delivery when given; the cursor is the last item's id. */
  listWebhookAttempts(
    tenantId: string,
    endpointId: string,
    deliveryId: string | null,
    page: PageRequest,
  ): Promise<Page<WebhookAttemptRecord>>;
  /**
   * Leases up to `limit` deliveries that are due at `now` (of one tenant when given) for
   * `leaseUntil`: never one whose object has an earlier delivery to the same endpoint still
   * pending, so one object's events arrive in order. Two dispatchers never lease the same delivery.
   */
  leaseDueDeliveries(options: {
    tenantId: string | null;
    now: string;
    leaseUntil: string;
    limit: number;
  }): Promise<LeasedDelivery[]>;
  /** Logs an attempt and moves its delivery on, in one batch. */
  recordWebhookAttempt(write: AttemptWrite): Promise<void>;
  /**
   * The earliest time a pending delivery (of one tenant when given) is due, or null when none is
   * pending: when a dispatcher should wake next.
   */
  nextDeliveryDue(tenantId: string | null): Promise<string | null>;
  /** The tenants with a delivery due at `now`, for the scheduled sweep. */
  tenantsWithDueDeliveries(now: string): Promise<string[]>;
  /**
   * Queues the event to the endpoint again (a redelivery by hand): its delivery is PENDING and due
   * at `now`, or a new one when the endpoint never had it. Null when the event or endpoint is not
   * the tenant's.
   */
  redeliver(
    tenantId: string,
    endpointId: string,
    eventId: string,
    now: string,
    newId: string,
  ): Promise<WebhookDeliveryRecord | null>;
}
