import { type IngestState, type UsageEvent, ValidationError, type ValidationIssue } from '@billing/engine';

/** A valid DELTA event of March 2026: a test spells out only what its rule is about. */
export function usageEvent(overrides: Partial<UsageEvent> = {}): UsageEvent {
  return {
    eventId: 'evt-1',
    billingGroupId: 'bg-1',
    projectId: 'proj-1',
    counterName: 'compute.c2.c8m8',
    counterType: 'DELTA',
    unit: 'HOURS',
    volume: '1',
    timestamp: '2026-03-10T00:00:00Z',
    resourceId: null,
    resourceName: null,
    ...overrides,
  };
}

/** The event as a client might send it, with some fields left out. */
export function withoutFields(event: UsageEvent, ...fields: (keyof UsageEvent)[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(event).filter(([name]) => !fields.includes(name as keyof UsageEvent)),
  );
}

/**
 * What a database snapshot would answer for a batch: the events already stored and the closed
 * statements, as `[billingGroupId, month]` pairs.
 */
export function storedState(
  stored: readonly UsageEvent[] = [],
  closed: readonly [string, string][] = [],
): IngestState {
  return {
    findExisting: ({ billingGroupId, eventId }) =>
      stored.find((event) => event.billingGroupId === billingGroupId && event.eventId === eventId),
    isMonthClosed: (billingGroupId, month) =>
      closed.some(([group, closedMonth]) => group === billingGroupId && closedMonth === month),
  };
}

/** The issues of the ValidationError an action throws; fails when it throws nothing. */
export function issuesOf(action: () => unknown): readonly ValidationIssue[] {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}

/** `field: rule` of each issue: what a test asserts, leaving the wording to messages.ts. */
export function brokenRules(action: () => unknown): string[] {
  return issuesOf(action).map((issue) => `${issue.field}: ${issue.rule}`);
}
