import { type JsonSchema, resolve } from './operations';

/**
 * A plausible, usually valid, value for a schema of edge/openapi.json: the baseline a malformed
 * request is made from, so each mutation breaks one thing and the rest of the request gets as far
 * into the handler as it can. Values come from the schema (enums, bounds, examples, patterns) and,
 * where a schema cannot say what makes sense (a VAT rate is a percent, a source a sandbox token), from
 * the field's name.
 */

/** The tenant's own ids by the name a path parameter or body field gives them. */
export type TenantIds = Record<string, string>;

const MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';
const DECIMAL_PATTERN = '^-?\\d+(\\.\\d+)?$';

/** An open month: usage, adjustments and drafts are accepted in it. */
export const OPEN_MONTH = '2026-04';
/** The month the tenant's statement was closed in. */
export const CLOSED_MONTH = '2026-03';

const DECIMALS_BY_FIELD: Record<string, string> = {
  vatRate: '10',
  lateFeeRate: '5',
  discountRate: '10',
  value: '10',
  volume: '1.5',
  quantity: '10',
  unitPrice: '397',
  minimumCharge: '1000',
  amount: '100',
  from: '0',
};

const STRINGS_BY_FIELD: Record<string, string> = {
  counterName: 'compute.c2.c8m8',
  unit: 'HOURS',
  source: 'tok_success',
  projectId: 'p-security',
  targetDate: '2026-03-15',
};

const ENUMS_BY_FIELD: Record<string, unknown> = {
  level: 'BILLING_GROUP',
  outcome: 'FAILED',
};

export function plausibleValue(schema: JsonSchema, field: string, ids: TenantIds): unknown {
  const resolved = resolve(schema);
  const variants = resolved.oneOf ?? resolved.anyOf;
  if (variants?.[0]) return plausibleValue(variants[0], field, ids);
  if (resolved.enum) {
    const preferred = ENUMS_BY_FIELD[field];
    return resolved.enum.includes(preferred) ? preferred : resolved.enum[0];
  }
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  const type = types.find((candidate) => candidate !== 'null') ?? 'null';
  switch (type) {
    case 'object':
      return plausibleObject(resolved, ids);
    case 'array': {
      const count = Math.max(resolved.minItems ?? 0, 1);
      return Array.from({ length: count }, () => plausibleValue(resolved.items ?? {}, field, ids));
    }
    case 'integer':
    case 'number':
      return resolved.minimum ?? (field === 'priority' ? 10 : 1);
    case 'boolean':
      return false;
    case 'string':
      return plausibleString(resolved, field, ids);
    default:
      return null;
  }
}

/** The required properties only: every optional one is reached by a mutation instead. */
function plausibleObject(schema: JsonSchema, ids: TenantIds): Record<string, unknown> {
  const required = new Set(schema.required ?? []);
  return Object.fromEntries(
    Object.entries(schema.properties ?? {})
      .filter(([name]) => required.has(name))
      .map(([name, property]) => [name, plausibleValue(property, name, ids)]),
  );
}

function plausibleString(schema: JsonSchema, field: string, ids: TenantIds): string {
  if (ids[field]) return ids[field];
  if (schema.pattern === MONTH_PATTERN) return field === 'startMonth' ? CLOSED_MONTH : OPEN_MONTH;
  if (schema.pattern === DECIMAL_PATTERN) return DECIMALS_BY_FIELD[field] ?? '10';
  if (schema.pattern?.startsWith('^\\d{4}-\\d{2}-\\d{2}T')) {
    return field === 'expiresAt' ? '2027-01-01T00:00:00Z' : '2026-04-10T00:00:00Z';
  }
  if (STRINGS_BY_FIELD[field]) return STRINGS_BY_FIELD[field];
  if (typeof schema.example === 'string') return schema.example;
  return `security-${field || 'value'}`.slice(0, schema.maxLength ?? 100);
}

/** Every field path a mutation can aim at: each property of each object, arrays at index 0. */
export function fieldPaths(schema: JsonSchema, prefix: (string | number)[] = []): (string | number)[][] {
  const resolved = resolve(schema);
  const variants = resolved.oneOf ?? resolved.anyOf;
  if (variants?.[0]) return fieldPaths(variants[0], prefix);
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  if (types.includes('object')) {
    return Object.entries(resolved.properties ?? {}).flatMap(([name, property]) => [
      [...prefix, name],
      ...fieldPaths(property, [...prefix, name]),
    ]);
  }
  if (types.includes('array') && resolved.items) return fieldPaths(resolved.items, [...prefix, 0]);
  return [];
}

/** The paths of the required properties, at every depth the baseline reaches. */
export function requiredPaths(schema: JsonSchema, prefix: (string | number)[] = []): (string | number)[][] {
  const resolved = resolve(schema);
  const variants = resolved.oneOf ?? resolved.anyOf;
  if (variants?.[0]) return requiredPaths(variants[0], prefix);
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  if (types.includes('object')) {
    return (resolved.required ?? []).flatMap((name) => {
      const property = resolved.properties?.[name];
      return [[...prefix, name], ...(property ? requiredPaths(property, [...prefix, name]) : [])];
    });
  }
  if (types.includes('array') && resolved.items && (resolved.minItems ?? 0) <= 1) {
    return requiredPaths(resolved.items, [...prefix, 0]);
  }
  return [];
}

/** A copy of `value` with `path` set (created where missing) or, for `undefined`, removed. */
export function withPath(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (typeof head === 'number') {
    const array = Array.isArray(value) ? [...value] : [];
    if (rest.length === 0 && replacement === undefined) array.splice(head, 1);
    else array[head] = withPath(array[head], rest, replacement);
    return array;
  }
  const object: Record<string, unknown> =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
  if (rest.length === 0 && replacement === undefined) delete object[head];
  else
    Object.defineProperty(object, head, {
      value: withPath(object[head], rest, replacement),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  return object;
}

/** The value at `path`, or undefined. */
export function atPath(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
