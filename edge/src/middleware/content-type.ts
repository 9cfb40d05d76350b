import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { ApiError } from '../http/problem';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * A request that sends a body must send JSON (415 otherwise); an empty body is let through. JSON is
 * UTF-8 (RFC 8259 §8.1) and the edge reads every body as UTF-8, so a body declared in another charset
 * (`charset=latin1`) is refused rather than read as something other than what the client meant;
 * `charset=utf-8`, or another label of UTF-8 (`utf8`), in any case and quoted or not, is the same as none.
 */
export const requireJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (METHODS_WITH_BODY.has(c.req.method) && hasBody(c.req.header('Content-Length'), c.req.raw)) {
    const [mediaType = '', ...parameters] = (c.req.header('Content-Type') ?? '').split(';');
    const type = mediaType.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new ApiError(
        415,
        'unsupported-media-type',
        'Unsupported media type',
        `the request body must be application/json, got ${type ? `"${type}"` : 'no Content-Type'}`,
        { errors: [{ field: 'Content-Type', rule: 'media-type', message: 'must be application/json' }] },
      );
    }
    const charset = charsetOf(parameters);
    if (charset !== null && charset.toLowerCase() !== 'utf-8' && !namesUtf8(charset)) {
      throw new ApiError(
        415,
        'unsupported-media-type',
        'Unsupported media type',
        `the request body must be JSON in UTF-8, got charset "${charset}"`,
        {
          errors: [
            {
              field: 'Content-Type',
              rule: 'charset',
              message: `must declare charset=utf-8 or no charset (JSON is UTF-8), got charset ${charset}`,
            },
          ],
        },
      );
    }
  }
  await next();
};

/**
 * Whether a charset label names UTF-8 (`utf-8`, `UTF8`, `unicode-1-1-utf-8`, …), as the runtime's
 * own TextDecoder resolves labels (the WHATWG Encoding Standard's table); a label it does not know
 * is not UTF-8. The caller answers `utf-8` itself, the label nearly every client sends, so no
 * decoder is made for it.
 */
function namesUtf8(label: string): boolean {
  try {
    return new TextDecoder(label).encoding === 'utf-8';
  } catch {
    return false;
  }
}

/** The value of a media type's `charset` parameter (its name in any case; the value unquoted), else null. */
function charsetOf(parameters: readonly string[]): string | null {
  for (const parameter of parameters) {
    const separator = parameter.indexOf('=');
    if (separator < 0 || parameter.slice(0, separator).trim().toLowerCase() !== 'charset') continue;
    return parameter
      .slice(separator + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return null;
}

/** A positive declared length: the request has a body, no need to ask the request object. */
const POSITIVE_LENGTH = /^[1-9][0-9]*$/;

/**
 * Whether the request sends a body: not when it declares a length of 0, and not when it has none.
 * A positive Content-Length answers without touching `request.body`, which on Node would turn the
 * adapter's lazy request into a stream-backed one before the handler reads the body its own way.
 */
function hasBody(contentLength: string | undefined, request: Request): boolean {
  if (contentLength !== undefined && POSITIVE_LENGTH.test(contentLength)) return true;
  return contentLength !== '0' && request.body !== null;
}
