/**
 * Every sentence the compatibility API answers with, in one place. The ones DOMAIN §9 lists are the
 * older system's, word for word, because clients match on them; the ones added for inputs the older
 * system crashed on (it answered 500) follow the same `Invalid <field>: <value>. Must be …` pattern
 * and name the full path of the field, e.g. `usage[2].counterVolume`.
 */

export const compatMessages = {
  invalidType: (field: string, value: unknown) =>
    `Invalid ${field}: ${renderValue(value)}. Must be one of: DISCOUNT, SURCHARGE.`,
  invalidMethod: (value: unknown) => `Invalid method: ${renderValue(value)}. Must be one of: FIXED, RATE.`,
  missing: (field: string) => `Missing required field: ${field} must be provided.`,
  notFinite: (field: string, value: unknown) =>
    `Invalid ${field}: ${renderValue(value)}. Must be a finite number (not NaN or Infinity).`,
  negative: (field: string, value: unknown) =>
    `Invalid ${field}: ${renderValue(value)}. Must be a non-negative number (>= 0).`,
  invalidDate: (value: unknown) => `Invalid date format: ${renderValue(value)}`,
  invalidJson: (parserMessage: string) => `Invalid JSON request body: ${parserMessage}`,
  notAnObject: (field: string, value: unknown) =>
    `Invalid ${field}: ${renderValue(value)}. Must be a JSON object.`,
  notAnArray: (field: string, value: unknown) => `Invalid ${field}: ${renderValue(value)}. Must be an array.`,
  notAString: (field: string, value: unknown) => `Invalid ${field}: ${renderValue(value)}. Must be a string.`,
  outOfRange: () => 'Invalid request: the amounts are too large to calculate as finite numbers.',
} as const;

/**
 * How a rejected value appears in a message: strings in double quotes (`"5"`), so a client sees a
 * string where it meant a number; numbers, booleans and null bare (`-1`, `Infinity`); containers by
 * kind only, so a large body is never echoed back.
 */
export function renderValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  if (typeof value === 'function') return 'a function';
  return String(value);
}
