import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../helpers/browser';
import { TEST_LIMITS, startTestServer, type TestServer } from '../helpers/server';
import { graphql, sourceOf, type Operation } from '../helpers/graphql';

/*
 * CORS and CSRF as a browser enforces them (chromium via playwright-core): a page of a configured
 * origin calls the API and reads x-request-id and Retry-After; a page of any other origin can
 * neither read answers nor make the API run a mutation with a "simple" request. Both pages come
 * from one small local server: http://127.0.0.1:<port> is configured, http://localhost:<port>
 * is another origin.
 */

const ASK = graphql(
  `mutation CorsAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
);

let api: TestServer;
let site: Server;
let allowedOrigin: string;
let otherOrigin: string;
let browser: Browser;

beforeAll(async () => {
  site = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title>'),
  );
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const port = (site.address() as AddressInfo).port;
  allowedOrigin = `http://127.0.0.1:${port}`;
  otherOrigin = `http://localhost:${port}`;
  // One question per hour, so that the second gets 429 with Retry-After.
  api = await startTestServer({
    corsOrigins: [allowedOrigin],
    limits: { rate: { ...TEST_LIMITS.rate, askQuestionPerHour: 1 } },
  });
  // Nothing may leave the machine: every request goes to the loopback servers above.
  browser = await launchBrowser(({ hostname }) => hostname === '127.0.0.1' || hostname === 'localhost');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await new Promise((resolve) => site?.close(resolve));
});

async function pageAt(origin: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${origin}/`);
  return page;
}

/** A JSON POST from the page's own script, as a browser app sends it; what the script can read. */
function postFromPage(page: Page, operation: Operation<unknown, never>, variables: Record<string, unknown> = {}) {
  const query = sourceOf(operation);
  return page.evaluate(
    async ({ url, query, variables }) => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
        return {
          status: response.status,
          requestId: response.headers.get('x-request-id'),
          retryAfter: response.headers.get('retry-after'),
          data: body.data ?? null,
          codes: body.errors?.map((error) => error.extensions?.code) ?? [],
        };
      } catch (error) {
        return { failed: String(error) };
      }
    },
    { url: `${api.url}/graphql`, query, variables },
  );
}

describe('in a browser', () => {
  it('a page of a configured origin reads answers, x-request-id and Retry-After', async () => {
    const page = await pageAt(allowedOrigin);
    const read = await postFromPage(page, '{ topics { slug } }');
    expect(read).toMatchObject({
      status: 200,
      requestId: expect.stringMatching(/^[\w-]+$/),
      retryAfter: null,
      codes: [],
    });
    expect(read).toHaveProperty('data.topics', expect.arrayContaining([{ slug: 'scalp-micropigmentation' }]));

    const input = { title: 'Can a browser app ask this?', body: 'Asked from a configured origin.' };
    expect(await postFromPage(page, ASK, { input })).toMatchObject({ status: 200, codes: [] });
    const limited = await postFromPage(page, ASK, { input });
    expect(limited).toMatchObject({
      status: 429,
      codes: ['RATE_LIMITED'],
      requestId: expect.stringMatching(/^[\w-]+$/),
    });
    expect(Number((limited as { retryAfter: string }).retryAfter)).toBeGreaterThan(0);
    await page.close();
  }, 120_000);

  it('a page of any other origin cannot read an answer', async () => {
    const page = await pageAt(otherOrigin);
    expect(await postFromPage(page, '{ topics { slug } }')).toEqual({ failed: 'TypeError: Failed to fetch' });
    await page.close();
  }, 120_000);

  it('a page of any other origin cannot make the API run a mutation (a no-cors text/plain POST)', async () => {
    const before = await api.db.question.count();
    const page = await pageAt(otherOrigin);
    const sent = await page.evaluate(
      async ({ url, body }) =>
        (await fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body })).type,
      {
        url: `${api.url}/graphql`,
        body: JSON.stringify({ query: ASK, variables: { input: { title: 'Forged?', body: 'Sent cross-site.' } } }),
      },
    );
    expect(sent).toBe('opaque'); // sent, and its answer hidden from the page
    expect(await api.db.question.count()).toBe(before);
    await page.close();
  }, 120_000);

  it('asked nothing of any other host', () => {
    expect(browser.refused).toEqual([]);
  });
});
