import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { type VerifiedEvent, verifyWebhook, WebhookVerificationError } from '@billing/webhooks';

/** One request the receiver got, with what its signature check said. */
export interface ReceivedDelivery {
  receivedAt: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The event, when the signature checked out against the receiver's secret. */
  event: VerifiedEvent | null;
  /** Why the signature was refused, when it was. */
  refused: WebhookVerificationError['reason'] | null;
  /** The status the receiver answered. */
  answered: number;
}

/**
 * A webhook receiver in the test's worker: an HTTP server on the loopback host that checks every
 * delivery's signature with the receivers' helper (@billing/webhooks), records it, and answers with
 * the statuses the test scripts (`answer(500, 500)` then 200 for the rest), or hangs on request.
 */
export class WebhookReceiver {
  readonly deliveries: ReceivedDelivery[] = [];
  #secret = '';
  #script: (number | 'hang')[] = [];
  readonly #hanging = new Set<() => void>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(path = '/hooks'): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | undefined;
    const server = createServer((request, response) => {
      void receiver?.handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}${path}`);
    return receiver;
  }

  /** The endpoint's secret, to check signatures with (from its create or rotate answer). */
  useSecret(secret: string): void {
    this.#secret = secret;
  }

  /** The next answers, in order; 200 once they are used up. `hang`: never answer that request. */
  answer(...statuses: (number | 'hang')[]): void {
    this.#script.push(...statuses);
  }

  /** Forgets the scripted answers not used yet: 200 from now on. */
  resetAnswers(): void {
    this.#script = [];
  }

  /** The verified events received, in arrival order, optionally only about one object. */
  events(objectId?: string): VerifiedEvent[] {
    return this.deliveries
      .map((delivery) => delivery.event)
      .filter((event): event is VerifiedEvent => event !== null)
      .filter((event) => objectId === undefined || objectOf(event) === objectId);
  }

  async close(): Promise<void> {
    for (const release of this.#hanging) release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(
    request: import('node:http').IncomingMessage,
    response: import('node:http').ServerResponse,
  ): Promise<void> {
    const body = (await buffer(request)).toString('utf8');
    const planned = this.#script.shift() ?? 200;
    let event: VerifiedEvent | null = null;
    let refused: ReceivedDelivery['refused'] = null;
    try {
      event = await verifyWebhook(body, headerOf(request.headers['billing-signature']), this.#secret);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      refused = error.reason;
    }
    const status = planned === 'hang' ? 0 : refused ? 400 : planned;
    this.deliveries.push({
      receivedAt: Date.now(),
      headers: request.headers,
      body,
      event,
      refused,
      answered: status,
    });
    if (planned === 'hang') {
      // Holds the request open until the test ends (or the sender gives up and hangs up).
      await new Promise<void>((resolve) => {
        this.#hanging.add(resolve);
        request.socket.once('close', resolve);
      });
      response.destroy();
      return;
    }
    response.writeHead(status, { 'Content-Type': 'text/plain' });
    response.end(status === 200 ? 'ok' : `answered ${status}`);
  }
}

/** The id of the object an event reports on (statements carry `statementId`). */
export function objectOf(event: VerifiedEvent): unknown {
  return event.data.object.id ?? event.data.object.statementId;
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
