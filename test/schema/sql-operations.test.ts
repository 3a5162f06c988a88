/**
 * The SQL each key page and live delivery runs, recorded and compared with a snapshot, as Pothos'
 * plugin tests record Prisma's operations: a new statement (an N+1, a lost join, an extra count)
 * shows up here the moment it appears. Each statement is summed up as its verb and the tables it
 * reads or writes, in order of first mention, so that column changes do not disturb the snapshot.
 */
import { expect } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { DoctorListDocument, QuestionListDocument, QuestionPageDocument } from '../../src/client/generated/graphql';
import { eventually, subscribe, wsClient } from '../helpers/live';
import { graphql } from '../helpers/graphql';
import { it } from '../helpers/world';
import type { TestServer } from '../helpers/server';

const slug = 'is-scalp-micropigmentation-permanent';

/**
 * "SELECT question, answer, doctor": the verb and every table named, in order of first mention;
 * a statement that names no table by the function it calls ("SELECT set_config").
 */
function summary(sql: string): string {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '?';
  const tables = [...sql.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+(?:"public"\.)?"?(\w+)"?/gi)]
    .map((match) => match[1])
    .filter((name) => name !== name?.toUpperCase()); // LATERAL, OF: keywords, not tables (ours are lower case)
  const called = tables.length ? [] : [/^\s*\w+\s+(\w+)\s*\(/.exec(sql)?.[1]];
  return [verb, [...new Set([...tables, ...called])].filter(Boolean).join(', ')].filter(Boolean).join(' ');
}

async function recorded(server: TestServer, run: () => Promise<unknown>): Promise<string[]> {
  const { statements } = await server.countStatements(run);
  return statements.map(summary);
}

async function ok(response: Promise<{ errors?: unknown }>): Promise<void> {
  expect((await response).errors).toBeUndefined();
}

it('question page: the question with everything it shows, its related blogs included, in one statement', async ({
  server,
}) => {
  expect(await recorded(server, () => ok(server.request(QuestionPageDocument, { slug })))).toMatchSnapshot();
});

it('list page and doctor list: the page and its count', async ({ server }) => {
  const topic = await server.db.topic.findFirstOrThrow({ where: { slug: 'scalp-micropigmentation' } });
  expect(
    await recorded(server, () =>
      ok(
        server.request(QuestionListDocument, {
          filter: { topic: topic.slug },
          orderBy: 'RECENTLY_ANSWERED',
          first: 20,
        }),
      ),
    ),
  ).toMatchSnapshot();
  expect(
    await recorded(server, () => ok(server.request(DoctorListDocument, { orderBy: 'EXPERIENCE', first: 20 }))),
  ).toMatchSnapshot();
});

it('nodes(ids:) of several types: one statement per type', async ({ server }) => {
  const { data } = await server.request<{ question: { id: string; answers: { edges: { node: { id: string } }[] } } }>(
    `{ question(slug: "${slug}") { id answers(first: 3) { edges { node { id } } } } }`,
  );
  const ids = [data!.question.id, ...data!.question.answers.edges.map((edge) => edge.node.id)];
  const statements = await recorded(server, () =>
    ok(server.request(graphql(`query SqlOperationsNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }`), { ids })),
  );
  // The types' loads run at the same time, and Prisma reports a statement when it completes: their
  // order is whichever finished first (it swapped once under load), so they are compared sorted.
  expect(statements.sort()).toMatchSnapshot();
});

/** The statements of one postAnswer and its delivery to `count` subscribers of the question. */
async function postAndDeliver(server: TestServer, count: number, token: string, questionId: string): Promise<string[]> {
  const client = wsClient(server.url);
  const query =
    'subscription($q: ID!) { answerAdded(questionId: $q) { node { body author { ... on Doctor { name } } } } }';
  const subscribers = Array.from({ length: count }, () => subscribe(client, query, { q: questionId }));
  const post = (body: string) =>
    ok(
      server.request(
        graphql(
          `mutation SqlOperationsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
        ),
        { input: { questionId, body } },
        { authorization: `Bearer ${token}` },
      ),
    );
  await eventually(() => server.pubSub.listenerCount() === count);
  try {
    // A first answer reaches every subscriber only once each has finished starting.
    await post(`Warm-up for ${count}.`);
    await Promise.all(subscribers.map((live) => live.waitFor(1)));
    return await recorded(server, async () => {
      await post(`Recorded answer for ${count}.`);
      await Promise.all(subscribers.map((live) => live.waitFor(2)));
    });
  } finally {
    await client.dispose();
    await eventually(() => server.pubSub.listenerCount() === 0);
  }
}

it('postAnswer: the credential, the author, the question locked, the answer and its notification written', async ({
  server,
}) => {
  const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: 'harish-kumar-kabilan' } });
  const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
  const { data } = await server.request<{ question: { id: string } }>(`{ question(slug: "${slug}") { id } }`);
  const statements = await recorded(server, () =>
    ok(
      server.request(
        graphql(
          `mutation SqlOperationsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
        ),
        { input: { questionId: data!.question.id, body: 'Recorded answer.' } },
        { authorization: `Bearer ${token}` },
      ),
    ),
  );
  expect(statements).toMatchSnapshot();
});

it('live delivery loads the delivered answers once per selection, for one subscriber as for five', async ({
  server,
}) => {
  const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: 'izharul-hasan' } });
  const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
  const { data } = await server.request<{ question: { id: string } }>(`{ question(slug: "${slug}") { id } }`);
  // How many catch-up reads a delivery takes depends on timing (events close together share one);
  // the answers themselves, with their authors, are loaded once for all identical subscriptions.
  const selectionLoads = (statements: string[]) =>
    statements.filter((s) => s === 'SELECT answer, doctor, staff_member');
  expect(selectionLoads(await postAndDeliver(server, 1, token, data!.question.id))).toHaveLength(1);
  expect(selectionLoads(await postAndDeliver(server, 5, token, data!.question.id))).toHaveLength(1);
});
