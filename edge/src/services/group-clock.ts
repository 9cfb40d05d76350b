import type { AppDeps } from '../deps';
import type { BillingGroupRecord } from '../storage/ports/billing-groups';

/**
 * The "now" a billing group lives in (DOMAIN §8a): its test clock's time as the group was read, or
 * the host's clock. Every rule that reads "now" for a group (late fees and due dates, credit expiry
 * and alerts, the future-timestamp check, closes, budgets, event times) takes its deps from here.
 */
export function clockOf<Deps extends Pick<AppDeps, 'clock'>>(
  deps: Deps,
  group: Pick<BillingGroupRecord, 'clockTime'>,
): Deps {
  const frozen = group.clockTime;
  if (frozen === null) return deps;
  return { ...deps, clock: () => new Date(frozen) };
}

/** The same for a service's context: its deps on the group's clock. */
export function onClockOf<Context extends { deps: Pick<AppDeps, 'clock'> }>(
  context: Context,
  group: Pick<BillingGroupRecord, 'clockTime'>,
): Context {
  return group.clockTime === null ? context : { ...context, deps: clockOf(context.deps, group) };
}
