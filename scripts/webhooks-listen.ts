/**
 * A webhook receiver for trying the API by hand (`npm run webhooks:listen -- [port]`, default 4242):
 * prints every delivery it gets, with its Billing-Signature checked against WEBHOOK_SECRET when that
 * is set (the `whsec_…` an endpoint's creation answered), and answers 200. Local development lets an
 * endpoint point at http://127.0.0.1:<port>/hooks.
 */
import { createServer } from 'node:http';
import { buffer } from 'node:stream/consumers';
import { verifyWebhook, WebhookVerificationError } from '@billing/webhooks';

const port = Number(process.argv[2] ?? process.env.PORT ?? 4242);
const secret = process.env.WEBHOOK_SECRET;

const server = createServer(async (request, response) => {
  const body = (await buffer(request)).toString('utf8');
  const signature = request.headers['billing-signature'];
  let verdict = 'not checked (set WEBHOOK_SECRET)';
  let status = 200;
  if (secret) {
    try {
      const event = await verifyWebhook(body, String(signature ?? ''), secret);
      verdict = `valid: ${event.type} ${event.id}`;
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      verdict = `REFUSED (${error.reason})`;
      status = 400;
    }
  }
  console.log(`${new Date().toISOString()} ${request.method} ${request.url}`);
  console.log(`  Billing-Signature: ${signature}`);
  console.log(`  signature ${verdict}`);
  console.log(`  ${body}\n`);
  response.writeHead(status).end(status === 200 ? 'ok' : verdict);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${port}/hooks (Ctrl-C stops)`);
});
