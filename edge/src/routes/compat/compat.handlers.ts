import {
  type CompatFailure,
  compatCalculate,
  compatCreatePayment,
  compatInvalidJson,
  compatPaymentStatements,
} from '@billing/engine';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';

type LegacyContext = Context<AppEnv>;

type ParsedBody = { ok: true; value: unknown } | { ok: false; failure: CompatFailure };

/**
 * Reads the body as text and parses it here, so a body that is not JSON answers the legacy 400 with
 * the parser's own words instead of a framework error. The Content-Type is not consulted: the
 * older system parsed the body whatever it said. An absent body counts only where one is optional.
 */
async function parseBody(c: LegacyContext, { optional }: { optional: boolean }): Promise<ParsedBody> {
  const text = await c.req.text();
  if (optional && text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, failure: compatInvalidJson(error instanceof Error ? error.message : String(error)) };
  }
}

const compatDeps = (c: LegacyContext, prefix: string) => ({
  now: c.get('deps').clock().toISOString(),
  newId: () => c.get('deps').newId(prefix),
});

export async function handleLegacyCalculate(c: LegacyContext): Promise<Response> {
  const body = await parseBody(c, { optional: false });
  const result = body.ok
    ? compatCalculate(body.value, {
        ...compatDeps(c, 'calc'),
        uuidHeader: c.req.header('uuid') ?? null,
        vatRate: c.get('config').legacyVatRate,
      })
    : body.failure;
  return c.json(result.body, result.status);
}

export async function handleLegacyPaymentStatements(c: LegacyContext): Promise<Response> {
  const body = await parseBody(c, { optional: true });
  const result = body.ok
    ? compatPaymentStatements(c.req.param('month') ?? '', c.req.header('uuid') ?? null)
    : body.failure;
  return c.json(result.body, result.status);
}

export async function handleLegacyCreatePayment(c: LegacyContext): Promise<Response> {
  const body = await parseBody(c, { optional: false });
  const result = body.ok ? compatCreatePayment(body.value, compatDeps(c, 'pay')) : body.failure;
  return c.json(result.body, result.status);
}
