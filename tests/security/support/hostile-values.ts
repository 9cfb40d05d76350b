import fc from 'fast-check';

/**
 * What an attacker or a broken client puts into a request. Strings and numbers that JSON.stringify
 * cannot write (1e400, -0, 30-digit literals, deep nesting) travel as `RawJson` and are spliced
 * into the body text verbatim.
 */

/** A JSON fragment sent exactly as written. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold `RawJson` fragments anywhere. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(
      ([key, member]) => `${JSON.stringify(key)}:${toJsonText(member)}`,
    );
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Strings that try to escape their field: SQL, markup, templates, paths, shells, formats. */
export const INJECTION_STRINGS = [
  "'; DROP TABLE billing_groups; --",
  "' OR '1'='1",
  '" OR ""="',
  '1; SELECT * FROM api_keys --',
  "x' UNION SELECT key_hash, tenant_id FROM api_keys --",
  "Robert'); DELETE FROM statements WHERE ('1'='1",
  '%',
  '_',
  '\\',
  "\\'",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection, sent as plain text
  '${7*7}',
  '#{7*7}',
  '<%= 7*7 %>',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '$(cat /etc/passwd)',
  '`id`',
  '%s%s%s%n',
  '{"$gt": ""}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'true',
] as const;

/** Text that breaks naive handling of Unicode: direction overrides, invisible and combining marks. */
export const UNICODE_STRINGS = [
  '\u202eRTL override\u202c',
  'שלום עולם',
  'مرحبا بالعالم',
  'zero\u200bwidth\u200djoiner\ufeff',
  'e\u0301\u0301\u0301\u0301 combining',
  'Z̸̡̛̙̟a̶̡̜l̷̨̛g̸̢̛o̵̧̕',
  '💸🧾👨‍👩‍👧‍👦🏳️‍🌈',
  '\ud800 lone high surrogate',
  'lone low surrogate \udfff',
  'ｆｕｌｌｗｉｄｔｈ　ｓｐａｃｅ',
  '\u2028line\u2029separators',
  '￿\ufffe noncharacters',
  'İıſK case folding',
] as const;

/** False for text with a lone surrogate, which has no UTF-8 form (String#isWellFormed, ES2024). */
export function isWellFormedText(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/** Control characters, the NUL byte first. */
export const CONTROL_STRINGS = [
  '\u0000',
  'nul\u0000inside',
  '\u0007\u0008\u001b[31mansi\u001b[0m',
  'line\r\nbreak',
  '\t\v\f',
  '\u007f\u0085\u009f',
] as const;

/** Decimal strings a money or quantity field must refuse or handle exactly. */
export const HOSTILE_DECIMAL_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '1e-400',
  '-0',
  '0x10',
  '1_000',
  ' 1',
  '1 ',
  '+1',
  '.5',
  '5.',
  '1,5',
  '٣',
  '123456789012345678901234567890',
  '-123456789012345678901234567890',
  '0.000000000000000000000000000001',
  '999999999999999999.999999999999',
  '9007199254740993',
  '',
] as const;

/** Number literals JSON.stringify cannot write, and numbers at the edges of a double. */
export const HOSTILE_NUMBERS = [
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('1e-400'),
  new RawJson('-0'),
  new RawJson('-0.0'),
  new RawJson('123456789012345678901234567890'),
  new RawJson('0.000000000000000000000000000001'),
  new RawJson('1E+2'),
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -1,
  0.5,
  2 ** 31,
  -(2 ** 63),
] as const;

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTION_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROL_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_DECIMAL_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(200, 201, 1_000, 10_000, 100_000).map((length) => 'A'.repeat(length)),
  },
);

/** Deeply nested arrays or objects, as JSON text (no recursion on either side of the wire). */
export const deepNesting: fc.Arbitrary<RawJson> = fc
  .tuple(fc.constantFrom(64, 1_000, 10_000, 100_000), fc.boolean())
  .map(([depth, asObjects]) =>
    asObjects
      ? new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)
      : new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`),
  );

/** A value of the wrong JSON type, whatever the field wanted. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Anything hostile for a body field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 3, arbitrary: wrongType },
  { weight: 1, arbitrary: deepNesting },
);

/** Keys an attacker adds to an object: prototype pollution, operators, injections. */
export const extraKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', 'tenantId', 'id', 'isAdmin', ''),
  fc.constantFrom(...INJECTION_STRINGS),
  fc.string({ maxLength: 20 }),
);

/** Request bodies that are not JSON at all, or not quite. */
export const MALFORMED_JSON = [
  '{',
  '{"name": }',
  "{'name': 'single quotes'}",
  '{"name": "x",}',
  '{"amount": NaN}',
  '{"amount": Infinity}',
  '\ufeff{"name": "bom"}',
  '{"name": "x"}{"name": "y"}',
  '{"name": "unterminated}',
  'null',
  '"a string"',
  '[]',
  '12',
  'undefined',
  '{"a":1, "a":2}',
  '\u0000',
] as const;

/** Content types that are not application/json, with a JSON body. */
export const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/jsonp',
  'application/json-patch+json',
  'text/json',
  // JSON is UTF-8 (RFC 8259): a body declared in another charset is refused, not read as UTF-8.
  'application/json; charset=latin1',
  'application/json; charset=UTF-16',
] as const;

/** Header values (visible ASCII only: fetch refuses control characters in headers). */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTION_STRINGS.filter((text) => /^[ -~]+$/.test(text))),
  fc.string({ unit: 'binary-ascii', maxLength: 300 }).map((text) => text.replaceAll(/[^ -~]/g, 'x')),
  fc.constantFrom('A'.repeat(256), 'A'.repeat(8_000), ' ', 'Bearer', 'Bearer bk_', 'Basic Zm9vOmJhcg=='),
);
