import { type APIResponse, test } from '@playwright/test';

/**
 * What the client needs of a transport: Playwright's APIRequestContext (HTTP to a server) has it, and
 * so has the in-process one of the quick lane (tests/support/api/in-process.ts: the app's own fetch).
 */
export interface BillingTransport {
  fetch(
    path: string,
    options: {
      method: string;
      headers: Record<string, string>;
      data?: Buffer | string;
      failOnStatusCode: false;
    },
  ): Promise<APIResponse>;
}

export interface Exchange {
  method: string;
  path: string;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
}

export interface CallOptions {
  headers?: Record<string, string>;
  /** Sends this exact text as the body (for malformed-JSON and content-type tests). */
  rawBody?: string;
}

/**
 * A thin client of the billing API on Playwright's request context (or the quick lane's in-process
 * transport). Each call is a boxed test step named by its method and path, every exchange is kept so
 * a failing test attaches them, and any 5xx answer fails the test on the spot.
 */
export class BillingApi {
  readonly exchanges: Exchange[] = [];

  constructor(
    private readonly request: BillingTransport,
    private readonly apiKey: string | null,
  ) {}

  get(path: string, options: CallOptions = {}): Promise<APIResponse> {
    return this.call('GET', path, undefined, options);
  }

  post(path: string, body?: unknown, options: CallOptions = {}): Promise<APIResponse> {
    return this.call('POST', path, body, options);
  }

  patch(path: string, body?: unknown, options: CallOptions = {}): Promise<APIResponse> {
    return this.call('PATCH', path, body, options);
  }

  delete(path: string, options: CallOptions = {}): Promise<APIResponse> {
    return this.call('DELETE', path, undefined, options);
  }

  /** Any method, e.g. one the path does not take (PUT, a DELETE of a list): the answer is the test's. */
  send(method: string, path: string, options: CallOptions = {}): Promise<APIResponse> {
    return this.call(method, path, undefined, options);
  }

  /** POSTs and returns the JSON body, failing the step unless the status is the expected one. */
  async create<T = Record<string, unknown>>(path: string, body: unknown, expectedStatus = 201): Promise<T> {
    const response = await this.post(path, body);
    return this.expectStatus<T>(response, expectedStatus, `POST ${path}`);
  }

  /** GETs and returns the JSON body, failing unless 200. */
  async read<T = Record<string, unknown>>(path: string): Promise<T> {
    return this.expectStatus<T>(await this.get(path), 200, `GET ${path}`);
  }

  private async expectStatus<T>(response: APIResponse, expected: number, what: string): Promise<T> {
    const body = await response.json().catch(() => null);
    if (response.status() !== expected) {
      throw new Error(`${what} answered ${response.status()}, expected ${expected}: ${JSON.stringify(body)}`);
    }
    return body as T;
  }

  private call(method: string, path: string, body: unknown, options: CallOptions): Promise<APIResponse> {
    return test.step(
      `${method} ${path}`,
      async () => {
        const headers: Record<string, string> = { ...options.headers };
        if (this.apiKey && !('Authorization' in headers)) headers.Authorization = `Bearer ${this.apiKey}`;
        let data: string | Buffer | undefined;
        // A Buffer goes out byte for byte; Playwright would JSON-encode a string sent as JSON.
        if (options.rawBody !== undefined) data = Buffer.from(options.rawBody);
        else if (body !== undefined) {
          data = JSON.stringify(body);
          headers['Content-Type'] ??= 'application/json';
        }
        const response = await this.request.fetch(path, { method, headers, data, failOnStatusCode: false });
        const exchange = {
          method,
          path,
          requestBody: body ?? options.rawBody ?? null,
          status: response.status(),
          responseBody: await response.json().catch(async () => response.text()),
        };
        this.exchanges.push(exchange);
        // No request of any test may see a server error: bad input must be a 4xx problem.
        if (exchange.status >= 500) {
          throw new Error(
            `${method} ${path} answered ${exchange.status}: ${JSON.stringify(exchange.responseBody)}`,
          );
        }
        return response;
      },
      { box: true },
    );
  }
}
