/**
 * Identical subscriptions share each event's execution (src/plugins/shared-subscriptions.ts): the
 * logical clock there ticks once per execution started, so it counts them exactly.
 */
import { expect } from 'vitest';
import { issueCredential } from '../../src/auth/tokens';
import { liveClock } from '../../src/plugins/shared-subscriptions';
import { eventually, type LiveSubscription, subscribe, wsClient } from '../helpers/live';
import { it } from '../helpers/world';

interface Added {
  answerAdded: { cursor: string; node?: { body: string; author: { name: string } } };
}

const FULL = `subscription($questionId: ID!, $after: String) {
  answerAdded(questionId: $questionId, after: $after) { cursor node { body author { ... on Doctor { name } } } }
}`;
const CURSOR_ONLY = 'subscription($questionId: ID!) { answerAdded(questionId: $questionId) { cursor } }';

it('executes each answer once per selection and visibility, and delivers it to every subscriber in order', async ({
  server,
}) => {
  const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: 'izharul-hasan' } });
  const [poster, viewerX, viewerY] = await Promise.all(
    [0, 1, 2].map(() => issueCredential(server.db, { role: 'doctor', doctorId: doctor.id })),
  );
  const asked = await server.request<{ askQuestion: { question: { id: string } } }>(
    'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }',
    { input: { title: `Shared execution ${Math.random()}`, body: 'Is this executed once for all of you?' } },
  );
  const questionId = asked.data!.askQuestion.question.id;
  const post = async (body: string) => {
    const { errors } = await server.request(
      'mutation($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }',
      { input: { questionId, body } },
      { authorization: `Bearer ${poster}` },
    );
    expect(errors).toBeUndefined();
  };

  // Four groups: five anonymous subscribers with one selection (one of them passes `after`, which
  // only says where its stream starts), two with credential X, one with credential Y, and one
  // anonymous with another selection.
  const clients = [
    ...[null, null, null, null, null, viewerX, viewerX, viewerY].map((token) =>
      wsClient(server.url, token ?? undefined),
    ),
    wsClient(server.url),
  ];
  const subscriptions: LiveSubscription<Added>[] = clients.map((client, i) =>
    i === 8
      ? subscribe<Added>(client, CURSOR_ONLY, { questionId })
      : subscribe<Added>(client, FULL, i === 4 ? { questionId, after: null } : { questionId }),
  );
  await eventually(() => server.pubSub.listenerCount() === clients.length, 5000, 'every subscription listening');

  const before = liveClock();
  const bodies = ['First, shared.', 'Second, shared.', 'Third, shared.'];
  for (const [i, body] of bodies.entries()) {
    await post(body);
    await Promise.all(subscriptions.map((s) => s.waitFor(i + 1)));
  }
  expect(liveClock() - before).toBe(bodies.length * 4);

  const cursors = subscriptions[8]!.received.map((event) => event.answerAdded.cursor);
  expect(cursors).toHaveLength(3);
  for (const [i, s] of subscriptions.entries()) {
    expect(s.errors).toEqual([]);
    expect(s.received).toEqual(
      i === 8
        ? cursors.map((cursor) => ({ answerAdded: { cursor } }))
        : bodies.map((body, k) => ({
            answerAdded: { cursor: cursors[k], node: { body, author: { name: 'Dr. Izharul Hasan' } } },
          })),
    );
  }

  await Promise.all(clients.map((client) => client.dispose()));
  await eventually(() => server.pubSub.listenerCount() === 0, 5000, 'every listener gone');
});
