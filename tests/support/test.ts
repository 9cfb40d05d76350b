import { mergeTests } from '@playwright/test';
import { test as allureLabelsTest } from './fixtures/allure-labels';
import { test as edgeTest } from './fixtures/edge';
import { test as randomTest } from './fixtures/random';

/** The one `test` and `expect` every spec imports. */
export const test = mergeTests(allureLabelsTest, randomTest, edgeTest);
export { expect } from './matchers';
