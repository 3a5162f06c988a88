import { connect } from 'node:net';
import { describe, expect } from 'vitest';
import { createDb } from '../src/db/client';
import { pubSubFromConfig } from '../src/pubsub';
import { buildApp } from '../src/server';
import { logger, startTestServer } from './helpers/server';
import { it } from './helpers/world';

describe('HTTP endpoints', () => {
  it('answers /healthz and /readyz while the database is reachable', async ({ server }) => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up', pubsub: 'up', pool: { size: 5 } });
  });

  it('serves GraphiQL on /graphql, opened on the demo question page', async ({ server }) => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>Medical Q&A API</title>');
    expect(html).toContain('query QuestionPage');
    expect(html).toContain('is-scalp-micropigmentation-permanent');
  });

  it('returns the request id it was given, or a new one', async ({ server }) => {
    const given = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const fresh = await fetch(`${server.url}/healthz`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('when the database is unreachable', () => {
  it('reports not ready (503) and says so in each response (503 DATABASE_UNAVAILABLE), giving the request id', async () => {
    const db = createDb('postgresql://postgres@127.0.0.1:9/nowhere', 1, logger);
    const app = buildApp({ db, pubSub: pubSubFromConfig(null, 'test', logger), logger });
    const url = `http://127.0.0.1:${await app.start(0, '127.0.0.1')}`;
    try {
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', database: 'down', pubsub: 'up' });
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' },
        body: JSON.stringify({ query: '{ topics { name } }' }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toEqual({
        data: null,
        errors: [
          {
            message:
              'The database cannot be reached right now. Try again in a few seconds; a write retried with its idempotencyKey is applied once.',
            locations: [{ line: 1, column: 3 }],
            path: ['topics'],
            extensions: { code: 'DATABASE_UNAVAILABLE', retryAfter: 5, requestId: 'req-42' },
          },
        ],
      });
    } finally {
      await app.stop(100);
      await db.$disconnect();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes a request in flight, then refuses new connections', async () => {
    const local = await startTestServer({ seed: false });
    const port = new URL(local.url).port;
    const body = JSON.stringify({ query: '{ specialties { name } }' });
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let response = '';
    socket.on('data', (chunk) => (response += chunk));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    // The request is in flight once the server has read its headers (it emits 'request' then).
    const inFlight = new Promise((resolve) => local.app.httpServer.once('request', resolve));
    // Headers and half the body now; the rest after shutdown has begun.
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await inFlight;
    const stopped = local.app.stop(5000);
    // stop() closes the listening socket before it first waits.
    expect(local.app.httpServer.listening).toBe(false);
    await expect(fetch(`${local.url}/healthz`)).rejects.toThrow();
    socket.write(body.slice(10));
    await stopped; // the server closes the connection once the response is out
    await ended;
    expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(response).toContain('{"data":{"specialties":[]}}');
    await local.stop();
  });
});
