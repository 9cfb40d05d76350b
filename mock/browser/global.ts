import type { BillingMock } from '../src/mock';

/** What the playground page puts on `window` for tests and the console. */
export interface PlaygroundGlobal {
  billingMock: {
    /** The page's mock: `useScenario`, `reset`. */
    mock: BillingMock;
    /** Settles once the service worker answers the page's requests. */
    ready: Promise<void>;
  };
}
