import {
  type CompatFailure,
  compatCalculate,
  compatCreatePayment,
  compatInvalidJson,
  compatPaymentStatements,
} from '@billing/engine';
import { HttpResponse } from 'msw';
import { type Call, newId } from '../src/operation';
import type { Kit } from './kit';

type ParsedBody = { ok: true; value: unknown } | { ok: false; failure: CompatFailure };

/**
 * The body parsed as the legacy API did, whatever its Content-Type: a body that is not JSON answers
 * the legacy 400 with the parser's own words. An absent body counts only where one is optional.
 */
function parseBody(text: string, { optional }: { optional: boolean }): ParsedBody {
  if (optional && text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, failure: compatInvalidJson(error instanceof Error ? error.message : String(error)) };
  }
}

function calculate(call: Call<null>): Response {
  const body = parseBody(call.text, { optional: false });
  const result = body.ok
    ? compatCalculate(body.value, {
        now: call.now(),
        newId: () => newId('calc'),
        uuidHeader: call.request.headers.get('uuid'),
        vatRate: call.config.legacyVatRate,
      })
    : body.failure;
  return HttpResponse.json(result.body, { status: result.status });
}

function paymentStatements(call: Call<null>, month: string): Response {
  const body = parseBody(call.text, { optional: true });
  const result = body.ok ? compatPaymentStatements(month, call.request.headers.get('uuid')) : body.failure;
  return HttpResponse.json(result.body, { status: result.status });
}

function createPayment(call: Call<null>): Response {
  const body = parseBody(call.text, { optional: false });
  const result = body.ok
    ? compatCreatePayment(body.value, { now: call.now(), newId: () => newId('pay') })
    : body.failure;
  return HttpResponse.json(result.body, { status: result.status });
}

/**
 * The legacy routes of DOMAIN §9, with and without `/api`: no API key, no rate limit, nothing
 * stored, the older system's envelope (never problem+json) for anything but a body over the limit.
 */
export function legacyHandlers({ http, operation }: Kit) {
  return [
    http.post(
      '/api/billing/admin/calculate',
      operation('legacyCalculate', null, (call, { response }) => response.untyped(calculate(call))),
    ),
    http.post(
      '/billing/admin/calculate',
      operation('legacyCalculateAlias', null, (call, { response }) => response.untyped(calculate(call))),
    ),
    http.get(
      '/api/billing/payments/{month}/statements',
      operation('legacyPaymentStatements', null, (call, { response, params }) =>
        response.untyped(paymentStatements(call, params.month)),
      ),
    ),
    http.get(
      '/billing/payments/{month}/statements',
      operation('legacyPaymentStatementsAlias', null, (call, { response, params }) =>
        response.untyped(paymentStatements(call, params.month)),
      ),
    ),
    http.post(
      '/api/billing/payments/{month}',
      operation('legacyCreatePayment', null, (call, { response }) => response.untyped(createPayment(call))),
    ),
    http.post(
      '/billing/payments/{month}',
      operation('legacyCreatePaymentAlias', null, (call, { response }) =>
        response.untyped(createPayment(call)),
      ),
    ),
  ];
}
