import type { components } from '@billing/edge/api-types';

/** The API's bodies as edge/openapi.json defines them: the one generated types module, never a hand-written copy. */
export type Schemas = components['schemas'];
