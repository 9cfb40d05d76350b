import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPENAPI_PATH, OPERATIONS } from '../../support/contract';
import { expect, test } from '../../support/test';

/** Each operation's method and path as MSW matches it: `{param}` becomes `:param`. */
const mswPath = (path: string) => `*${path.replaceAll(/\{([^}]+)\}/g, ':$1')}`;

test.describe('mock: typed handlers for the whole contract', () => {
  test('every operation of edge/openapi.json has a handler for its method and path', async ({}) => {
    const { createBillingMock } = await import('../../../mock/src/index');
    const mock = createBillingMock();
    const handled = new Set(
      mock.handlers.map((handler) => `${handler.info.method} ${String(handler.info.path)}`),
    );

    const missing = [...OPERATIONS].filter(
      ([, operation]) => !handled.has(`${operation.method.toUpperCase()} ${mswPath(operation.path)}`),
    );

    expect(missing.map(([operationId]) => operationId)).toEqual([]);
    expect([...mock.operationIds].sort()).toEqual([...OPERATIONS.keys()].sort());
  });

  test('the handlers are typed from the current edge/openapi.json (run `npm run mock:types` after a change)', () => {
    const generated = join(mkdtempSync(join(tmpdir(), 'mock-types-')), 'schema.d.ts');
    const cli = join(process.cwd(), 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    execFileSync(process.execPath, [cli, OPENAPI_PATH, '--output', generated], { stdio: 'ignore' });

    expect(readFileSync(join(process.cwd(), 'mock', 'src', 'schema.d.ts'), 'utf8')).toBe(
      readFileSync(generated, 'utf8'),
    );
  });
});
