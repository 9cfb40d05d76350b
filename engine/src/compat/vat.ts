/** VAT is 10% unless the `VAT_RATE` setting says otherwise. */
export const COMPAT_DEFAULT_VAT_RATE = 0.1;

/** A plain unsigned decimal, optionally with an exponent: `0.1`, `.05`, `10`, `1e-1`. */
const DECIMAL_SETTING = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The VAT rate as a fraction (`0.1` is 10%). The setting comes from an environment variable, so it
 * is normally a string: it is used when it is a plain decimal (surrounding blanks ignored) whose value
 * is finite and at least 0; a number setting is used under the same rule. Anything else (unset, empty,
 * `abc`, `0.2abc`, `-0.1`, `Infinity`, `0x10`) falls back to 10% rather than half-reading a typo, which
 * is where this differs from the older `parseFloat`, which read `0.2abc` as 0.2.
 */
export function compatVatRate(setting: unknown): number {
  const rate = typeof setting === 'number' ? setting : parseSetting(setting);
  return Number.isFinite(rate) && rate >= 0 ? rate : COMPAT_DEFAULT_VAT_RATE;
}

function parseSetting(setting: unknown): number {
  if (typeof setting !== 'string') return Number.NaN;
  const text = setting.trim();
  return DECIMAL_SETTING.test(text) ? Number(text) : Number.NaN;
}
