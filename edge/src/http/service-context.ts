import type { AppEnv } from '../app-env';

/** What a service needs of a request: its storage, the host's clock and ids, and its outbox. */
export const serviceContext = (vars: AppEnv['Variables']) => ({
  storage: vars.storage,
  deps: vars.deps,
  outbox: vars.outbox,
});
