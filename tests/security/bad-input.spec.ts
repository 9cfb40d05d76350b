import fc from 'fast-check';
import { expect, test } from '../support/api-test';
import { ADMIN_API_KEY } from '../support/edge-server';
import { type CaseContext, fixedCases, fuzzCaseArbitrary } from './support/fuzz-cases';
import { mapConcurrently } from './support/http';
import { judge, judgeReadBack, readBackOperation, seedFromText, type Verdict } from './support/judge';
import { OPERATIONS } from './support/operations';

/**
 * Generated bad input for every operation of edge/openapi.json (DOMAIN has no say here: the bar is
 * the API's): wrong types, missing and extra fields, huge and tiny numbers, Unicode and control
 * characters, injection strings in every field, path and query parameter, deep nesting, malformed
 * JSON, wrong content types and oversize bodies. Zero 5xx; every refusal problem+json (the legacy
 * routes: their envelope); an accepted hostile string stored and returned literally.
 */

/** Generated cases per operation (plus its fixed content-type and size cases); raise for nightly runs. */
const CASES_PER_OPERATION = Number(process.env.SECURITY_FUZZ_CASES ?? 100);
/** Requests in flight at once: enough to keep workerd busy on 2 cores without starving other workers. */
const CONCURRENCY = 6;

test.describe('bad input, generated from the OpenAPI schemas', () => {
  for (const operation of OPERATIONS) {
    test(`${operation.operationId}: no malformed request breaks ${operation.method} ${operation.path}`, async ({
      tenantsWithResources,
      rawHttp,
      securitySummary,
      dataName,
    }, testInfo) => {
      test.setTimeout(120_000);
      const tenant = await tenantsWithResources.create();
      const apiKey = { 'tenant-key': tenant.apiKey, 'admin-key': ADMIN_API_KEY, public: null }[
        operation.access
      ];
      const context: CaseContext = {
        ids: tenant.ids,
        apiKey,
        unique: `${dataName}-${testInfo.repeatEachIndex}`,
      };
      const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : seedFromText(testInfo.testId);
      const generated = fc.sample(fuzzCaseArbitrary(operation, context), {
        seed,
        numRuns: CASES_PER_OPERATION,
      });
      const cases = [
        ...generated.map((make, index) => make(index)),
        ...fixedCases(operation, context, CASES_PER_OPERATION),
      ];
      const readBack = readBackOperation(operation, OPERATIONS);

      const verdicts = await test.step(`send ${cases.length} malformed requests`, () =>
        mapConcurrently(cases, CONCURRENCY, async (fuzzCase): Promise<Verdict> => {
          const response = await rawHttp.send(fuzzCase.request);
          const verdict = judge(operation, fuzzCase, response);
          const createdId = (response.json as { id?: unknown } | undefined)?.id;
          if (readBack && fuzzCase.injected && response.status === 201 && typeof createdId === 'string') {
            const path = `${fuzzCase.request.path.split('?')[0]}/${encodeURIComponent(createdId)}`;
            const stored = await rawHttp.send({ method: 'GET', path, headers: authorizationOf(fuzzCase) });
            judgeReadBack(verdict, { path, status: stored.status, json: stored.json });
          }
          return verdict;
        }));

      const failed = verdicts.filter((verdict) => verdict.defects.length > 0);
      securitySummary.include('fuzz', 'operations', [operation.operationId]);
      securitySummary.count('fuzz', 'cases', cases.length);
      securitySummary.count('fuzz', 'accepted', verdicts.filter((verdict) => verdict.status < 300).length);
      securitySummary.count(
        'fuzz',
        'serverErrors',
        verdicts.filter((verdict) => verdict.status >= 500).length,
      );
      securitySummary.count('fuzz', 'defects', failed.length);
      securitySummary.count('fuzz', 'readBacks', verdicts.filter((verdict) => verdict.readBack).length);
      for (const verdict of verdicts) securitySummary.count('fuzz.kinds', verdict.fuzzCase.kind);

      if (failed.length > 0) {
        await testInfo.attach('failing cases', {
          body: JSON.stringify(
            failed.map(({ fuzzCase, status, defects, responseExcerpt, readBack: stored }) => ({
              description: fuzzCase.description,
              defects,
              request: { ...fuzzCase.request, body: excerpt(fuzzCase.request.body) },
              status,
              responseExcerpt,
              stored,
            })),
            null,
            2,
          ),
          contentType: 'application/json',
        });
      }
      const report = failed
        .slice(0, 10)
        .map((verdict) => `${verdict.fuzzCase.description}: ${verdict.defects.join('; ')}`);
      expect(
        report,
        `replay with FC_SEED=${seed} (${failed.length} of ${cases.length} cases failed)`,
      ).toEqual([]);
    });
  }
});

function authorizationOf(fuzzCase: {
  request: { headers?: Record<string, string> };
}): Record<string, string> {
  const authorization = fuzzCase.request.headers?.Authorization;
  return authorization ? { Authorization: authorization } : {};
}

function excerpt(body: string | Uint8Array | undefined): string | undefined {
  if (body === undefined) return undefined;
  const text = typeof body === 'string' ? body : `<${body.length} bytes>`;
  return text.length > 500 ? `${text.slice(0, 500)}… (${text.length} chars)` : text;
}
