import { mergeTests } from '@playwright/test';
import { test as randomTest } from './fixtures/random';

/** The one `test` and `expect` every spec imports. */
export const test = mergeTests(randomTest);
export { expect } from './matchers';
