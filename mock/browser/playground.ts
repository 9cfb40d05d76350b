/**
 * The playground page (`GET /browser/` on `npm run mock`): starts the billing mock's service worker
 * for this tab and offers a small request form. Tests and people reach the page's mock through
 * `window.billingMock`.
 */
import { mock, worker } from '../src/browser';
import type { PlaygroundGlobal } from './global';

const ready = worker
  .start({
    serviceWorker: { url: './mockServiceWorker.js', options: { scope: './' } },
    onUnhandledRequest: 'bypass',
    quiet: true,
  })
  .then(() => undefined);
(window as unknown as PlaygroundGlobal).billingMock = { mock, ready };

const status = document.getElementById('worker-status') as HTMLElement;
const form = document.getElementById('request-form') as HTMLFormElement;
const send = form.querySelector('button') as HTMLButtonElement;
const responseStatus = document.getElementById('response-status') as HTMLElement;
const responseBody = document.getElementById('response-body') as HTMLElement;

ready.then(
  () => {
    status.textContent = 'The billing API is answering in this tab.';
    send.disabled = false;
  },
  (error: unknown) => {
    status.textContent = `The service worker did not start: ${String(error)}`;
  },
);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const fields = new FormData(form);
  const method = String(fields.get('method'));
  const apiKey = String(fields.get('apiKey')).trim();
  const body = String(fields.get('body')).trim();
  const headers = new Headers();
  if (apiKey) headers.set('Authorization', `Bearer ${apiKey}`);
  if (body) headers.set('Content-Type', 'application/json');
  responseStatus.textContent = 'Sending…';
  responseBody.textContent = '';
  try {
    const response = await fetch(String(fields.get('path')), { method, headers, body: body || undefined });
    const text = await response.text();
    responseStatus.textContent = `${response.status} ${response.statusText}`;
    responseBody.textContent = prettyJson(text);
  } catch (error) {
    responseStatus.textContent = `The request failed: ${String(error)}`;
  }
});

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
