import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchRequestUrl } from 'msw';
import { expect, test } from '../../support/api-test';
import { OPENAPI_PATH, OPERATIONS } from '../../support/contract';

test.describe('mock: the edge app behind MSW, for the whole contract', () => {
  test('every operation of edge/openapi.json is forwarded to the edge app and known by its operationId', async ({}) => {
    const { createBillingMock } = await import('@billing/mock');
    const { operationOf } = await import('@billing/mock/faults');
    const mock = createBillingMock({ baseUrl: 'http://billing.test' });
    const urlOf = (path: string) => new URL(path.replaceAll(/\{[^}]+\}/g, 'x1'), 'http://billing.test');

    const unforwarded = [...OPERATIONS].filter(
      ([, operation]) =>
        !mock.handlers.some(
          (handler) => matchRequestUrl(urlOf(operation.path), String(handler.info.path)).matches,
        ),
    );
    const misnamed = [...OPERATIONS].filter(
      ([operationId, operation]) =>
        operationOf(operation.method.toUpperCase(), urlOf(operation.path).pathname) !== operationId,
    );

    expect(unforwarded.map(([operationId]) => operationId)).toEqual([]);
    expect(misnamed.map(([operationId]) => operationId)).toEqual([]);
    expect([...mock.operationIds].sort()).toEqual([...OPERATIONS.keys()].sort());
  });

  test('the app, the mock and the tests are typed from the current edge/openapi.json (run `npm run api:types` after a change)', () => {
    const generated = join(mkdtempSync(join(tmpdir(), 'api-types-')), 'api-types.d.ts');
    const cli = join(process.cwd(), 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    execFileSync(process.execPath, [cli, OPENAPI_PATH, '--output', generated], { stdio: 'ignore' });

    expect(readFileSync(join(process.cwd(), 'edge', 'api-types.d.ts'), 'utf8')).toBe(
      readFileSync(generated, 'utf8'),
    );
  });
});
