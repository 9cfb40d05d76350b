import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../support/api-test';
import { OPERATIONS } from '../support/contract';

test('every operation of edge/openapi.json has a contract test', { tag: ['@smoke'] }, () => {
  const specs = readdirSync(import.meta.dirname).filter((file) => file.endsWith('.spec.ts'));
  const source = specs.map((file) => readFileSync(join(import.meta.dirname, file), 'utf8')).join('\n');
  const checked = new Set([...source.matchAll(/toMatchContract\(\s*'([^']+)'/g)].map((match) => match[1]));

  const untested = [...OPERATIONS.keys()].filter((operationId) => !checked.has(operationId));

  expect(untested, 'operations without a toMatchContract check').toEqual([]);
});
