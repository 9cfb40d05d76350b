/**
 * `Promise.all` that waits for every promise before it rejects with the first failure: a property
 * run that fails while other requests of its wave are still in flight must not leave them running
 * into the next run (or into the teardown of the worker's edge).
 */
export async function settleAll<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const outcomes = await Promise.allSettled(promises);
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
}
