import { type CompatCalculateOptions, compatCalculate, compatInvalidJson } from '@billing/engine';
import fc from 'fast-check';
import { expect, test } from '../../support/api-test';

const deps = { now: '2025-03-15T09:00:00Z', newId: () => 'validation' };

/** The 400 message a request answers; fails the test if it was accepted. */
function rejectionOf(body: unknown, options: Partial<CompatCalculateOptions> = {}): string {
  const result = compatCalculate(body, { ...deps, ...options });
  expect(result.status, 'the request should have been refused').toBe(400);
  return result.body.header.resultMessage;
}

const shapes = [
  { name: 'current', typeKey: 'type', valueKey: 'value' },
  { name: 'older', typeKey: 'adjustmentType', valueKey: 'adjustmentValue' },
] as const;

for (const { name, typeKey, valueKey } of shapes) {
  const adjustment = (overrides: Record<string, unknown>) => ({
    [typeKey]: 'DISCOUNT',
    method: 'FIXED',
    [valueKey]: 10,
    ...overrides,
  });

  test.describe(`compat validation: ${name} adjustment shape {${typeKey}, method, ${valueKey}}`, () => {
    test(`an unknown ${typeKey} is refused, naming the allowed ones`, () => {
      expect(rejectionOf({ adjustments: [adjustment({ [typeKey]: 'X' })] })).toBe(
        `Invalid ${typeKey}: "X". Must be one of: DISCOUNT, SURCHARGE.`,
      );
    });

    test(`${typeKey} is case-sensitive: "discount" is refused`, () => {
      expect(rejectionOf({ adjustments: [adjustment({ [typeKey]: 'discount' })] })).toBe(
        `Invalid ${typeKey}: "discount". Must be one of: DISCOUNT, SURCHARGE.`,
      );
    });

    test('an unknown method is refused, naming the allowed ones', () => {
      expect(rejectionOf({ adjustments: [adjustment({ method: 'X' })] })).toBe(
        'Invalid method: "X". Must be one of: FIXED, RATE.',
      );
    });

    test(`a negative ${valueKey} is refused`, () => {
      expect(rejectionOf({ adjustments: [adjustment({ [valueKey]: -1 })] })).toBe(
        `Invalid ${valueKey}: -1. Must be a non-negative number (>= 0).`,
      );
    });

    test(`a missing or null ${valueKey} is refused as missing`, () => {
      const message = `Missing required field: ${valueKey} must be provided.`;
      expect(rejectionOf({ adjustments: [adjustment({ [valueKey]: undefined })] })).toBe(message);
      expect(rejectionOf({ adjustments: [adjustment({ [valueKey]: null })] })).toBe(message);
    });

    test(`a ${valueKey} written as the string "5" is refused as not a finite number`, () => {
      expect(rejectionOf({ adjustments: [adjustment({ [valueKey]: '5' })] })).toBe(
        `Invalid ${valueKey}: "5". Must be a finite number (not NaN or Infinity).`,
      );
    });

    test(`a ${valueKey} that overflowed to Infinity while parsing (1e400) is refused`, () => {
      expect(
        rejectionOf(
          JSON.parse(
            `{"adjustments": [{"${typeKey}": "SURCHARGE", "method": "RATE", "${valueKey}": 1e400}]}`,
          ),
        ),
      ).toBe(`Invalid ${valueKey}: Infinity. Must be a finite number (not NaN or Infinity).`);
    });
  });
}

test.describe('compat validation: order and envelope', () => {
  test('a refusal answers HTTP 400 with isSuccessful false, resultCode -1 and no data key', () => {
    const result = compatCalculate({ adjustments: [{ type: 'X', method: 'FIXED', value: 1 }] }, deps);
    expect(result).toEqual({
      status: 400,
      body: {
        header: {
          isSuccessful: false,
          resultCode: -1,
          resultMessage: 'Invalid type: "X". Must be one of: DISCOUNT, SURCHARGE.',
        },
      },
    });
  });

  test('checks run type, then method, then value, and the first bad adjustment is the one reported', () => {
    expect(
      rejectionOf({
        adjustments: [
          { type: 'DISCOUNT', method: 'FIXED', value: 1 },
          { type: 'DISCOUNT', method: 'PERCENT', value: -1 },
          { type: 'BONUS', method: 'FIXED', value: 1 },
        ],
      }),
    ).toBe('Invalid method: "PERCENT". Must be one of: FIXED, RATE.');
  });

  test('adjustments are checked before the targetDate, as the older system did', () => {
    expect(rejectionOf({ targetDate: 'soon', adjustments: [{ type: 'X', method: 'FIXED', value: 1 }] })).toBe(
      'Invalid type: "X". Must be one of: DISCOUNT, SURCHARGE.',
    );
  });

  test('a missing type is shown as undefined', () => {
    expect(rejectionOf({ adjustments: [{ method: 'FIXED', value: 1 }] })).toBe(
      'Invalid type: undefined. Must be one of: DISCOUNT, SURCHARGE.',
    );
  });
});

test.describe('compat validation: dates and JSON', () => {
  test('a targetDate that does not parse is refused with its text', () => {
    expect(rejectionOf({ targetDate: 'not-a-date' })).toBe('Invalid date format: "not-a-date"');
    expect(rejectionOf({ targetDate: '2025-13-01' })).toBe('Invalid date format: "2025-13-01"');
  });

  test('a targetDate that is not a string is refused rather than read as epoch milliseconds', () => {
    expect(rejectionOf({ targetDate: 1_741_996_800_000 })).toBe('Invalid date format: 1741996800000');
  });

  test('a body that is not JSON answers "Invalid JSON request body:" and the parser message', () => {
    let parserMessage = '';
    try {
      JSON.parse('{"usage": [');
    } catch (error) {
      parserMessage = (error as Error).message;
    }
    expect(compatInvalidJson(parserMessage)).toEqual({
      status: 400,
      body: {
        header: {
          isSuccessful: false,
          resultCode: -1,
          resultMessage: `Invalid JSON request body: ${parserMessage}`,
        },
      },
    });
  });
});

test.describe('compat validation: inputs the older system crashed on answer 400, never 500', () => {
  const bodies: [label: string, body: unknown, message: string][] = [
    ['null', null, 'Invalid request body: null. Must be a JSON object.'],
    ['an array', [], 'Invalid request body: an array. Must be a JSON object.'],
    ['a string', 'usage', 'Invalid request body: "usage". Must be a JSON object.'],
    ['a number', 42, 'Invalid request body: 42. Must be a JSON object.'],
  ];
  for (const [label, body, message] of bodies) {
    test(`a body that is ${label} is refused`, () => {
      expect(rejectionOf(body)).toBe(message);
    });
  }

  test('usage, credits and adjustments must be arrays', () => {
    expect(rejectionOf({ usage: {} })).toBe('Invalid usage: an object. Must be an array.');
    expect(rejectionOf({ credits: 'none' })).toBe('Invalid credits: "none". Must be an array.');
    expect(rejectionOf({ adjustments: 0 })).toBe('Invalid adjustments: 0. Must be an array.');
  });

  test('each usage, credit and adjustment must be an object', () => {
    expect(rejectionOf({ usage: [1] })).toBe('Invalid usage[0]: 1. Must be a JSON object.');
    expect(rejectionOf({ credits: [null] })).toBe('Invalid credits[0]: null. Must be a JSON object.');
    expect(rejectionOf({ adjustments: [[]] })).toBe(
      'Invalid adjustments[0]: an array. Must be a JSON object.',
    );
  });

  test('a counterVolume must be present and a finite number, of either sign (DOMAIN §9)', () => {
    const line = (counterVolume: unknown) => ({
      usage: [{ counterName: 'a', counterUnit: 'EA', counterVolume }],
    });
    expect(rejectionOf(line(undefined))).toBe(
      'Missing required field: usage[0].counterVolume must be provided.',
    );
    expect(rejectionOf(line('10'))).toBe(
      'Invalid usage[0].counterVolume: "10". Must be a finite number (not NaN or Infinity).',
    );
    expect(compatCalculate(line(-2), deps).status).toBe(200);
  });

  test('a counterName must be present and a string', () => {
    expect(rejectionOf({ usage: [{ counterVolume: 1 }] })).toBe(
      'Missing required field: usage[0].counterName must be provided.',
    );
    expect(rejectionOf({ usage: [{ counterName: 7, counterVolume: 1 }] })).toBe(
      'Invalid usage[0].counterName: 7. Must be a string.',
    );
  });

  test('an echoed field that is not a string is refused, naming its path', () => {
    expect(rejectionOf({ usage: [{ counterName: 'a', counterVolume: 1, projectId: 12 }] })).toBe(
      'Invalid usage[0].projectId: 12. Must be a string.',
    );
    expect(rejectionOf({ billingGroupId: { id: 1 } })).toBe(
      'Invalid billingGroupId: an object. Must be a string.',
    );
  });

  test('every credit needs an amount that is a finite number at least 0, even one the charge never reaches', () => {
    expect(rejectionOf({ credits: [{ type: 'FREE' }] })).toBe(
      'Missing required field: credits[0].amount must be provided.',
    );
    expect(
      rejectionOf({
        credits: [
          { amount: 0, type: 'FREE' },
          { amount: '100', type: 'FREE' },
        ],
      }),
    ).toBe('Invalid credits[1].amount: "100". Must be a finite number (not NaN or Infinity).');
  });

  test('an unpaidAmount must be a finite number at least 0', () => {
    expect(rejectionOf({ unpaidAmount: '1000' })).toBe(
      'Invalid unpaidAmount: "1000". Must be a finite number (not NaN or Infinity).',
    );
    expect(rejectionOf({ unpaidAmount: -1 })).toBe(
      'Invalid unpaidAmount: -1. Must be a non-negative number (>= 0).',
    );
  });

  test('amounts too large for a finite double are refused instead of answering null', () => {
    expect(rejectionOf({ usage: [{ counterName: 'compute.c2.c8m8', counterVolume: 1e306 }] })).toBe(
      'Invalid request: the amounts are too large to calculate as finite numbers.',
    );
  });

  test('property: any JSON body answers 200 or 400 and never throws', async ({ checkProperty }) => {
    await checkProperty(fc.jsonValue(), fc.option(fc.string()), (body, uuidHeader) => {
      const result = compatCalculate(body, { ...deps, uuidHeader });
      expect([200, 400]).toContain(result.status);
      expect(result.body.header.isSuccessful).toBe(result.status === 200);
    });
  });

  test('property: requests shaped like the legacy API with any field values never throw', async ({
    checkProperty,
  }) => {
    const anyValue = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY),
    );
    const item = fc.dictionary(
      fc.constantFrom(
        'counterName',
        'counterVolume',
        'amount',
        'type',
        'adjustmentType',
        'method',
        'value',
        'adjustmentValue',
        'level',
        'description',
      ),
      anyValue,
    );
    await checkProperty(
      fc.record({
        usage: fc.array(item),
        credits: fc.array(item),
        adjustments: fc.array(item),
        targetDate: anyValue,
      }),
      (body) => {
        expect([200, 400]).toContain(compatCalculate(body, deps).status);
      },
    );
  });
});
