import { createOpenApiHttp } from 'openapi-msw';
import { type MockRuntime, operationFactory } from '../src/operation';
import type { paths } from '../src/schema';

/** What every domain's handlers are written with: the typed `http` of the contract and `operation`. */
export function kitFor(runtime: MockRuntime) {
  return {
    http: createOpenApiHttp<paths>({ baseUrl: runtime.config.baseUrl }),
    operation: operationFactory(runtime),
    runtime,
  };
}

export type Kit = ReturnType<typeof kitFor>;
