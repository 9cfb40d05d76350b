import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../../support/api-test';

/**
 * The guard of edge/LIMITS.md's request bodies, read from the committed document (which
 * `npm run openapi:check` keeps equal to the code): every object a `/v1` request body can hold says
 * `additionalProperties: false`, so a new route with an open body schema fails here before a client
 * finds its fields silently dropped; and every `/v1` write operation without a body documents the
 * 400 and 422 with which it refuses one.
 */

interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

interface Operation {
  operationId: string;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, unknown>;
}

const document = JSON.parse(readFileSync(join(process.cwd(), 'edge', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

const v1Operations = Object.entries(document.paths)
  .filter(([path]) => path.startsWith('/v1/'))
  .flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({ method, path, operation })),
  );

/** The path of every object of a schema that is not closed, `$ref`s followed once each. */
function openObjects(schema: Schema, at: string, seen = new Set<string>()): string[] {
  if (schema.$ref) {
    const name = schema.$ref.split('/').at(-1) as string;
    if (seen.has(name)) return [];
    seen.add(name);
    return openObjects(document.components.schemas[name] as Schema, `${at}→${name}`, seen);
  }
  const found: string[] = [];
  if (schema.type === 'object' || schema.properties) {
    if (schema.additionalProperties !== false) found.push(at);
    for (const [key, member] of Object.entries(schema.properties ?? {})) {
      found.push(...openObjects(member, `${at}.${key}`, seen));
    }
  }
  if (schema.items) found.push(...openObjects(schema.items, `${at}[]`, seen));
  for (const list of [schema.anyOf, schema.oneOf, schema.allOf]) {
    for (const [index, member] of (list ?? []).entries()) {
      found.push(...openObjects(member, `${at}|${index}`, seen));
    }
  }
  return found;
}

test.describe('request bodies are strict (edge/LIMITS.md)', () => {
  test('every object of every /v1 request body refuses unknown fields', () => {
    const bodies = v1Operations.flatMap(({ operation }) => {
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      return schema ? [{ operationId: operation.operationId, schema }] : [];
    });
    expect(bodies.length).toBeGreaterThan(20);

    const open = bodies.flatMap(({ operationId, schema }) => openObjects(schema, operationId));

    expect(open).toEqual([]);
  });

  test('every /v1 write operation without a body documents its refusal of one', () => {
    const bodyless = v1Operations.filter(
      ({ method, operation }) => method !== 'get' && operation.requestBody === undefined,
    );
    expect(bodyless.map(({ operation }) => operation.operationId)).toContain('refundPayment');

    const undocumented = bodyless
      .filter(({ operation }) => !('400' in operation.responses && '422' in operation.responses))
      .map(({ operation }) => operation.operationId);

    expect(undocumented).toEqual([]);
  });

  test('answers stay open: a client must accept a field it does not know', () => {
    const closedAnswers = [
      'BillingGroup',
      'Payment',
      'PriceBook',
      'Pricing',
      'UsageEvent',
      'Contract',
    ].filter((name) => document.components.schemas[name]?.additionalProperties === false);

    expect(closedAnswers).toEqual([]);
  });
});
