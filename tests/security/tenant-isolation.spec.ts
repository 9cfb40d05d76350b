import { expect, test } from '../support/api-test';
import type { TenantWithResources } from '../support/fixtures/security';
import { plausibleRequest } from './support/fuzz-cases';
import { toJsonText } from './support/hostile-values';
import { mapConcurrently, type RawHttp, type RawRequest, type RawResponse } from './support/http';
import { OPERATIONS, type Operation } from './support/operations';
import { fieldPaths, plausibleValue, type TenantIds, withPath } from './support/plausible';

/**
 * Another tenant's id answers exactly like an id that exists nowhere: the same 404, the same problem
 * type, title and fields, the same sentence but for the id itself. Tenant A holds one of every
 * resource (created through the API); tenant B, holding its own, calls every operation that takes an
 * id with A's ids, one parameter at a time, and with ids that do not exist.
 */

const ID_OPERATIONS = OPERATIONS.filter(
  (operation) =>
    operation.access === 'tenant-key' && operation.pathParams.some((parameter) => isId(parameter.name)),
);

function isId(name: string): boolean {
  return name !== 'month';
}

/** An id of the same shape that names nothing: its random part reversed. */
function missingId(id: string): string {
  const separator = id.indexOf('_');
  return `${id.slice(0, separator + 1)}${[...id.slice(separator + 1)].reverse().join('')}`;
}

function requestOf(
  operation: Operation,
  tenant: TenantWithResources,
  pathIds: TenantIds,
  index: number,
): RawRequest {
  const context = { ids: tenant.ids, apiKey: tenant.apiKey, unique: `isolation-${Date.now()}` };
  return plausibleRequest(operation, context, { pathIds, index });
}

/** What a caller can see of a refusal, with the id it named replaced by a placeholder. */
function visible(response: RawResponse, id: string) {
  const body = (response.json ?? {}) as Record<string, unknown>;
  const hide = (value: unknown) => (typeof value === 'string' ? value.replaceAll(id, '<id>') : value);
  return {
    status: response.status,
    mediaType: response.mediaType,
    fields: Object.keys(body).sort(),
    type: body.type,
    title: body.title,
    detail: hide(body.detail),
    instance: hide(body.instance),
    errors: JSON.parse(JSON.stringify(body.errors ?? null).replaceAll(id, '<id>')),
  };
}

interface Probe {
  operation: Operation;
  /** The parameter (or body field) holding tenant A's id. */
  target: string;
  foreign: RawRequest;
  missing: RawRequest;
  foreignId: string;
  missingIdText: string;
}

/** For each id parameter: B's own ids everywhere else, and A's (or a missing) id in that one. */
function pathProbes(a: TenantWithResources, b: TenantWithResources): Probe[] {
  return ID_OPERATIONS.flatMap((operation, operationIndex) =>
    operation.pathParams
      .filter((parameter) => isId(parameter.name))
      .map((parameter, parameterIndex) => {
        const foreignId = a.ids[parameter.name] as string;
        const missingIdText = missingId(foreignId);
        const index = operationIndex * 10 + parameterIndex;
        return {
          operation,
          target: `path {${parameter.name}}`,
          foreign: requestOf(operation, b, { ...b.ids, [parameter.name]: foreignId }, index * 2),
          missing: requestOf(operation, b, { ...b.ids, [parameter.name]: missingIdText }, index * 2 + 1),
          foreignId,
          missingIdText,
        };
      }),
  );
}

const BODY_REFERENCES = new Set(['billingGroupId', 'priceBookId', 'contractId']);

/** Body fields naming another resource (a price book, a contract, a group), set to A's id. */
function bodyProbes(a: TenantWithResources, b: TenantWithResources): Probe[] {
  return OPERATIONS.filter((operation) => operation.access === 'tenant-key' && operation.body).flatMap(
    (operation, operationIndex) =>
      fieldPaths(operation.body as NonNullable<Operation['body']>)
        .filter((path) => BODY_REFERENCES.has(String(path.at(-1))))
        .map((path, pathIndex) => {
          const name = String(path.at(-1));
          const foreignId = a.ids[name] as string;
          const missingIdText = missingId(foreignId);
          const base = plausibleValue(operation.body as NonNullable<Operation['body']>, '', b.ids);
          const withId = (id: string, index: number): RawRequest => ({
            ...requestOf(operation, b, b.ids, 1000 + operationIndex * 10 + pathIndex * 2 + index),
            body: toJsonText(withPath(base, path, id)),
          });
          return {
            operation,
            target: `body ${path.join('.')}`,
            foreign: withId(foreignId, 0),
            missing: withId(missingIdText, 1),
            foreignId,
            missingIdText,
          };
        }),
  );
}

async function compare(rawHttp: RawHttp, probes: Probe[], { expect404 }: { expect404: boolean }) {
  return mapConcurrently(probes, 4, async (probe) => {
    const foreign = await rawHttp.send(probe.foreign);
    const missing = await rawHttp.send(probe.missing);
    const seenForeign = visible(foreign, probe.foreignId);
    const seenMissing = visible(missing, probe.missingIdText);
    const problems: string[] = [];
    if (expect404 && foreign.status !== 404) problems.push(`another tenant's id answered ${foreign.status}`);
    if (foreign.status < 400) problems.push(`another tenant's id was accepted (${foreign.status})`);
    if (JSON.stringify(seenForeign) !== JSON.stringify(seenMissing)) {
      problems.push(
        `differs from a missing id: ${JSON.stringify(seenForeign)} vs ${JSON.stringify(seenMissing)}`,
      );
    }
    return { label: `${probe.operation.operationId} ${probe.target}`, problems };
  });
}

test.describe('tenant isolation: another tenant’s id is a missing id', () => {
  test('every operation that takes an id answers another tenant’s id with the 404 of a missing one', async ({
    tenantsWithResources,
    rawHttp,
    securitySummary,
  }) => {
    test.setTimeout(90_000);
    const [a, b] = await Promise.all([tenantsWithResources.create(), tenantsWithResources.create()]);
    const probes = pathProbes(a, b);

    const outcomes =
      await test.step(`probe ${probes.length} id parameters of ${ID_OPERATIONS.length} operations`, () =>
        compare(rawHttp, probes, { expect404: true }));

    const control = async (operation: (typeof ID_OPERATIONS)[number], index: number) => {
      const response = await rawHttp.send(requestOf(operation, a, a.ids, 5000 + index));
      return response.status === 404 || response.status >= 500
        ? `${operation.operationId}: tenant A's own request answered ${response.status}: ${response.text.slice(0, 200)}`
        : null;
    };
    // A delete goes last: the others (an endpoint's deliveries, say) still need what it removes.
    const deletes = ID_OPERATIONS.filter((operation) => operation.method === 'DELETE');
    const controls = await test.step('tenant A reaches every one of those ids itself', async () => [
      ...(await mapConcurrently(
        ID_OPERATIONS.filter((operation) => !deletes.includes(operation)),
        4,
        control,
      )),
      ...(await mapConcurrently(deletes, 4, (operation, index) => control(operation, 1000 + index))),
    ]);

    securitySummary.include(
      'isolation',
      'operations',
      ID_OPERATIONS.map((operation) => operation.operationId),
    );
    securitySummary.count('isolation', 'probes', probes.length);
    expect(outcomes.filter((outcome) => outcome.problems.length > 0)).toEqual([]);
    expect(controls.filter(Boolean)).toEqual([]);
  });

  test('a body naming another tenant’s group, price book or contract is refused like a missing one', async ({
    tenantsWithResources,
    rawHttp,
    securitySummary,
  }) => {
    const [a, b] = await Promise.all([tenantsWithResources.create(), tenantsWithResources.create()]);
    const probes = bodyProbes(a, b);
    expect(probes.length).toBeGreaterThan(0);

    const outcomes = await compare(rawHttp, probes, { expect404: false });

    securitySummary.count('isolation', 'bodyReferenceProbes', probes.length);
    expect(outcomes.filter((outcome) => outcome.problems.length > 0)).toEqual([]);
  });

  test('lists and the tenant itself show nothing of another tenant', async ({
    tenantsWithResources,
    rawHttp,
    securitySummary,
  }) => {
    const [a, b] = await Promise.all([tenantsWithResources.create(), tenantsWithResources.create()]);
    const reads = OPERATIONS.filter(
      (operation) =>
        operation.access === 'tenant-key' && operation.method === 'GET' && operation.pathParams.length === 0,
    );
    const aIds = [a.tenantId, ...Object.values(a.ids)];

    const leaks = await mapConcurrently(reads, 4, async (operation) => {
      const response = await rawHttp.json('GET', `${operation.path}?limit=100`, b.apiKey);
      const seen = aIds.filter((id) => response.text.includes(id));
      return response.status === 200 && seen.length === 0
        ? null
        : `${operation.operationId}: ${response.status} ${seen}`;
    });

    securitySummary.include(
      'isolation',
      'operations',
      reads.map((operation) => operation.operationId),
    );
    expect(reads.length).toBeGreaterThan(0);
    expect(leaks.filter(Boolean)).toEqual([]);
  });
});
