import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../../support/api-test';

/**
 * The examples of edge/openapi.json are what a reader of /docs copies: a percent field (every
 * `…Rate`: VAT, late fee, discount; an adjustment's value, a percent for RATE) shows a percent, not the
 * money example every decimal string starts from. Read from the committed document, which
 * `npm run openapi:check` keeps equal to the code.
 */

interface Schema {
  example?: unknown;
  description?: string;
}

const document = JSON.parse(readFileSync(join(process.cwd(), 'edge', 'openapi.json'), 'utf8'));

type Found = [where: string, name: string, schema: Schema];

/** Every property schema of the document, named by where it is, components and inline schemas alike. */
function properties(node: unknown, at: string, found: Found[] = []): Found[] {
  if (node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value !== null && typeof value === 'object') {
      for (const [name, schema] of Object.entries(value as Record<string, Schema>)) {
        found.push([`${at}.${name}`, name, schema]);
      }
    }
    properties(value, `${at}.${key}`, found);
  }
  return found;
}

/** A rate, or a field that says it holds a percent (an adjustment's value, which may be one). */
const percentFields = properties(document, '#').filter(
  ([, name, schema]) => /Rate$/.test(name) || /percent/i.test(schema.description ?? ''),
);

test('the document has percent fields to check (vatRate, lateFeeRate, discountRate, value)', () => {
  expect(new Set(percentFields.map(([, name]) => name))).toEqual(
    new Set(['vatRate', 'lateFeeRate', 'discountRate', 'value']),
  );
});

test('every percent field shows a percent as its example', () => {
  const wrong = percentFields
    .filter(([, , schema]) => {
      const example = Number(schema.example);
      return typeof schema.example !== 'string' || !(example >= 0 && example <= 100);
    })
    .map(([where, , schema]) => `${where}: ${JSON.stringify(schema.example)}`);

  expect(wrong).toEqual([]);
});
