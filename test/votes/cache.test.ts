import { expect } from 'vitest';
import { DEFAULT_RESPONSE_CACHE } from '../../src/cache/response-cache';
import { bearer } from '../helpers/http';
import { eventually } from '../helpers/live';
import type { TestServer } from '../helpers/server';
import { doctorToken } from '../notifications/support';
import { expectData, graphql } from '../helpers/graphql';
import { it } from '../helpers/deployment';

// Two instances of one deployment, both caching anonymous responses.
it.override({ pairOptions: { name: 'votes-cache', responseCache: DEFAULT_RESPONSE_CACHE } });

const PAGE = graphql(`query CacheQuestion { question(slug: "is-scalp-micropigmentation-permanent") {
  answers { edges { node { id agreeCount agreedBy { edges { node { name } } } author { ... on Doctor { slug } } } } }
} }`);

it('shows a new agreement at once on every instance, though the page was cached', async ({ a, b }) => {
  const answers = async (server: TestServer) =>
    (await server.request(PAGE)).data!.question!.answers.edges.map((e) => e.node);
  const before = await answers(a);
  await answers(b);
  const cached = await a.countStatements(() => answers(a));
  expect(cached.count).toBe(0);

  const target = before.find((n) => n.author.slug === 'izharul-hasan')!;
  expectData(
    await b.request(
      graphql(
        `mutation CacheAgreeWithAnswer($input: AgreeWithAnswerInput!) { agreeWithAnswer(input: $input) { answer { agreeCount } } }`,
      ),
      { input: { answerId: target.id } },
      bearer(await doctorToken(a, 'harish-kumar-kabilan')),
    ),
  );
  const expected = { ...target, agreeCount: 1, agreedBy: { edges: [{ node: { name: 'Dr. Harish Kumar Kabilan' } }] } };
  const shown = async (server: TestServer) => (await answers(server)).find((n) => n.id === target.id);
  expect(await shown(b)).toEqual(expected); // the writer's own instance, at once
  // The other instance drops its entry when the invalidation arrives through Redis.
  await eventually(async () => (await shown(a))?.agreeCount === 1, 10_000, 'the invalidation on A');
  expect(await shown(a)).toEqual(expected);
});
