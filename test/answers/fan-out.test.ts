import { expect } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { eventually, subscribe, wsClient } from '../helpers/live';
import { graphql } from '../helpers/graphql';
import { it } from '../helpers/deployment';

// Two instances of one deployment: one PostgreSQL database, one Redis, one channel prefix.
it.override({ pairOptions: { name: 'fanout' } });

it('delivers an answer posted on one instance to a subscriber on the other, exactly once', async ({ a, b }) => {
  const doctor = await a.db.doctor.findUniqueOrThrow({ where: { slug: 'izharul-hasan' } });
  const token = await issueCredential(a.db, { role: 'doctor', doctorId: doctor.id });
  const question = await a.request(
    graphql(`query FanOutQuestion { question(slug: "is-scalp-micropigmentation-permanent") { id } }`),
  );
  const questionId = question.data!.question!.id;

  const client = wsClient(a.url);
  const live = subscribe(
    client,
    graphql(
      `subscription FanOutAnswerAdded($q: ID!) { answerAdded(questionId: $q) { node { body author { ... on Doctor { name yearsOfExperience } } } } }`,
    ),
    { q: questionId },
  );
  await eventually(() => a.pubSub.listenerCount() === 1);

  const posted = await b.request(
    graphql(`mutation FanOutPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }`),
    { input: { questionId, body: 'Posted through instance B.' } },
    { authorization: `Bearer ${token}` },
  );
  expect(posted).toEqual({ data: { postAnswer: { answer: { body: 'Posted through instance B.' } } } });

  await live.waitFor(1);
  // Events arrive in order: once a sentinel posted last is in, a duplicate would be too.
  await b.request(
    graphql(`mutation FanOutPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }`),
    { input: { questionId, body: 'Sentinel.' } },
    { authorization: `Bearer ${token}` },
  );
  await live.waitFor(2);
  expect(live.received.map((event) => event.answerAdded.node.body)).toEqual([
    'Posted through instance B.',
    'Sentinel.',
  ]);
  expect(live.received.slice(0, 1)).toEqual([
    {
      answerAdded: {
        node: {
          body: 'Posted through instance B.',
          author: { name: 'Dr. Izharul Hasan', yearsOfExperience: new Date().getUTCFullYear() - 2010 },
        },
      },
    },
  ]);
  await client.dispose();
});
