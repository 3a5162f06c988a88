import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { yearsOfExperience } from '../../src/doctors/types';
import { DEMO_QUESTION_SLUG } from '../../src/server';
import { launchBrowser, type Browser } from '../helpers/browser';
import { bearer } from '../helpers/http';
import { eventually } from '../helpers/live';
import { expectData, graphql } from '../helpers/graphql';
import { it, questionIdOf, test } from '../helpers/world';

/*
 * GraphiQL in a real browser (Debian's chromium, driven by playwright-core), with no request
 * leaving the machine: it loads, runs the question-page query it opens with, and shows an answer
 * posted through the API live in the subscription tab. `.ci/run` installs chromium.
 */

const SCREENSHOT = new URL('../../test-results/graphiql.png', import.meta.url).pathname;
const SEED_TITLE = 'Is scalp micropigmentation permanent?';
// Slow on a busy machine: the page inlines ~9 MB of scripts.
const WAIT = { timeout: 90_000 };

let browser: Browser;
let page: Page;
/** Every URL the page asked for. */
const requested: string[] = [];

test.beforeAll(async ({ server }) => {
  const origin = new URL(server.url).origin;
  // blob: URLs (GraphiQL's editor workers) carry the page's origin.
  browser = await launchBrowser((url) => url.origin === origin);
  browser.context.on('request', (request) => requested.push(request.url()));
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** The text of a Monaco editor in the page, as a person sees it (Monaco renders spaces as U+00A0). */
const editorText = async (selector: string) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines with their breaks are wanted, not the raw text
  (await page.locator(`${selector} .view-lines`).first().innerText()).replace(/\u00a0/g, ' ');
/** The editor's text as JSON, or null while it is not (yet) valid JSON. */
const editorJson = async (selector: string): Promise<unknown> => {
  try {
    return JSON.parse(await editorText(selector));
  } catch {
    return null;
  }
};

describe('GraphiQL', () => {
  it('loads from the server alone, with the question page and its variables filled in', async ({ server }) => {
    await page.goto(`${server.url}/graphql`, WAIT);
    await page.locator('.graphiql-execute-button').waitFor(WAIT);
    await expect
      .poll(() => editorText('.graphiql-query-editor'), WAIT)
      .toMatch(/^query QuestionPage\(\$slug: String!/m);
    expect(await editorJson('section[aria-label="Variables"]')).toEqual({ slug: DEMO_QUESTION_SLUG });
    expect(await page.locator('.graphiql-tab-button').allInnerTexts()).toEqual(['QuestionPage', 'AnswerAdded']);
  }, 120_000);

  it('runs the question-page query and shows the seed question', async () => {
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText(`"title": "${SEED_TITLE}"`).waitFor(WAIT);
  }, 120_000);

  it('shows an answer posted elsewhere live, in the subscription tab, with nothing added by hand', async ({
    server,
  }) => {
    const doctorRow = await server.db.doctor.findUniqueOrThrow({ where: { slug: 'harish-kumar-kabilan' } });
    const doctor = bearer(await issueCredential(server.db, { role: 'doctor', doctorId: doctorRow.id }));
    const questionId = await questionIdOf(server, DEMO_QUESTION_SLUG);

    await page.locator('.graphiql-tab-button', { hasText: 'AnswerAdded' }).click();
    await expect.poll(() => editorJson('section[aria-label="Variables"]'), WAIT).toEqual({ questionId });
    await expect.poll(() => editorText('.graphiql-query-editor'), WAIT).toMatch(/^subscription AnswerAdded\(/m);
    // GraphiQL takes in a tab's document a moment after switching to it. Run before that (seen
    // beside a busy test file), it uses the previous tab's operation and answers "Cannot infer
    // operation QuestionPage" itself, without asking the server. A person would click Run again,
    // and so does this test, only while GraphiQL is idle (its button says Execute, not Stop), so
    // it never stops a subscription that is running.
    const run = page.locator('.graphiql-execute-button');
    await expect
      .poll(
        async () => {
          const idle = (await run.getAttribute('aria-label'))?.startsWith('Execute');
          if (server.pubSub.listenerCount() === 0 && idle) await run.click();
          return server.pubSub.listenerCount();
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(1);

    const posted = expectData(
      await server.request(
        graphql(
          `mutation GraphiqlPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
        ),
        { input: { questionId, body: 'Posted while GraphiQL listens.' } },
        doctor,
      ),
    );
    await page.locator('.graphiql-response').getByText('Posted while GraphiQL listens.').waitFor(WAIT);
    expect(await editorJson('.graphiql-response')).toEqual({
      data: {
        answerAdded: {
          cursor: expect.any(String),
          node: {
            id: posted.postAnswer.answer.id,
            body: 'Posted while GraphiQL listens.',
            answeredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
            lastEditedAt: null,
            editorial: false,
            author: {
              __typename: 'Doctor',
              name: 'Dr. Harish Kumar Kabilan',
              slug: 'harish-kumar-kabilan',
              yearsOfExperience: yearsOfExperience(doctorRow.careerStartYear),
              profilePictureUrl: null,
              specialty: { name: 'Plastic Surgeon' },
            },
          },
        },
      },
    });
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // Stopping it in GraphiQL ends the subscription on the server.
    await page.locator('.graphiql-execute-button').click();
    await eventually(() => server.pubSub.listenerCount() === 0, 60_000, 'the subscription to end');
  }, 180_000);

  it('asked nothing of any other origin', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(browser.refused).toEqual([]);
  });
});
