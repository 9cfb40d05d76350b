export type { MockOptions } from './config';
export { DEFAULT_ADMIN_API_KEY } from './config';
export { BillingMock, createBillingMock } from './mock';
export { SCENARIO_NAMES, type ScenarioName, ScenarioRequest } from './scenarios';
