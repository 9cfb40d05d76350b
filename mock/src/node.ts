import { setupServer } from 'msw/node';
import type { MockOptions } from './config';
import { BillingMock } from './mock';

export * from './index';

/**
 * The billing API in a Node process, for API-client tests: `server.listen()` intercepts the
 * process's requests to the billing API (on any origin unless `baseUrl` names one) and answers them
 * from `mock`, whose `reset()` and `useScenario()` a test calls.
 */
export function setupBillingMockServer(options: MockOptions = {}) {
  const mock = new BillingMock(options);
  return { mock, server: setupServer(...mock.handlers) };
}
