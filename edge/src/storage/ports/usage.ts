import type { Month, UsageEvent, UsageSeriesKey, UsageSeriesShape } from '@billing/engine';
import type { Page } from './tenants';

/** A stored usage event with its arrival position. */
export interface StoredUsageEvent extends UsageEvent {
  /** Arrival order across the store: the GAUGE tie rule ("later ingested") and the list's cursor. */
  seq: number;
}

export interface UsageEventPageRequest {
  limit: number;
  /** Return events that arrived after the group's event with this id (the previous page's last). */
  afterEventId: string | null;
}

/** Usage events (owner: the usage routes). Read by statements to aggregate a month. */
export interface UsageStore {
  /**
   * The events that a month's aggregation needs, in arrival order: every event of the month, and
   * for each CUMULATIVE series the last reading before the month (its starting point).
   */
  usageEventsForStatement(tenantId: string, billingGroupId: string, month: Month): Promise<UsageEvent[]>;

  /** The stored events of the group with these ids, by event id (one query). */
  findUsageEvents(
    tenantId: string,
    billingGroupId: string,
    eventIds: readonly string[],
  ): Promise<Map<string, UsageEvent>>;
  /**
   * The counter type and unit of each of these series of the group that has an event stored, by
   * `usageSeriesKey` (one query).
   */
  findUsageSeries(
    tenantId: string,
    billingGroupId: string,
    series: readonly UsageSeriesKey[],
  ): Promise<Map<string, UsageSeriesShape>>;
  /** The latest month of the group with a live (closed, not void) statement: it and every earlier month are closed. */
  latestClosedMonth(tenantId: string, billingGroupId: string): Promise<Month | null>;
  /**
   * Inserts the events in one statement, skipping any whose (group, event id) is already stored,
   * whose month closed meanwhile, or whose series has another counter type or unit stored
   * (migration 0016); answers the ids it actually inserted.
   */
  insertUsageEvents(
    tenantId: string,
    billingGroupId: string,
    events: readonly UsageEvent[],
  ): Promise<Set<string>>;
  /**
   * A page in arrival order; `nextCursor` is the last event's id. Null when `afterEventId` names no
   * event of this tenant's group (and month, when given): the cursor is not one this list issued.
   */
  listUsageEvents(
    tenantId: string,
    billingGroupId: string,
    month: Month | null,
    page: UsageEventPageRequest,
  ): Promise<Page<StoredUsageEvent> | null>;
}
