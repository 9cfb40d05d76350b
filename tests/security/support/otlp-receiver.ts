import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One span as the OTLP/HTTP JSON encoding carries it, its attributes flattened to values. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

interface OtlpTraces {
  resourceSpans?: {
    scopeSpans?: { spans?: (Omit<ReceivedSpan, 'attributes'> & { attributes?: OtlpAttribute[] })[] }[];
  }[];
}

/**
 * A collector as small as a test needs: POST /v1/traces in OTLP/HTTP JSON, every span kept with the
 * headers its export came with. Listens on a port the system picks.
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  readonly exportHeaders: IncomingHttpHeaders[] = [];

  private constructor(
    readonly url: string,
    private readonly server: ReturnType<typeof createServer>,
  ) {}

  static async start(): Promise<OtlpReceiver> {
    let receiver: OtlpReceiver | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const accepted = request.method === 'POST' && request.url === '/v1/traces';
        if (accepted && request.headers['content-type']?.startsWith('application/json')) {
          receiver?.receive(request.headers, JSON.parse(Buffer.concat(chunks).toString()) as OtlpTraces);
        }
        response.writeHead(accepted ? 200 : 404, { 'Content-Type': 'application/json' });
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    receiver = new OtlpReceiver(`http://127.0.0.1:${port}`, server);
    return receiver;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private receive(headers: IncomingHttpHeaders, traces: OtlpTraces): void {
    this.exportHeaders.push(headers);
    for (const resource of traces.resourceSpans ?? []) {
      for (const scope of resource.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) {
          const attributes = Object.fromEntries(
            (span.attributes ?? []).map(({ key, value }) => [key, Object.values(value)[0]]),
          );
          this.spans.push({ ...span, attributes });
        }
      }
    }
  }
}
