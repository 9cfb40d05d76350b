import {
  aggregateUsage,
  type Month,
  type UsageAggregate,
  type UsageEvent,
  ValidationError,
} from '@billing/engine';
import { ApiError } from '../http/problem';

/**
 * A month's aggregates from stored events. Events that cannot be aggregated (a series mixing
 * counter types or units) are a conflict in the group's data, not a bad request: 409, with the
 * engine's `events[i]` paths turned into the events' ids. Used by the usage route and statements.
 */
export function aggregateStoredUsage(events: readonly UsageEvent[], month: Month): UsageAggregate[] {
  try {
    return aggregateUsage(events, month);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw inconsistentUsage(
      error,
      events.map((event) => event.eventId),
    );
  }
}

function inconsistentUsage(error: ValidationError, eventIds: string[]): ApiError {
  const errors = error.issues.map((issue) => {
    const [, index, field] = /^events\[(\d+)\]\.(.+)$/.exec(issue.field) ?? [];
    const eventId = index === undefined ? undefined : eventIds[Number(index)];
    return eventId === undefined
      ? issue
      : { field: field as string, rule: issue.rule, message: `event ${eventId}: ${issue.message}` };
  });
  return new ApiError(
    409,
    'inconsistent-usage',
    'The month’s usage cannot be aggregated',
    errors.map((issue) => issue.message).join('; '),
    { errors },
  );
}
