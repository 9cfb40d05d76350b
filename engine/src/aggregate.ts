import { type Decimal, sum, toDecimalString, ZERO } from './decimal';
import { IssueCollector } from './errors';
import { messages } from './messages';
import { type Period, periodOf } from './period';
import type { Month, UsageAggregate, UsageEvent } from './types';
import { type ParsedUsageEvent, readUsageEvent, usageEventPath, usageSeriesLabel } from './usage-event';
import { readMonth } from './validate';

/** An event with its input position, which breaks timestamp ties ("the later-ingested one"). */
interface Reading extends ParsedUsageEvent {
  index: number;
}

/** The readings of one (project, counter, resource) that matter for one period. */
interface Series {
  /** In (timestamp, input position) order. */
  inPeriod: Reading[];
  /** Where a CUMULATIVE counter stood when the period began. */
  lastBefore: Reading | undefined;
}

/**
 * The usage of one billing group in one UTC month, per (project, counter, resource) (DOMAIN §2):
 * DELTA sums the volumes in the period; GAUGE takes the latest reading in it; CUMULATIVE sums the
 * increases between consecutive readings, starting from the last reading before the period (or 0),
 * a lower reading being a reset that counts from 0.
 *
 * Readings are ordered by instant, then by input position: only equal timestamps depend on the
 * order events arrived in. Events after the period are ignored, and so are events before it except
 * a CUMULATIVE counter's starting reading. A series with no event in the period yields no aggregate.
 * The result is sorted by project, counter, then resource (`null` first).
 *
 * Throws a ValidationError naming `events[i].<field>` for an invalid event, for events of more than
 * one billing group (a statement bills one customer), and for a series whose readings disagree on
 * counterType or unit (no rule says how to add hours to gigabytes).
 */
export function aggregateUsage(events: readonly UsageEvent[], month: Month): UsageAggregate[] {
  const issues = new IssueCollector();
  readMonth(issues, 'month', month);
  const readings = readEvents(issues, events);
  issues.throwIfAny();

  checkOneBillingGroup(issues, readings);
  const aggregates = [...groupBySeries(readings, periodOf(month)).values()].flatMap((series) =>
    series.inPeriod.length > 0 ? [aggregateSeries(issues, series)] : [],
  );
  issues.throwIfAny();
  return aggregates.sort(compareAggregates);
}

function readEvents(issues: IssueCollector, events: readonly UsageEvent[]): Reading[] {
  return events.flatMap((event, index) => {
    const parsed = readUsageEvent(issues, event, usageEventPath(index), 'stored');
    return parsed === undefined ? [] : [{ ...parsed, index }];
  });
}

function checkOneBillingGroup(issues: IssueCollector, readings: readonly Reading[]): void {
  const expected = readings[0]?.event.billingGroupId;
  for (const { event, index } of readings) {
    if (expected !== undefined && event.billingGroupId !== expected) {
      issues.add(
        `${usageEventPath(index)}.billingGroupId`,
        'same-billing-group',
        messages.sameBillingGroup(expected, event.billingGroupId),
      );
    }
  }
}

function groupBySeries(readings: readonly Reading[], period: Period): Map<string, Series> {
  const series = new Map<string, Series>();
  for (const reading of [...readings].sort(compareReadings)) {
    if (reading.millis >= period.end) continue;
    const key = seriesKey(reading.event);
    const entry = series.get(key) ?? { inPeriod: [], lastBefore: undefined };
    series.set(key, entry);
    // Sorted input: the last reading seen before the start is the latest one.
    if (reading.millis < period.start) entry.lastBefore = reading;
    else entry.inPeriod.push(reading);
  }
  return series;
}

function aggregateSeries(issues: IssueCollector, series: Series): UsageAggregate {
  const first = series.inPeriod[0] as Reading;
  const { projectId, counterName, counterType, unit } = first.event;
  const start = counterType === 'CUMULATIVE' ? series.lastBefore : undefined;
  checkConsistent(issues, start === undefined ? series.inPeriod : [start, ...series.inPeriod], first);

  const volumes = series.inPeriod.map((reading) => reading.volume);
  const quantity =
    counterType === 'DELTA'
      ? sum(volumes)
      : counterType === 'GAUGE'
        ? (volumes.at(-1) as Decimal)
        : cumulativeUsage(start?.volume ?? ZERO, volumes);
  return {
    projectId,
    counterName,
    counterType,
    unit,
    resourceId: first.event.resourceId ?? null,
    resourceName:
      series.inPeriod.findLast((reading) => reading.event.resourceName != null)?.event.resourceName ?? null,
    quantity: toDecimalString(quantity),
  };
}

/** Every reading of a series must share the counterType and unit of its first one in the period. */
function checkConsistent(issues: IssueCollector, readings: readonly Reading[], first: Reading): void {
  const { counterType, unit, counterName, projectId, resourceId } = first.event;
  const label = usageSeriesLabel({
    billingGroupId: first.event.billingGroupId,
    projectId,
    counterName,
    resourceId,
  });
  for (const { event, index } of readings) {
    const path = usageEventPath(index);
    if (event.counterType !== counterType) {
      issues.add(
        `${path}.counterType`,
        'consistent-counter-type',
        messages.consistentSeries(label, counterType, event.counterType),
      );
    }
    if (event.unit !== unit) {
      issues.add(`${path}.unit`, 'consistent-unit', messages.consistentSeries(label, unit, event.unit));
    }
  }
}

/** Sum of the increases; a reading below the previous one means the counter restarted from 0. */
function cumulativeUsage(start: Decimal, readings: readonly Decimal[]): Decimal {
  let usage = ZERO;
  let previous = start;
  for (const reading of readings) {
    usage = usage.plus(reading.lessThan(previous) ? reading : reading.minus(previous));
    previous = reading;
  }
  return usage;
}

function seriesKey(event: UsageEvent): string {
  return JSON.stringify([event.projectId, event.counterName, event.resourceId ?? null]);
}

function compareReadings(a: Reading, b: Reading): number {
  return a.millis - b.millis || a.index - b.index;
}

function compareAggregates(a: UsageAggregate, b: UsageAggregate): number {
  return (
    compareText(a.projectId, b.projectId) ||
    compareText(a.counterName, b.counterName) ||
    compareResourceIds(a.resourceId, b.resourceId)
  );
}

function compareResourceIds(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareText(a, b);
}

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
