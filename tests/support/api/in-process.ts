import type { APIResponse } from '@playwright/test';
import type { BillingTransport } from './billing-api';

/** The `backendURL` of the quick lane's projects: the app runs inside the test worker, no server. */
export const IN_PROCESS = 'inprocess:';

/** The origin requests are addressed to in process (no socket is opened; the app only sees the URL). */
const ORIGIN = 'http://in-process.test';

type FetchHandler = (request: Request) => Response | Promise<Response>;

/**
 * The billing client's transport straight into a fetch handler (the edge's `app.fetch`, the mock's
 * `fetch`): the request Playwright would have sent, as the app would have received it, and an
 * APIResponse over the app's answer.
 */
export function inProcessTransport(handler: FetchHandler): BillingTransport {
  return {
    async fetch(path, { method, headers, data }) {
      const url = new URL(path, ORIGIN).toString();
      const sent = new Headers(headers);
      // What Playwright's request context adds to every request.
      if (!sent.has('accept')) sent.set('accept', '*/*');
      if (!sent.has('user-agent')) sent.set('user-agent', 'Playwright in-process');
      const body = data === undefined ? undefined : typeof data === 'string' ? Buffer.from(data) : data;
      if (body !== undefined) sent.set('content-length', String(body.byteLength));
      const response = await handler(requestOf(url, method, sent, body));
      return new InProcessResponse(url, response, Buffer.from(await response.arrayBuffer()));
    },
  };
}

/**
 * A GET with a body (the legacy routes read one, DOMAIN §9) goes through HTTP and workerd, but the
 * fetch Request refuses it: it is built as a POST that reports itself a GET, as the Node host does
 * (edge/src/node/server.ts).
 */
function requestOf(url: string, method: string, headers: Headers, body: Buffer | undefined): Request {
  if (body === undefined || (method !== 'GET' && method !== 'HEAD')) {
    return new Request(url, { method, headers, body: body === undefined ? undefined : new Uint8Array(body) });
  }
  const request = new Request(url, { method: 'POST', headers, body: new Uint8Array(body) });
  Object.defineProperty(request, 'method', { value: method });
  return request;
}

/** Playwright's APIResponse over a Response of the app, its body already read. */
class InProcessResponse implements APIResponse {
  private readonly list: { name: string; value: string }[] = [];

  constructor(
    private readonly address: string,
    private readonly response: Response,
    private readonly bytes: Buffer,
  ) {
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') this.list.push({ name, value });
    });
    for (const value of response.headers.getSetCookie()) this.list.push({ name: 'set-cookie', value });
  }

  async body(): Promise<Buffer> {
    return this.bytes;
  }

  async text(): Promise<string> {
    return this.bytes.toString('utf8');
  }

  async json() {
    return JSON.parse(this.bytes.toString('utf8'));
  }

  status(): number {
    return this.response.status;
  }

  statusText(): string {
    return this.response.statusText;
  }

  ok(): boolean {
    return this.response.status >= 200 && this.response.status <= 299;
  }

  url(): string {
    return this.address;
  }

  headers(): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const { name, value } of this.list) {
      headers[name] = name in headers ? `${headers[name]}\n${value}` : value;
    }
    return headers;
  }

  headersArray(): { name: string; value: string }[] {
    return [...this.list];
  }

  async securityDetails(): Promise<null> {
    return null;
  }

  async serverAddr(): Promise<null> {
    return null;
  }

  timing() {
    return {
      startTime: 0,
      domainLookupStart: -1,
      domainLookupEnd: -1,
      connectStart: -1,
      secureConnectionStart: -1,
      connectEnd: -1,
      requestStart: 0,
      responseStart: 0,
      responseEnd: 0,
    };
  }

  async dispose(): Promise<void> {}

  async [Symbol.asyncDispose](): Promise<void> {}
}
