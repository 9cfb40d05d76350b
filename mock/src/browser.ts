import { setupWorker } from 'msw/browser';
import type { MockOptions } from './config';
import { BillingMock } from './mock';

export * from './index';

/**
 * The billing API in the browser, through MSW's service worker: start `worker` (after
 * `npx msw init <public dir>`) before the app's first request. The page's server must also serve
 * sql.js's `sql-wasm-browser.wasm` (by default beside the page; `locateWasm` says where else).
 * `mock.useScenario()` switches a fault scenario on for the page; `mock.reset()` forgets its state.
 */
export function setupBillingMockWorker(options: MockOptions = {}) {
  const mock = new BillingMock({
    locateWasm: (file) => new URL(file, document.baseURI).href,
    ...options,
  });
  return { mock, worker: setupWorker(...mock.handlers) };
}

/** One mock for the page, on the app's own origin or any other. */
export const { mock, worker } = setupBillingMockWorker();
