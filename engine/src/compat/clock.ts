/**
 * Reads the caller's clock. `now` comes from the edge, not from a client, so a value that does not
 * parse is a programming error and throws, instead of becoming a 400 the client could do nothing about.
 */
export function parseNow(now: string): Date {
  const date = new Date(now);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`now must be an ISO 8601 instant, got ${JSON.stringify(now)}`);
  }
  return date;
}
