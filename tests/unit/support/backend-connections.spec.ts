import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { newBackendContext } from '../../support/api/backend-context';
import { expect, test } from '../../support/api-test';

/**
 * A server that answers the first request on each connection and then drops the connection when a
 * second request arrives on it: what workerd does to a request that meets its 15-second close
 * of an idle connection, made certain instead of a matter of timing. Like any HTTP/1.1 server, it
 * keeps the connection open after an answer unless the request asked it to close.
 */
async function startDroppingServer(): Promise<{ server: Server; url: string; connections: () => number }> {
  let connections = 0;
  const server = createServer((socket: Socket) => {
    connections += 1;
    let answered = false;
    socket.on('data', (request: Buffer) => {
      if (answered) {
        socket.destroy();
        return;
      }
      answered = true;
      const close = /^connection:\s*close\r$/im.test(request.toString('latin1'));
      const head = `HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: ${close ? 'close' : 'keep-alive'}\r\n\r\n`;
      if (close) socket.end(`${head}ok`);
      else socket.write(`${head}ok`);
    });
    socket.on('error', () => {});
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { server, url: `http://127.0.0.1:${address.port}`, connections: () => connections };
}

test.describe('the tests’ connections to a backend', () => {
  test('a request never reuses a connection the server may be closing', async ({ playwright }) => {
    const { server, url, connections } = await startDroppingServer();
    const context = await newBackendContext(playwright, url);
    try {
      for (let sent = 0; sent < 3; sent += 1) {
        const response = await context.get('/health');
        expect(await response.text()).toBe('ok');
      }
      expect(connections()).toBe(3);
    } finally {
      await context.dispose();
      server.close();
    }
  });
});
