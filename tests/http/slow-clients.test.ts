import { connect, type Socket } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/adapter';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { logger } from '../../src/shared/logger';
import { realCore } from '../support/bot-harness';

let server: RunningServer;
beforeAll(async () => {
  const adapter = createAdapter(loadConfig({}));
  const bot = buildApp({ ...realCore(), logger }, new MemoryStorage(), adapter);
  server = await startServer({
    bot,
    adapter,
    logger,
    port: 0,
    host: '127.0.0.1',
    limits: { headersMs: 300, requestMs: 800, connectionsPerAddress: 5 },
  });
});
afterAll(() => server.stop());

/** A raw TCP client on loopback: resolves with what the server sent once it closes the connection. */
function rawClient(): { socket: Socket; closed: Promise<{ data: string; ms: number }> } {
  const started = Date.now();
  const socket = connect(server.port, '127.0.0.1');
  let data = '';
  socket.on('data', (chunk) => (data += chunk.toString()));
  const closed = new Promise<{ data: string; ms: number }>((resolve) =>
    socket.on('close', () => resolve({ data, ms: Date.now() - started })),
  );
  socket.on('error', () => undefined);
  return { socket, closed };
}

describe('Slow clients on loopback', () => {
  it('closes a connection whose headers drip in too slowly', async () => {
    const { socket, closed } = rawClient();
    socket.write('POST /api/messages HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 100);
    // Closed at all: without the limit the drip would hold the connection past the test's timeout.
    await closed;
    clearInterval(drip);
    expect(socket.destroyed).toBe(true);
  });

  it('cuts off a request whose body never completes', async () => {
    const { socket, closed } = rawClient();
    socket.write(
      'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    const { data } = await closed;
    expect(data).not.toMatch(/200 OK/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses more connections from one address than the cap, and serves again once they close', async () => {
    const clients = Array.from({ length: 7 }, () => rawClient());
    await new Promise((r) => setTimeout(r, 100));
    const refused = await Promise.race([
      Promise.any(clients.map((c) => c.closed)),
      new Promise((r) => setTimeout(() => r('none'), 250)),
    ]);
    expect(refused).not.toBe('none');
    clients.forEach((c) => c.socket.destroy());
    await Promise.all(clients.map((c) => c.closed));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
